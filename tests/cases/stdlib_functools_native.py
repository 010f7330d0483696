# kiln-test: native-only
# The native _functools module and functools over it: reduce, cmp_to_key (KeyWrapper), and
# partial (calls, flattening, attributes, reprs, subclasses, copy), with CPython's errors.
import copy
import sys
import _functools
import functools

print(functools.reduce is _functools.reduce, functools.cmp_to_key is _functools.cmp_to_key)
print(functools.partial is _functools.partial)
print(_functools.reduce(lambda a, b: a + b, [1, 2, 3, 4]), _functools.reduce(lambda a, b: a * b, range(1, 6), 10))
print(_functools.reduce(lambda a, b: a + b, [], "init"), _functools.reduce(max, iter([3, 9, 2])))
print(functools.reduce(lambda acc, c: c + acc, "abc"))

key = _functools.cmp_to_key(lambda a, b: (a > b) - (a < b))
print(type(key).__name__, type(key).__module__, key.obj)
words = ["pear", "fig", "apple", "kiwi"]
print(sorted(words, key=functools.cmp_to_key(lambda a, b: len(a) - len(b))))
print(sorted([3, 1, 2], key=_functools.cmp_to_key(lambda a, b: b - a)))
k1, k2 = key(1), key(2)
print(k1 < k2, k1 <= k2, k1 == k2, k1 != k2, k1 > k2, k1 >= k2, k1.obj, key(obj=5).obj)
print(max([4, 8, 2], key=_functools.cmp_to_key(lambda a, b: a - b)))


def f(*args, **kw):
    return args, sorted(kw.items())


p = _functools.partial(f, 1, 2, a=3)
print(p(), p(4, b=5), p(a=9), p.func is f, p.args, p.keywords)
print(repr(p).startswith("functools.partial(<function f at "), repr(p).endswith(">, 1, 2, a=3)"))
print(repr(_functools.partial(len)), repr(functools.partial(max, 1, key=abs)))
q = _functools.partial(p, 6, c=7)
print(q.func is f, q.args, q.keywords, q())
b = functools.partial(int, base=2)
print(b("101"), b("11", base=3), functools.partial(sorted, reverse=True)([1, 3, 2]))
p.attr = "x"
print(p.attr, p.__dict__)
r = _functools.partial(p, 0)
print(r.func is p, r.args)


class MyPartial(functools.partial):
    def extra(self):
        return "extra " + str(self.args)


mp = MyPartial(f, 1)
print(mp(2), mp.extra(), type(mp).__name__, isinstance(mp, functools.partial))
mpr = repr(mp)
print(mpr[: mpr.index("(")] in ("MyPartial", "__main__.MyPartial"))
m2 = MyPartial(mp, 3)
print(m2.func is mp, m2.args)
c = copy.copy(b)
print(type(c).__name__, c.func is int, c.args, c.keywords, c("111"))
d = copy.deepcopy(_functools.partial(f, [1], k=[2]))
print(d())
print(functools.partial(f, 1).__reduce__()[0] is functools.partial, functools.partial(f, 1).__reduce__()[1][0] is f)


class C:
    meth = functools.partial(f, "bound?")


print(C().meth(1))
print(functools.update_wrapper(functools.partial(f), f).__name__ if sys.version_info >= (3, 0) else "f")
print(functools.reduce(_functools.partial(lambda x, a, b: a * x + b, 10), [1, 2, 3]))

# Flattening: which partials of partials take over the inner function (varies by version).
class Called(functools.partial):
    def __call__(self, *a, **k):
        return "Called"


t = functools.partial(Called(f, 1), 2)
print(t.func is f, t.args)
p = functools.partial(f, 1)
p.x = 1
del p.x
print(functools.partial(p, 2).func is f)
p = functools.partial(f, 1)
p.__dict__
print(functools.partial(p, 2).func is f, functools.partial(functools.partial(f, 1), 2).func is f)
print(type(copy.copy(MyPartial(f, 1))).__name__, copy.copy(MyPartial(f, 1))(5))
print(functools.partial(f, a=1)(a=2, b=3), functools.partial(f)(**{"a": 1}))
if sys.version_info >= (3, 9):
    print(functools.partial[int])
else:
    print("functools.partial[int]")
for name in ("func", "args", "keywords"):
    try:
        setattr(functools.partial(f), name, 1)
    except AttributeError as e:
        print("AttributeError", e)
for state in [(f, (), {}), (f, [], {}, None), (1, (), {}, None), [f, (), {}, None]]:
    try:
        functools.partial(f).__setstate__(state)
    except TypeError as e:
        print("TypeError", e)
s = functools.partial(f)
s.__setstate__((f, (7,), None, {"note": 1}))
print(s(), s.keywords, s.note)
print(functools.partial(f).__dict__, type(functools.cmp_to_key(len)))
for x in [functools.cmp_to_key(len), functools.cmp_to_key(len)(1)]:
    try:
        copy.copy(x)
    except TypeError as e:
        print("TypeError", e)

for fn, args in [
    (_functools.reduce, (lambda a, b: a, [])),
    (_functools.reduce, (lambda a, b: a, 1)),
    (_functools.reduce, (lambda a, b: a,)),
    (_functools.reduce, (lambda a, b: a / b, [1, 0])),
    (_functools.partial, ()),
    (_functools.partial, (1,)),
    (k1.__lt__, (1,)),
    (hash, (k1,)),
    (_functools.cmp_to_key, ()),
]:
    try:
        print(fn(*args))
    except Exception as e:
        print(type(e).__name__, e)
try:
    k1 < 3
except TypeError as e:
    print("TypeError", e)
try:
    _functools.reduce(lambda a, b: a, [1], initial=2) if sys.version_info < (3, 14) else print(1 / 0)
except Exception as e:
    print(type(e).__name__, "error")
_functools.partial(f, 1)(**{1: 2}) if False else _functools.reduce(lambda a, b: a, [])
