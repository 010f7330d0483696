# super() in both forms, cooperative multiple inheritance, classmethods, __init__ chains.
class A:
    def __init__(self, x):
        self.x = x
        print("A.__init__", x)
    def who(self):
        return "A"
    @classmethod
    def make(cls, v):
        return cls(v)
    def __repr__(self):
        return f"{type(self).__name__}({self.x})"

class B(A):
    def __init__(self, x, y=0):
        super().__init__(x)
        self.y = y
    def who(self):
        return "B>" + super().who()

class C(A):
    def who(self):
        return "C>" + super(C, self).who()

class D(B, C):
    def who(self):
        return "D>" + super().who()

d = D(1, 2)
print(d.who(), d.x, d.y, D.__mro__)
print(B.make(5), D.make(7).who())
print(super(B, d).who(), super(D, d).who(), super(C, d).who())

class Base:
    registry = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        cls.registry.append(cls.__name__)
    @staticmethod
    def helper(a, b):
        return a + b
    @classmethod
    def create(cls):
        return cls.__name__

class Child(Base):
    @classmethod
    def create(cls):
        return "child:" + super().create()

class GrandChild(Child):
    pass

print(Base.registry, Child.create(), GrandChild.create(), Child.helper(2, 3), Child().helper(1, 1))

class Cooperative:
    def __init__(self, **kw):
        print("Cooperative end", sorted(kw))
class Left(Cooperative):
    def __init__(self, left=None, **kw):
        print("Left", left)
        super().__init__(**kw)
class Right(Cooperative):
    def __init__(self, right=None, **kw):
        print("Right", right)
        super().__init__(**kw)
class Both(Left, Right):
    def __init__(self, **kw):
        super().__init__(**kw)
Both(left=1, right=2, extra=3)

class Err(Exception):
    def __init__(self, code, msg):
        super().__init__(f"{code}: {msg}")
        self.code = code
try:
    raise Err(404, "not found")
except Err as e:
    print(e, e.code, e.args, repr(e))

class MyList(list):
    def append(self, v):
        print("appending", v)
        super().append(v * 10)
ml = MyList([1])
ml.append(2)
print(ml, len(ml), type(ml).__name__)

class Point:
    def __init__(self, x):
        self.x = x
    def __eq__(self, other):
        if not isinstance(other, Point):
            return NotImplemented
        return self.x == other.x
    def __hash__(self):
        return hash(self.x)
class Point3(Point):
    def __eq__(self, other):
        return super().__eq__(other) and True
print(Point3(1) == Point3(1), Point3(1) == Point3(2), Point3(1) == 5)
s = super(B, d)
print(type(s).__name__, s.__thisclass__.__name__)
try:
    super(B, 5)
except TypeError as e:
    print(e)
