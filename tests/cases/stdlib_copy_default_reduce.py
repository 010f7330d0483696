# kiln-test: native-only
# object.__reduce_ex__ / __reduce__ / __getstate__: the default reduction copy uses (instance
# dicts, __slots__, list and dict subclasses, __getnewargs__, __getstate__ overrides, a
# built-in __reduce__ reached through __reduce_ex__), and unpicklable built-in state.
import copy
class A:
    def __init__(self): self.x = [1]
a = copy.copy(A()); print(a.x)
b = copy.deepcopy(A()); print(b.x)
class B:
    def __reduce__(self): return (B, ())
print(type(copy.copy(B())).__name__)
print(A().__reduce_ex__(2)[0].__name__, A().__reduce_ex__(2)[1][0] is A)
class S:
    __slots__ = ("a", "b")
s = S(); s.a = 1
t = copy.copy(s); print(t.a, hasattr(t, "b"))
class L(list): pass
l = L([1,2]); l.z = 3
m = copy.deepcopy(l); print(m, m.z, type(m).__name__)
class D(dict): pass
print(copy.copy(D(a=1)))
class I(int): pass
print(copy.copy(I(5)), type(copy.copy(I(5))).__name__)
class N:
    def __getnewargs_ex__(self): return ((1,), {"k": 2})
    def __new__(cls, *a, **k): o = object.__new__(cls); o.a = (a, k); return o
print(copy.copy(N()).a)
import functools
try: copy.copy(functools.cmp_to_key(len))
except TypeError as e: print(e)
class G:
    def __getstate__(self): return {"g": 1}
print(copy.copy(G()).g)
print(A().__reduce__()[0].__name__)
import operator
g = copy.copy(operator.itemgetter(1))
print(g([5, 6]), operator.itemgetter(1).__reduce_ex__(4)[0] is operator.itemgetter)
class R:
    def __reduce__(self):
        return (R, (), {"r": 9})
print(copy.copy(R()).r, R().__reduce_ex__(2)[2])
print(object().__reduce_ex__(4)[1][0] is object)
