# Attribute inline caches never return a stale or shadowed value: each access below runs in a
# loop so a site's cache is warm before the class or the instance changes under it.


class Base:
    kind = "base"

    def __init__(self, x):
        self.x = x
        self.y = x * 2

    def describe(self):
        return "Base.describe"


class Left(Base):
    def describe(self):
        return "Left.describe"


class Right(Base):
    pass


def read_x(objs):
    return [o.x for o in objs]


def call_describe(objs):
    return [o.describe() for o in objs]


objs = [Base(1), Left(2), Right(3), Base(4), Left(5)]
for _ in range(3):
    print(read_x(objs), call_describe(objs))

# An instance attribute that shadows a method.
b = Base(7)
for _ in range(3):
    print(call_describe([b]))
b.describe = lambda: "instance lambda"
print(call_describe([b]), call_describe([Base(0)]))

# Writing through __dict__ also shadows.
r = Right(1)
print(call_describe([r]))
r.__dict__["describe"] = lambda: "via __dict__"
print(call_describe([r]))
vars(r)["x"] = 99
print(read_x([r]))

# A method added to the class later, and one replaced.
def later(self):
    return "added later"


for _ in range(3):
    try:
        print([o.extra() for o in objs[:2]])
    except AttributeError as e:
        print("AttributeError:", e)
    Base.extra = later
Left.describe = lambda self: "replaced Left.describe"
print(call_describe(objs))
del Left.describe
print(call_describe(objs))


# A data descriptor added to the class after the cache is warm wins over the instance dict.
class P:
    def __init__(self):
        self.v = "instance value"


def read_v(o):
    return o.v


p = P()
for _ in range(3):
    print(read_v(p))
P.v = property(lambda self: "property value")
print(read_v(p))
del P.v
print(read_v(p))


# Stores: the cached slot follows deletes and re-adds.
class S:
    def __init__(self):
        self.a = 1
        self.b = 2


def bump(o):
    o.b = o.b + 1
    return o.b


s = S()
print([bump(s) for _ in range(3)])
del s.a
print([bump(s) for _ in range(3)], s.__dict__)
s.a = 5
print([bump(s) for _ in range(3)], s.__dict__)


# __setattr__ and __getattribute__ hooks added to the class later are honoured.
class H:
    def __init__(self):
        self.n = 0


def store_n(o, v):
    o.n = v
    return o.n


h = H()
print([store_n(h, i) for i in range(3)])
H.__setattr__ = lambda self, k, v: object.__setattr__(self, k, v * 100)
print([store_n(h, i) for i in range(3)])
H.__getattribute__ = lambda self, k: "hooked " + k
print(store_n(h, 1))


# Many types through one site (more than the cache holds).
classes = [type("C%d" % i, (), {"__init__": lambda self, i=i: setattr(self, "w", i)}) for i in range(9)]
insts = [c() for c in classes]
for _ in range(2):
    print(sum(o.w for o in insts))


# Floats and lists through the fast paths.
xs = [1.5, 2.25, -3.0]
total = 0.0
for i in range(3):
    xs[i] = xs[i] * 2 + i
    total += xs[i] / 4
print(xs, total, xs[-1], 2 ** 53 + 1.0, (2 ** 53 + 1) * 1.0, 7 // 2.0, -7 % 2.5)
print(1.0 < 2, 3 == 3.0, 2 ** 60 == 2.0 ** 60, (2 ** 53 + 1) == 2.0 ** 53, float("nan") != float("nan"))
try:
    print(1.0 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
t = (1, 2, 3)
print(t[-1], t[0], xs[-3])
try:
    xs[3] = 0
except IndexError as e:
    print("IndexError:", e)



# __slots__ members through the caches: unset and deleted slots, subclasses adding slots.
class Pt:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


class Pt3(Pt):
    __slots__ = ("z",)

    def __init__(self, x):
        super().__init__(x)
        self.z = x * 10


def get_x(p):
    return p.x


def set_y(p, v):
    p.y = v
    return p.y


pts = [Pt(1), Pt3(2), Pt(3)]
for _ in range(3):
    print([get_x(p) for p in pts], [set_y(p, i) for i, p in enumerate(pts)], pts[1].z)
q = Pt(9)
for _ in range(3):
    try:
        print(q.y)
    except AttributeError as e:
        print("AttributeError:", e)
    q.y = 5
del q.y
try:
    print(q.y)
except AttributeError as e:
    print("AttributeError:", e)
Pt.x = property(lambda self: "now a property")
print([get_x(p) for p in pts])
