# kiln-test: native-only
# typing compiled from the interpreter's standard library: generics, aliases, NamedTuple,
# TypedDict, Protocol, cast, overload, get_type_hints and the reprs of type expressions.
# From 3.12 on typing takes TypeVar, Generic, ... from _typing (kiln's own Python), and
# builds its own protocols with the type parameter syntax.
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

# ---- more of typing ----
import sys
import typing
from typing import (Any, Callable, ClassVar, Dict, Final, FrozenSet, Generic, Iterable,
                    Iterator, List, Literal, Mapping, NamedTuple, NewType, Optional,
                    Protocol, Sequence, Set, Tuple, Type, TypedDict, TypeVar, Union,
                    get_type_hints, overload, runtime_checkable)

T = TypeVar("T")
S = TypeVar("S", bound=str)
T_co = TypeVar("T_co", covariant=True)
T_contra = TypeVar("T_contra", contravariant=True)
print(T.__name__, S.__bound__, T_co, T_contra, T_co.__covariant__, T.__constraints__)
print(type(T).__name__, type(T).__module__, Optional[T])


class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item

    def get(self) -> T:
        return self.item


class Pair(Generic[T, S]):
    pass


class IntBox(Box[int]):
    pass


print(Box[int], Box[int]().__class__ if False else Box[int].__origin__, Box[int].__args__)
print(Pair[int, str], Pair.__parameters__, IntBox.__orig_bases__, IntBox.__parameters__)
print(Box(3).get(), IntBox(4).get(), typing.get_origin(Box[int]), typing.get_args(Pair[int, str]))
print(Box[List[T]][int], Dict[str, T][int], List[Tuple[T, S]][int, str])
print(Generic in Box.__mro__, Box.__mro__[-1])
try:
    Pair[int]
except TypeError as e:
    print("TypeError", e)
try:
    class Bad(Generic[T], Generic[S]):
        pass
except TypeError as e:
    print("TypeError", e)
try:
    Generic[int]
except TypeError as e:
    print("TypeError", e)
try:
    class Sub(T):
        pass
except TypeError as e:
    print("TypeError", e)

print(Union[int, str, int], Union[int], Union[int, None] == Optional[int])
print(Callable[..., int], Callable[[], None], Type[int], FrozenSet[int], Set[str])
print(typing.get_origin(Union[int, str]), typing.get_args(Callable[[int], str]))
print(typing.get_origin(Literal[1]), typing.get_args(Literal[1, 2]), typing.get_origin(int))
print(Iterable[int], Iterator[str], Mapping[str, int], Sequence[T][bytes])
print(ClassVar[int], Final, Literal["a", 1], Literal[True] == Literal[True])

UserId = NewType("UserId", int)
print(UserId(5), UserId.__name__, UserId.__supertype__)


class Employee(NamedTuple):
    name: str
    id: int = 3

    def describe(self) -> str:
        return "%s#%d" % (self.name, self.id)


e = Employee("ann")
print(e, e.describe(), e._replace(id=9), Employee._field_defaults, e[0])
Point3 = NamedTuple("Point3", [("x", int), ("y", int), ("z", int)])
print(Point3(1, 2, 3), Point3._fields)


class Options(TypedDict, total=False):
    verbose: bool
    level: int


class Req(TypedDict):
    url: str


print(Options.__total__, sorted(Options.__optional_keys__), sorted(Req.__required_keys__))
print(Options(verbose=True), type(Options()), Req(url="x") == {"url": "x"})


@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...


class Resource:
    def close(self) -> None:
        pass


class SizedProto(Protocol[T]):
    def size(self) -> T: ...


# From 3.12 on, isinstance with a runtime-checkable protocol goes through
# inspect.getattr_static, and inspect needs the C module _ast, which kiln does not have.
if sys.version_info < (3, 12):
    print(isinstance(Resource(), Closable), isinstance(3, Closable), issubclass(Resource, Closable))
print(Closable._is_runtime_protocol, Closable.__protocol_attrs__ if sys.version_info >= (3, 12)
      else {"close"})
print(SizedProto[int], SizedProto.__parameters__)
try:
    isinstance(3, SizedProto)
except TypeError as e:
    print("TypeError", str(e)[:60])


@overload
def double(x: int) -> int: ...
@overload
def double(x: str) -> str: ...
def double(x):
    return x * 2


print(double(4), double("xy"))
try:
    @overload
    def only(x: int) -> int: ...
    only(1)
except NotImplementedError as e:
    print("NotImplementedError", e)


def hinted(a: List[int], b: Optional[Box[str]] = None, *args: int, **kw: str) -> Dict[str, T]:
    return {}


class Annotated_:
    x: int
    y: Optional[str]
    z: ClassVar[int] = 0


print(get_type_hints(hinted))
print(get_type_hints(Annotated_))
print(typing.cast(List[int], "x"), typing.cast("int", 5))
if sys.version_info >= (3, 9):
    from typing import Annotated
    A = Annotated[int, "meta", 3]
    print(A, A.__metadata__, typing.get_origin(A) is Annotated, typing.get_args(A))
    print(get_type_hints(lambda: None), list[int], dict[str, list[int]])

    def ann(x: Annotated[int, "unit"]) -> None:
        pass
    print(get_type_hints(ann), get_type_hints(ann, include_extras=True))
if sys.version_info >= (3, 10):
    from typing import Concatenate, ParamSpec, TypeAlias, TypeGuard
    P = ParamSpec("P")
    print(P, P.args, P.kwargs, P.args.__origin__ is P, Callable[P, int])
    print(Callable[Concatenate[int, P], str], Callable[P, T][[int, str], bool])

    class Decorated(Generic[P, T]):
        pass
    print(Decorated[[int], str] if sys.version_info >= (3, 12) else "", TypeGuard[int], int | str, Optional[int | None], T | int, int | T)
if sys.version_info >= (3, 11):
    from typing import LiteralString, Never, Self, TypeVarTuple, Unpack, assert_never, reveal_type
    Ts = TypeVarTuple("Ts")
    print(Ts, Unpack[Ts], Tuple[int, Unpack[Ts]], Self, Never, LiteralString)

    class Array(Generic[Unpack[Ts]]):
        pass
    print(Array[int, str], Array[()], Array.__parameters__)
    print(typing.assert_type(3, int))
print(typing.TYPE_CHECKING, Any, isinstance(typing.List, type))
print(typing.no_type_check(lambda: 1)(), typing.final(Box) is Box)
