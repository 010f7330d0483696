# The `name` and `obj` attributes of caught NameError/AttributeError (CPython 3.10+), and str(e)
# never containing the suggestion.
import sys


def show(e):
    print(type(e).__name__, "|", e, "|", repr(getattr(e, "name", "-")), "|", repr(getattr(e, "obj", "-")))


try:
    pritn("x")
except NameError as e:
    show(e)
    print("Did you mean" in str(e))

try:
    [].apend(1)
except AttributeError as e:
    show(e)
    print(e.obj == [], "Did you mean" in str(e))

try:
    getattr(42, "reall")
except AttributeError as e:
    show(e)

try:
    sys.versio
except AttributeError as e:
    print(e, e.name, e.obj is sys)


class Point:
    def __init__(self):
        self.x = 1


p = Point()
try:
    p.y
except AttributeError as e:
    print(e, e.name, e.obj is p)

try:
    Point.z
except AttributeError as e:
    print(e, e.name, e.obj is Point)

try:
    None.real_part
except AttributeError as e:
    show(e)


class Dynamic:
    def __getattr__(self, name):
        raise AttributeError("computed " + name)


d = Dynamic()
try:
    d.missing
except AttributeError as e:
    print(e, e.name, e.obj is d)


class Explicit:
    def __getattr__(self, name):
        raise AttributeError("explicit", name="other", obj=7)


try:
    Explicit().anything
except AttributeError as e:
    print(e, e.name, e.obj)


class WithProperty:
    @property
    def broken(self):
        raise AttributeError("inside the property")


w = WithProperty()
try:
    w.broken
except AttributeError as e:
    print(e, e.name, e.obj is w)

# Nested: the inner failed lookup names the inner object.
try:
    p.x.imag.nothing
except AttributeError as e:
    print(e, e.name, e.obj)

# Constructed by hand.
e = AttributeError("msg", name="n", obj=[1])
print(e.args, e.name, e.obj)
e = AttributeError("plain")
print(e.name, e.obj)
e = NameError("msg", name="nm")
print(e.args, e.name)
e = NameError()
print(e.name)
e.name = "set later"
print(e.name)
for make in (lambda: NameError("x", obj=1), lambda: AttributeError("x", foo=1)):
    try:
        make()
    except TypeError as err:
        print("TypeError:", err)

# setattr failures carry no name (CPython sets it only on lookups).
try:
    (1).anything = 2
except AttributeError as e:
    print(e, e.name, e.obj)

# Free variables and `del` of a global.


def outer():
    def inner():
        return later

    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e, e.name)
    later = 1


outer()
try:
    del never_defined
except NameError as e:
    print(e, e.name)

# A name looked up from a method.


class K:
    def m(self):
        return undefined_thing


try:
    K().m()
except NameError as e:
    print(e, e.name)

# hasattr / getattr with a default still work.
print(hasattr(p, "y"), getattr(p, "y", "default"))
print(K.m.__code__.co_varnames)


def with_cells(a, b):
    c = a

    def g():
        return a + c

    return g


print(with_cells.__code__.co_varnames)
