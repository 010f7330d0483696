# kiln-test: native-only
# The native _operator module and operator over it: the operator functions, in-place ones,
# sequence helpers, itemgetter/attrgetter/methodcaller (calls, reprs, __reduce__), and errors.
import sys
import _operator
import operator

print(operator.add is _operator.add, operator.itemgetter is _operator.itemgetter)
print(operator.__add__ is _operator.add, operator.__lt__ is _operator.lt)
print(_operator.add(2, 3), _operator.sub(2, 3), _operator.mul("ab", 2), _operator.truediv(7, 2))
print(_operator.floordiv(7, 2), _operator.mod(7, 3), _operator.pow(2, 10), _operator.matmul.__name__)
print(_operator.and_(6, 3), _operator.or_(6, 3), _operator.xor(6, 3), _operator.lshift(1, 4), _operator.rshift(32, 2))
print(_operator.neg(5), _operator.pos(-5), _operator.abs(-2.5), _operator.inv(5), _operator.invert(0))
print(_operator.not_([]), _operator.truth([0]), _operator.is_(None, None), _operator.is_not(1, None))
print(_operator.lt(1, 2), _operator.le(2, 2), _operator.eq("a", "a"), _operator.ne(1, 1.0), _operator.gt(3, 1), _operator.ge(1, 3))
print(_operator.index(7), _operator.index(True), _operator.concat([1], [2]), _operator.concat("a", "b"))
print(_operator.contains([1, 2], 2), _operator.countOf([1, 2, 1, 1.0], 1), _operator.indexOf("abc", "c"))
print(_operator.length_hint([1, 2, 3]), _operator.length_hint(5, 9))
print(_operator._compare_digest("abc", "abc"), _operator._compare_digest(b"abc", bytearray(b"abd")), _operator._compare_digest(b"", b"x"))

lst = [1]
print(_operator.iadd(lst, [2]) is lst, lst, _operator.iconcat(lst, (3,)), _operator.imul(lst, 2))
n = 5
print(_operator.iadd(n, 1), _operator.isub(n, 1), _operator.ipow(2, 3), _operator.ior(1, 2), _operator.ixor(3, 1))
print(_operator.iand(3, 1), _operator.ilshift(1, 2), _operator.irshift(8, 1), _operator.imod(7, 4), _operator.ifloordiv(7, 2), _operator.itruediv(1, 4))
d = {}
_operator.setitem(d, "k", 1)
print(_operator.getitem(d, "k"), d)
_operator.delitem(d, "k")
print(d, _operator.getitem("hello", slice(1, 3)))


class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, o):
        return V(self.x + o.x)

    def __iadd__(self, o):
        self.x += o.x * 10
        return self

    def __lt__(self, o):
        return self.x < o.x

    def __neg__(self):
        return V(-self.x)

    def __index__(self):
        return self.x

    def __len__(self):
        return 3

    def __repr__(self):
        return "V(%r)" % self.x


a, b = V(1), V(2)
print(_operator.add(a, b), _operator.iadd(a, b), a, _operator.lt(a, b), _operator.gt(b, a), _operator.neg(b))
print(_operator.index(V(4)), _operator.length_hint(V(0)), [10, 20, 30][V(2)])


class Hint:
    def __length_hint__(self):
        return 7


class NoHint:
    def __length_hint__(self):
        return NotImplemented


print(_operator.length_hint(Hint()), _operator.length_hint(NoHint(), 2))

ig = _operator.itemgetter(1)
ig2 = operator.itemgetter(0, -1)
print(ig([5, 6, 7]), ig2("hello"), ig, ig2, ig.__reduce__(), type(ig).__name__, type(ig).__module__)
print(sorted([(1, "b"), (0, "c"), (2, "a")], key=_operator.itemgetter(1)))
print(_operator.itemgetter("k")({"k": "v"}))


class P:
    def __init__(self):
        self.name = "p"
        self.child = self

    def greet(self, who, punct="!"):
        return "hi " + who + punct


p = P()
ag = _operator.attrgetter("name")
ag2 = _operator.attrgetter("child.child.name", "name")
print(ag(p), ag2(p), ag, ag2, ag2.__reduce__())
mc = _operator.methodcaller("greet", "bob")
mc2 = _operator.methodcaller("greet", "amy", punct="?")
print(mc(p), mc2(p), mc, mc2, mc.__reduce__())
r = mc2.__reduce__()
print(r[0].func is _operator.methodcaller, r[0].args, r[0].keywords, r[1])
print(_operator.methodcaller("upper")("abc"), _operator.methodcaller("split", ",", maxsplit=1)("a,b,c"))
if sys.version_info >= (3, 11):
    print(_operator.call(max, 1, 5, 2), _operator.call(sorted, [3, 1], reverse=True))
else:
    print(5, [3, 1])

for f, args in [
    (_operator.add, (1, "a")),
    (_operator.add, (1,)),
    (_operator.neg, ("a",)),
    (_operator.neg, (1, 2)),
    (_operator.lt, (1, "a")),
    (_operator.index, (1.5,)),
    (_operator.concat, (1, 2)),
    (_operator.concat, ({}, {})),
    (_operator.indexOf, ([1, 2], 3)),
    (_operator.countOf, (1, 1)),
    (_operator.getitem, ([1], 5)),
    (_operator.delitem, ({}, "x")),
    (_operator.length_hint, ([], "x")),
    (_operator._compare_digest, ("é", "é")),
    (_operator._compare_digest, ("a", b"a")),
    (_operator._compare_digest, (1, 2)),
    (_operator.itemgetter, ()),
    (_operator.attrgetter, ()),
    (_operator.attrgetter, (1,)),
    (_operator.methodcaller, ()),
    (_operator.methodcaller, (1,)),
    (ig, ()),
    (ig, ([], [])),
    (ig, ([],)),
    (ag, (1,)),
    (mc, (1,)),
    (_operator.truediv, (1, 0)),
]:
    try:
        print(f(*args))
    except Exception as e:
        print(type(e).__name__, e)
try:
    ig([1, 2], k=1)
except TypeError as e:
    print("TypeError", e)
try:
    class Sub(_operator.itemgetter):
        pass
except TypeError as e:
    print("TypeError", e)
operator.attrgetter("missing")(p)
