# kiln-test: native-only
# Unbounded recursion through special methods and generators raises RecursionError (catchable),
# never a native stack overflow.
import sys


class Repr:
    def __repr__(self):
        return repr(self)


class Eq:
    def __eq__(self, other):
        return self == other


class GetAttr:
    def __getattr__(self, name):
        return getattr(self, name)


class Str:
    def __str__(self):
        return str(self)


class Hash:
    def __hash__(self):
        return hash(self)


class Len:
    def __len__(self):
        return len(self)


class Iter:
    def __iter__(self):
        return iter(self)


class Call:
    def __call__(self):
        return self()


class Lt:
    def __lt__(self, other):
        return self < other


class Add:
    def __add__(self, other):
        return self + other


class Bool:
    def __bool__(self):
        return bool(self)


class GetItem:
    def __getitem__(self, k):
        return self[k]


class Prop:
    @property
    def p(self):
        return self.p


def gen(n):
    yield from gen(n + 1)


def gen_next(n):
    g = gen_next(n + 1)
    yield next(g)


def lam():
    f = lambda: f()
    return f()


cases = [
    ("repr", lambda: repr(Repr())),
    ("eq", lambda: Eq() == 1),
    ("getattr", lambda: GetAttr().missing),
    ("str", lambda: str(Str())),
    ("format", lambda: f"{Str()}"),
    ("hash", lambda: hash(Hash())),
    ("len", lambda: len(Len())),
    ("iter", lambda: iter(Iter())),
    ("call", lambda: Call()()),
    ("lt", lambda: Lt() < 1),
    ("add", lambda: Add() + 1),
    ("bool", lambda: bool(Bool())),
    ("getitem", lambda: GetItem()[0]),
    ("property", lambda: Prop().p),
    ("yield from", lambda: list(gen(0))),
    ("next", lambda: next(gen_next(0))),
    ("lambda", lam),
]
for name, f in cases:
    try:
        f()
        print(name, "returned")
    except RecursionError as e:
        print(name, "RecursionError", "maximum recursion depth exceeded" in str(e))

# Nested containers deeper than the limit.
deep = []
for _ in range(100000):
    deep = [deep]
try:
    repr(deep)
except RecursionError:
    print("deep list repr RecursionError")
try:
    deep == deep[0]
    print("deep list eq done")
except RecursionError:
    print("deep list eq RecursionError")
d = {}
for _ in range(100000):
    d = {"k": d}
try:
    str(d)
except RecursionError:
    print("deep dict str RecursionError")

# The program goes on normally afterwards, with the limit unchanged.
print(sys.getrecursionlimit())


def count(n):
    return 0 if n == 0 else 1 + count(n - 1)


print(count(900))
sys.setrecursionlimit(5000)
print(count(4500))
