# kiln-test: native-only
# kiln-test: gap 3.12 typing needs a native _typing (TypeVar, Generic, ... are written in C from 3.12 on)
# typing compiled from the interpreter's standard library: generics, aliases, NamedTuple,
# TypedDict, Protocol, cast, overload, get_type_hints and the reprs of type expressions.
# 3.12 and later also need a _typing, which kiln does not have yet.
import typing
from typing import (Any, Callable, Dict, Generic, List, NamedTuple, Optional, Protocol,
                    Tuple, TypeVar, TypedDict, Union, cast, overload)

T = TypeVar("T")
K = TypeVar("K", str, bytes)
print(T, K, K.__constraints__, List[int], Dict[str, List[int]], Optional[int], Union[int, str])
print(Callable[[int, str], bool], Tuple[int, ...], typing.get_origin(List[int]), typing.get_args(Dict[str, int]))

class Stack(Generic[T]):
    def __init__(self):
        self.items: List[T] = []
    def push(self, x: T) -> None:
        self.items.append(x)
    def pop(self) -> T:
        return self.items.pop()

s = Stack[int]()
s.push(1)
s.push(2)
print(s.pop(), Stack[int], Stack.__parameters__)

class Point(NamedTuple):
    x: int
    y: int = 0

p = Point(3)
print(p, p._asdict(), Point._fields, Point.__annotations__)

class Movie(TypedDict):
    title: str
    year: int

m: Movie = {"title": "Blade Runner", "year": 1982}
print(m, Movie.__annotations__, Movie.__total__)

class Greeter(Protocol):
    def greet(self) -> str: ...

print(cast(int, "not checked"), cast("List[int]", [1]))

@overload
def f(x: int) -> int: ...
@overload
def f(x: str) -> str: ...
def f(x):
    return x * 2
print(f(2), f("ab"))

def g(a: int, b: str = "x") -> Optional[List[int]]:
    return None
print(typing.get_type_hints(g))
print(Any, typing.NoReturn, typing.ClassVar[int], typing.Final[int], typing.Literal[1, "a"])
print(isinstance([], typing.List), issubclass(list, typing.Sequence), typing.TYPE_CHECKING)
