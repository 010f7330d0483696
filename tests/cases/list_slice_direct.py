# Slice subscripts with the bounds passed directly (no slice object for exact lists and
# tuples): every bound kind, steps, in-place assignment, aliasing, subclasses, __index__ bounds,
# wrong bound types, and the objects that still get a slice object.
import sys


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


a = list(range(10))
n = None
big = 2 ** 100
print(a[2:5], a[:3], a[7:], a[n:n], a[n:4], a[4:n], a[-3:], a[:-7], a[-100:100])
print(a[big:], a[-big:3], a[3:big], a[:-big], a[::big], a[::-big], a[big::-1], a[-big::-1])
print(a[::2], a[::-1], a[8:2:-2], a[2:8:-1], a[-1:-11:-3], a[n:n:n], a[n:n:-1], a[1:9:4])
print(a[sys.maxsize:], a[-sys.maxsize:2], a[:: sys.maxsize], a[::-sys.maxsize])
k = 4
print(a[k::-1], a[: k + 1], a[k:k], a[k:k - 1], a[k - 10:k])
show(lambda: a[::0])
show(lambda: a["x":])
show(lambda: a[:1.5])
show(lambda: a[::"s"])
show(lambda: a[None:[]])


class I:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


class Bad:
    def __index__(self):
        return "no"


print(a[I(1):I(4)], a[::I(3)], a[I(-2):], a[I(big):], a[I(-big):I(2)])
show(lambda: a[Bad():])
show(lambda: a[True:])

# Assignment in place: same length, growing, shrinking, at the ends, empty.
b = list(range(8))
b[2:5] = "xyz"
print(b)
b[2:5] = [1]
print(b)
b[1:2] = (7, 8, 9, 10)
print(b)
b[:0] = [-1, -2]
print(b)
b[len(b):] = [99]
print(b)
b[5:2] = ["in"]
print(b)
b[-3:] = []
print(b)
b[big:] = [1000]
b[:-big] = [-1000]
print(b)
b[:] = []
print(b)
b[:] = range(5)
print(b)
b[1:3] = iter([7, 7, 7])
print(b)
b[I(1):I(2)] = [0]
print(b)

# The pancake flip, as fannkuch does it.
p = [3, 1, 4, 0, 2, 5]
for k in (3, 5, 1, 0, 2):
    p[: k + 1] = p[k::-1]
    print(p)

# Aliasing: the source is the list itself.
c = [1, 2, 3, 4, 5]
c[:] = c
print(c)
c[1:3] = c
print(c)
c[::-1] = c
print(c)
c[:2] = c[1::-1]
print(c)
c[::2] = c[1::2] + [0] * (len(c[::2]) - len(c[1::2]))
print(c)

# Extended slices: sizes must match, CPython's messages.
d = list(range(6))
d[::2] = "abc"
print(d)
d[::-2] = [1, 2, 3]
print(d)
d[1:1:2] = []
print(d)


def ext(x, v):
    def f():
        d[x] = v
        return d

    return f


show(ext(slice(None, None, 2), [1]))
show(ext(slice(None, None, -1), [1, 2]))
show(ext(slice(None, None, 2), 5))
show(ext(slice(None, None, 0), []))


def assign(lo, hi, v):
    def f():
        d[lo:hi] = v
        return d

    return f


show(assign(0, 1, 5))
show(assign(0, 1, None))
show(assign("a", 1, []))
show(assign(0, 2.0, []))


def gen_mutating(target):
    target.append("g")
    yield "y1"
    target.clear()
    yield "y2"


e = [1, 2, 3, 4]
e[1:3] = gen_mutating(e)
print(e)


# Subclasses keep their own __getitem__/__setitem__ and get a slice object.
class L(list):
    def __getitem__(self, k):
        return ("get", type(k).__name__, k.start, k.stop, k.step) if isinstance(k, slice) else k

    def __setitem__(self, k, v):
        print("set", type(k).__name__, k.start, k.stop, k.step, v)


class Plain(list):
    pass


m = L([1, 2, 3])
print(m[1:2], m[::-1], m[n:5:2])
m[1:2] = "ab"
m[::3] = [0]
q = Plain(range(6))
print(q[1:4], type(q[1:4]).__name__, q[::-2])
q[1:3] = [9]
print(q, type(q).__name__)


class Seq:
    def __getitem__(self, k):
        return k

    def __setitem__(self, k, v):
        print("Seq set", k, v)


s = Seq()
print(s[1:2], s[::], s[1:2:3], s[n:n])
s[1:2] = 5
s[::-1] = 6

# Tuples, strs, ranges, bytes still slice right.
t = (0, 1, 2, 3, 4, 5)
print(t[1:4], t[::-1], t[:], t[:] is t, t[big:], t[I(2):], t[::2], t[4:1:-1])
show(lambda: t[::0])
show(lambda: t["a":])
u = "abcdef"
print(u[1:3], u[::-1], u[I(1):], u[::2], u[-big:big])
show(lambda: u[:"z"])
print(range(10)[2:8:3], b"hello"[1:3], bytearray(b"abc")[::-1])
five = 5
show(lambda: five[1:2])


def store_int():
    x = 5
    x[1:2] = [1]


show(store_int)

# A slice read feeding only a slice assignment: reentered between the two, interrupted by an
# exception, and assigned to an object that keeps the value.
kept = []


class Keeper:
    def __setitem__(self, k, v):
        kept.append(v)


class Plus:
    def __init__(self, depth, fail=False):
        self.depth = depth
        self.fail = fail

    def __add__(self, other):
        if self.fail:
            raise RuntimeError("no flip")
        if self.depth:
            inner = [10, 20, 30, 40]
            flip(inner, src, Plus(self.depth - 1))
            print("inner", inner)
        return 3


def flip(p, source, k):
    p[: k + 1] = source[2::-1]


src = [1, 2, 3, 4, 5]
outer = [0, 0, 0, 0, 0, 0]
flip(outer, src, Plus(2))
print("outer", outer)
show(lambda: flip(outer, src, Plus(0, True)))
flip(outer, src, 1)
print(outer)
k1 = Keeper()
flip(k1, src, 1)
flip(k1, [7, 8, 9], 1)
flip(outer, [4, 5, 6], 1)
print(kept, outer)
