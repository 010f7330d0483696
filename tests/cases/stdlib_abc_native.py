# kiln-test: native-only
# The native _abc module under abc.ABCMeta: abstract methods and the error instantiating,
# register, isinstance/issubclass through the registry and __subclasshook__, the caches and
# their invalidation, _get_dump, _reset_caches/_reset_registry, get_cache_token, the
# inheritance-cycle error, and the standard ABCs (collections.abc, numbers, io) over it.
import abc
import _abc
import collections.abc as cabc
import io
import numbers
import weakref


class Base(abc.ABC):
    @abc.abstractmethod
    def run(self):
        pass

    @abc.abstractmethod
    def stop(self):
        pass

    def helper(self):
        return "helper"


print(sorted(Base.__abstractmethods__), type(Base._abc_impl).__name__)
for cls in (Base,):
    try:
        cls()
    except TypeError as e:
        print("TypeError", str(e).replace("methods", "method(s)").split(" ")[0:4])


class Half(Base):
    def run(self):
        return "run"


print(sorted(Half.__abstractmethods__))
try:
    Half()
except TypeError as e:
    print("TypeError", "Half" in str(e), "stop" in str(e))


class Full(Half):
    def stop(self):
        return "stop"


f = Full()
print(f.run(), f.stop(), f.helper(), Full.__abstractmethods__ == frozenset())
print(isinstance(f, Base), issubclass(Full, Base), issubclass(int, Base))


class Plain:
    pass


token = abc.get_cache_token()
print(token == _abc.get_cache_token(), issubclass(Plain, Base), isinstance(Plain(), Base))
print(Base.register(Plain) is Plain, abc.get_cache_token() == token + 1)
print(issubclass(Plain, Base), isinstance(Plain(), Base))
print(Base.register(Full) is Full, abc.get_cache_token() == token + 1)


class SubPlain(Plain):
    pass


print(issubclass(SubPlain, Base), isinstance(SubPlain(), Base))
reg, cache, neg, version = _abc._get_dump(Base)
print(len(reg), Plain in [r() for r in reg], SubPlain in [r() for r in cache], type(version).__name__)
print(all(type(r) is weakref.ref for r in reg | cache | neg))

try:
    Plain.register
except AttributeError:
    print("no register on a plain class")


class Meta(abc.ABC):
    pass


Meta.register(Plain)
try:
    Base.register(Meta)
    print("registered")
except RuntimeError as e:
    print("RuntimeError", e)


class A(abc.ABC):
    pass


class B(A):
    pass


try:
    B.register(A)
except RuntimeError as e:
    print("RuntimeError", e)
print(A.register(B) is B)


class Hooked(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Hooked:
            if any("quack" in K.__dict__ for K in C.__mro__):
                return True
            if any("nope" in K.__dict__ for K in C.__mro__):
                return False
        return NotImplemented


class Duck:
    def quack(self):
        pass


class NotDuck:
    nope = 1


print(issubclass(Duck, Hooked), isinstance(Duck(), Hooked), issubclass(NotDuck, Hooked))
print(issubclass(int, Hooked), isinstance(3, Hooked))
reg, cache, neg, version = _abc._get_dump(Hooked)
print(len(reg), sorted(c().__name__ for c in cache), sorted(c().__name__ for c in neg))
_abc._reset_caches(Hooked)
reg, cache, neg, version = _abc._get_dump(Hooked)
print(len(reg), len(cache), len(neg))
Hooked.register(int)
print(issubclass(int, Hooked), isinstance(3, Hooked), issubclass(bool, Hooked))
Hooked._abc_registry_clear()
Hooked._abc_caches_clear()
print(issubclass(int, Hooked))


class BadHook(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 42


for args in [(BadHook, int), (1, Base), (Base, 1)]:
    try:
        print(issubclass(*args))
    except Exception as e:
        print(type(e).__name__, e)
try:
    Base.register(3)
except TypeError as e:
    print("TypeError", e)
for fn, args in [(_abc._abc_init, (1,)), (_abc._get_dump, (Plain,)), (_abc._abc_register, (Base, 1))]:
    try:
        fn(*args)
    except Exception as e:
        print(type(e).__name__)


# abstract properties, classmethods and staticmethods
class Props(abc.ABC):
    @property
    @abc.abstractmethod
    def value(self):
        pass

    @classmethod
    @abc.abstractmethod
    def make(cls):
        pass

    @staticmethod
    @abc.abstractmethod
    def util():
        pass


print(sorted(Props.__abstractmethods__))


class Concrete(Props):
    value = 3
    make = classmethod(lambda cls: cls)
    util = staticmethod(lambda: 1)


print(Concrete().value, Concrete.make() is Concrete, Concrete.util())
print(abc.update_abstractmethods(Concrete) is Concrete if hasattr(abc, "update_abstractmethods") else True)

# The standard ABCs.
print(isinstance([], cabc.MutableSequence), isinstance((), cabc.Sequence), isinstance({}, cabc.Mapping))
print(isinstance("", cabc.Hashable), isinstance([], cabc.Hashable), issubclass(list, cabc.Iterable))
print(isinstance(iter([]), cabc.Iterator), isinstance(len, cabc.Callable), isinstance(set(), cabc.Set))
print(isinstance((x for x in ()), cabc.Generator), isinstance({}.keys(), cabc.KeysView))


class MySeq(cabc.Sequence):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * 2


s = MySeq(3)
print(list(s), 4 in s, s.index(4), list(reversed(s)), isinstance(s, cabc.Reversible))


class Sized2:
    def __len__(self):
        return 0


print(isinstance(Sized2(), cabc.Sized), issubclass(Sized2, cabc.Container))
print(isinstance(3, numbers.Integral), isinstance(3.0, numbers.Real), isinstance(1j, numbers.Complex))
print(isinstance(3.0, numbers.Integral), issubclass(bool, numbers.Number))
print(isinstance(io.StringIO(), io.TextIOBase), isinstance(io.BytesIO(), io.IOBase))
try:
    cabc.Sequence()
except TypeError as e:
    print("TypeError", "Sequence" in str(e))
