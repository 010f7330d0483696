# kiln-test: native-only
# enum, copy, types, weakref, abc, reprlib and keyword compiled from the standard library.
import abc
import copy
import enum
import reprlib
import types
import weakref


class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1


print(Color.RED, Color(2), Color["BLUE"], Color.RED.name, Color.RED.value, list(Color))
print(Color.RED is Color(1), Color.GREEN in Color, len(Color), isinstance(Color.RED, Color))
print(int(Perm.R | Perm.W), Perm.R in (Perm.R | Perm.X), Perm(6) == Perm.R | Perm.W)
try:
    Color(9)
except ValueError as e:
    print("ValueError", e)

data = {"a": [1, 2], "b": {"c": 3}}
shallow, deep = copy.copy(data), copy.deepcopy(data)
data["a"].append(9)
print(shallow["a"], deep["a"], deep == {"a": [1, 2], "b": {"c": 3}})
ns = types.SimpleNamespace(x=1, y=2)
print(ns.x + ns.y, type(len) is types.BuiltinFunctionType, isinstance(lambda: 0, types.FunctionType))


class Node:
    pass


n = Node()
r = weakref.ref(n)
print(r() is n, weakref.ref(n) == r)
cache = weakref.WeakValueDictionary()
cache["n"] = n
print(cache["n"] is n, "n" in cache)


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        ...


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s ** 2


try:
    Shape()
except TypeError as e:
    print("TypeError", str(e).split(" with")[0])
print(Square(3).area(), isinstance(Square(1), Shape), issubclass(Square, Shape))
print(reprlib.repr(list(range(100))), reprlib.repr("x" * 100))
