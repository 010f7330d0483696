# The descriptor protocol: __get__/__set__/__delete__/__set_name__, data vs non-data.
class Typed:
    def __set_name__(self, owner, name):
        self.name = '_' + name
        print("set_name", owner.__name__, name)
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be int")
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print("deleting", self.name)
        delattr(obj, self.name)

class Rec:
    a = Typed()
    b = Typed()
    def __init__(self, a, b):
        self.a = a
        self.b = b

r = Rec(1, 2)
print(r.a, r.b, r.__dict__)
try:
    r.a = "x"
except TypeError as e:
    print(e)
del r.b
print(r.b, type(Rec.a).__name__)

class NonData:
    def __get__(self, obj, objtype=None):
        return "from descriptor"
class H:
    attr = NonData()
h = H()
print(h.attr)
h.attr = "instance wins"
print(h.attr, H.attr)

class CachedProperty:
    def __init__(self, func):
        self.func = func
        self.name = func.__name__
    def __get__(self, obj, cls):
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.name] = value
        return value
class Circle:
    def __init__(self, r):
        self.r = r
    @CachedProperty
    def area(self):
        print("computing")
        return 3 * self.r * self.r
c = Circle(2)
print(c.area, c.area)

class Bound:
    def __get__(self, obj, cls):
        return (obj is None, cls.__name__)
class Holder:
    b = Bound()
print(Holder.b, Holder().b)

class Validator:
    def __init__(self, lo, hi):
        self.lo, self.hi = lo, hi
    def __set_name__(self, owner, name):
        self.private = '__v_' + name
    def __get__(self, obj, owner):
        return getattr(obj, self.private)
    def __set__(self, obj, v):
        if not self.lo <= v <= self.hi:
            raise ValueError(f"{v} out of range")
        setattr(obj, self.private, v)
class Pct:
    value = Validator(0, 100)
p = Pct()
p.value = 50
print(p.value)
try:
    p.value = 500
except ValueError as e:
    print(e)

def method(self):
    return "bound to " + type(self).__name__
class Late:
    pass
Late.m = method
print(Late().m(), Late.m.__name__)
f = Late().m
print(f.__self__.__class__.__name__, f.__func__ is method)
