# kiln-test: native-only
# The native _bisect module and bisect over it: searches, insertions, lo/hi bounds, key
# functions (3.10 on), user orderings and CPython's errors.
import sys
import _bisect
import bisect

print(bisect.bisect_left is _bisect.bisect_left, bisect.insort is _bisect.insort_right)
print(sorted(n for n in dir(_bisect) if not n.startswith("__")))

a = [1, 2, 2, 2, 3, 5, 8]
for x in [0, 1, 2, 3, 4, 8, 9]:
    print(x, _bisect.bisect_left(a, x), _bisect.bisect_right(a, x), bisect.bisect(a, x))
print(_bisect.bisect_left(a, 2, 2), _bisect.bisect_left(a, 2, 0, 2), _bisect.bisect_right(a, 2, hi=3))
print(_bisect.bisect_right(a, 2, lo=5), _bisect.bisect_left(a, 9, 0, 100 - 97))
print(_bisect.bisect_right(a, 2, 0, len(a)), _bisect.bisect_right(a, 2, 0, -1), _bisect.bisect_right(a, 2, 3, 1))
print(_bisect.bisect_left([], 1), _bisect.bisect_right((1, 3, 5), 3), bisect.bisect_left("aceg", "d"))
print(_bisect.bisect_left(x=3, a=a), bisect.bisect_right(a, 2, lo=True))

b = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    _bisect.insort_left(b, x)
    bisect.insort(b, x + 0.5)
print(b)
c = [1, 3]
print(_bisect.insort_right(c, 2), c, _bisect.insort_left(c, 0, 0, 0), c)


class Seq(list):
    def insert(self, i, x):
        print("insert", i, x)
        list.insert(self, i, x)


s = Seq([1, 2, 4])
_bisect.insort_right(s, 3)
print(s)


class Ver:
    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        print("lt", self.n, other.n)
        return self.n < other.n

    def __repr__(self):
        return "Ver(%d)" % self.n


vs = [Ver(i) for i in range(0, 10, 2)]
print(_bisect.bisect_left(vs, Ver(5)), _bisect.bisect_right(vs, Ver(4)))
_bisect.insort_left(vs, Ver(7))
print(vs)

if sys.version_info >= (3, 10):
    words = ["a", "bb", "ccc", "dddd"]
    print(_bisect.bisect_left(words, 3, key=len), _bisect.bisect_right(words, 3, key=len))
    print(bisect.bisect(words, 2, key=len), _bisect.bisect_left(words, 2, key=None))
    recs = [(1, "x"), (3, "y")]
    _bisect.insort_left(recs, (2, "z"), key=lambda r: r[0])
    bisect.insort_right(recs, (3, "w"), key=lambda r: r[0])
    print(recs)
    try:
        _bisect.bisect_left(words, 2, 0, 4, len)
    except TypeError as e:
        print("TypeError", e)
else:
    print(1, 3)
    print(2, 2)
    print([(1, 'x'), (2, 'z'), (3, 'y'), (3, 'w')])
    print("TypeError", "bisect_left() takes at most 4 positional arguments (5 given)")

for f, args in [
    (_bisect.bisect_left, (a, 1, -1)),
    (_bisect.insort_right, ([], 1, -5)),
    (_bisect.bisect_right, (a, 1, "0")),
    (_bisect.bisect_right, (a, 1, 0, 2.5)),
    (_bisect.bisect_left, (5, 1)),
    (_bisect.bisect_left, (a, "x")),
    (_bisect.bisect_right, (a, 1, 0, 100)),
    (_bisect.bisect_right, (a, 1, 0, None)),
    (_bisect.bisect_left, (a, 1, 2 ** 70)),
    (_bisect.insort_left, ((1, 2), 1)),
    (_bisect.bisect_left, (a,)),
]:
    try:
        print(f(*args))
    except Exception as e:
        print(type(e).__name__, e)
try:
    _bisect.bisect_left(a, 1, nope=1)
except TypeError as e:
    print("TypeError", e)
_bisect.bisect_right([1, 2, 3], 2, -1)
