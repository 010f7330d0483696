# kiln-test: native-only
# kiln-test: requires 3.12
# The type parameter syntax of 3.12 (PEP 695): `type` aliases, generic functions and
# classes, bounds, constraints, ParamSpec and TypeVarTuple parameters; kiln's _typing builds
# what the CALL_INTRINSIC instructions ask for.
import sys
import typing

type Number = int | float
type Pair[T] = tuple[T, T]
type Lazy = "Undefined"


def first[T](xs: list[T]) -> T:
    return xs[0]


def bounded[S: str](s: S) -> S:
    return s.upper()


def constrained[A: (int, bytes)](a: A) -> A:
    return a


class Stack[T]:
    def __init__(self) -> None:
        self.items: list[T] = []

    def push(self, x: T) -> None:
        self.items.append(x)

    def pop(self) -> T:
        return self.items.pop()


class Mapping2[K, V](dict):
    pass


def call[**P, R](f: typing.Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
    return f(*args, **kwargs)


def star[*Ts](*args: *Ts) -> tuple[*Ts]:
    return args


print(Number, type(Number).__name__, Number.__name__, Number.__value__, Number.__type_params__)
print(Pair, Pair.__type_params__, Pair.__parameters__, Pair[int], Pair.__value__)
print(Lazy.__value__, Number.__module__)
print(first([3, 4]), first.__type_params__, first.__type_params__[0].__name__)
(T,) = first.__type_params__
print(type(T).__name__, T.__infer_variance__, T.__bound__, T.__constraints__)
(S,) = bounded.__type_params__
print(bounded("abc"), S, S.__bound__)
(A,) = constrained.__type_params__
print(constrained(5), A.__constraints__)
s = Stack[int]()
s.push(1)
s.push(2)
print(s.pop(), Stack.__type_params__, Stack.__parameters__, Stack[str], typing.Generic in Stack.__mro__)
print(Mapping2.__type_params__, Mapping2[str, int], issubclass(Mapping2, dict), Mapping2.__mro__)
print(call(max, 3, 9), call.__type_params__, type(call.__type_params__[0]).__name__)
print(star(1, "a"), star.__type_params__, list(star.__type_params__[0]))
print(typing.get_args(Pair[str]), typing.get_origin(Pair[str]) is Pair)
try:
    Number[int]
except TypeError as e:
    print("TypeError", e)


class Outer:
    type Inner = list[int]

    def method[U](self, u: U) -> U:
        return u


print(Outer.Inner, Outer.Inner.__qualname__ if hasattr(Outer.Inner, "__qualname__") else "",
      Outer().method(7), Outer.method.__type_params__)
if sys.version_info >= (3, 13):
    D = typing.TypeVar("D", default=int)
    print(D.__default__, D.has_default(), typing.NoDefault, T.has_default())
    Ps = typing.ParamSpec("Ps", default=[int, str])
    print(Ps.__default__, typing.TypeVarTuple("Ts").__default__)
else:
    print("<class 'int'> True typing.NoDefault False")
    print("[<class 'int'>, <class 'str'>] typing.NoDefault")
