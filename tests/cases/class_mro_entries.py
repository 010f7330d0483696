# kiln-test: requires 3.9
# PEP 560: a class statement replaces bases that have __mro_entries__ and keeps
# __orig_bases__; a __doc__ slot serves as the class's __doc__.
class Alias:
    def __init__(self, *bases):
        self.bases = bases
    def __mro_entries__(self, bases):
        print("entries for", len(bases), "bases")
        return self.bases
class A: pass
class B: pass
class C(Alias(A, B), int):
    pass
print(C.__mro__, C.__orig_bases__[1], C.__bases__)
class L(list[int]):
    pass
print(L.__bases__, L.__orig_bases__, L([1, 2]))
class D(A):
    pass
print("__orig_bases__" in D.__dict__)
class Bad:
    def __mro_entries__(self, bases):
        return [A]
try:
    class E(Bad()):
        pass
except TypeError as e:
    print("TypeError", e)
class S:
    __slots__ = ("__doc__", "x")
s = S()
s.__doc__ = "instance doc"
s.x = 1
print(s.__doc__, s.x, "__doc__" in S.__dict__)
class S2:
    "class doc"
    __slots__ = ("y",)
print(S2.__doc__, S2().__doc__)
