# kiln-test: native-only
# dataclasses: the methods it generates with exec (init, repr, eq, order, frozen setattr,
# hash), fields and their options, __post_init__, InitVar, ClassVar, the module functions,
# inheritance, make_dataclass, and 3.10's kw_only/slots/match_args.
import dataclasses
import inspect
import sys
from dataclasses import dataclass, field, InitVar, FrozenInstanceError
from typing import ClassVar, List


@dataclass
class Point:
    x: int
    y: int = 0
    tags: List[str] = field(default_factory=list)
    count: ClassVar[int] = 0


p = Point(1, 2)
print(p, Point(3), Point(x=4, tags=["a"]))
print(p == Point(1, 2), p == Point(1, 3), p != Point(2, 2), p == (1, 2))
print([f.name for f in dataclasses.fields(p)], Point.count)
print(dataclasses.asdict(Point(1, 2, ["t"])), dataclasses.astuple(Point(5, 6)))
print(dataclasses.replace(p, y=9), dataclasses.is_dataclass(p), dataclasses.is_dataclass(1))
print(Point.__init__.__qualname__, Point.__repr__.__name__, Point.__eq__.__qualname__)
print(inspect.signature(Point))
try:
    Point()
except TypeError as e:
    print("TypeError", e)
try:
    Point(1, 2, [], 4)
except TypeError as e:
    print("TypeError", e)


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)


vs = sorted([Version(2, 1), Version(1, 5, "old"), Version(2, 0), Version(1, 5)])
print(vs)
print(Version(1, 2) < Version(1, 3), Version(2) >= Version(1, 9), Version(1) <= Version(1))
print(hash(Version(1, 2)) == hash(Version(1, 2, "x")), len({Version(1), Version(1, 0)}))
try:
    Version(1).major = 5
except FrozenInstanceError as e:
    print("FrozenInstanceError", e)
try:
    del Version(1).minor
except FrozenInstanceError as e:
    print("FrozenInstanceError", e)
try:
    Version(1) < (1, 0)
except TypeError as e:
    print("TypeError", e)


@dataclass
class Scaled:
    x: int
    scale: InitVar[int] = 2
    z: int = field(init=False, default=0)
    hidden: int = field(default=5, repr=False)

    def __post_init__(self, scale):
        self.z = self.x * scale


s = Scaled(3)
print(s, Scaled(3, 10).z, s.hidden, [f.name for f in dataclasses.fields(Scaled)])


@dataclass(eq=False)
class Node:
    value: object = None
    children: list = field(default_factory=list)

    def __post_init__(self):
        self.size = 1 + sum(c.size for c in self.children)


tree = Node(1, [Node(2), Node(3, [Node(4)])])
print(tree.size, tree == Node(1), tree == tree, Node.__hash__ is object.__hash__)


@dataclass(unsafe_hash=True)
class Key:
    k: int
    name: str = "k"


print(hash(Key(1)) == hash((1, "k")), {Key(1): "one"}[Key(1)])


@dataclass
class Base:
    a: int
    b: str = "base"


@dataclass
class Derived(Base):
    c: float = 1.5
    b: str = "derived"


print(Derived(1), Derived(1, "x", 2.5), [f.name for f in dataclasses.fields(Derived)])
print(isinstance(Derived(0), Base), Derived(1) == Base(1))

M = dataclasses.make_dataclass("M", [("a", int), ("b", int, field(default=2))],
                               namespace={"total": lambda self: self.a + self.b})
m = M(1)
print(m, m.total(), M.__name__)

try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print("ValueError", e)

try:
    @dataclass
    class Order:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError", e)

if sys.version_info >= (3, 10):
    @dataclass(kw_only=True, slots=True)
    class Opts:
        width: int
        height: int = 3

    o = Opts(width=2)
    print(o, Opts.__slots__, Opts.__match_args__, hasattr(o, "__dict__"))
    try:
        Opts(1)
    except TypeError as e:
        print("TypeError", e)

    @dataclass
    class Mixed:
        a: int
        _: dataclasses.KW_ONLY
        b: int = 1

    print(Mixed(1, b=4), Mixed.__match_args__)
else:
    print("no kw_only before 3.10")

Point(1).missing
