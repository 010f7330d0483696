# Operator and protocol dunders on user classes.
class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"V({self.x}, {self.y})"
    def __str__(self):
        return f"<{self.x},{self.y}>"
    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x, self.y + o.y)
        return NotImplemented
    def __radd__(self, o):
        if o == 0:
            return self
        return NotImplemented
    def __mul__(self, k):
        return V(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self):
        return V(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, o):
        return isinstance(o, V) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __lt__(self, o):
        return abs(self) < abs(o)
    def __bool__(self):
        return bool(self.x or self.y)
    def __format__(self, spec):
        return f"V[{format(self.x, spec)};{format(self.y, spec)}]"
    def __iadd__(self, o):
        self.x += o.x
        self.y += o.y
        return self

a, b = V(1, 2), V(3, 4)
print(a + b, a * 2, 3 * a, -a, abs(b), a == V(1, 2), a != b, a < b, b > a)
print(sum([a, b]), str(a), repr(a), f"{a}", f"{a!r}", f"{b:.2f}", format(a, '>3'))
print(bool(V(0, 0)), bool(a), {a: 1}[V(1, 2)], sorted([b, a]), max([a, b]), min(a, b))
c = a
c += b
print(c, a, c is a)
try:
    a + 1
except TypeError as e:
    print(e)
try:
    a <= b
except TypeError as e:
    print(e)

class Seq:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
    def __delitem__(self, i):
        del self.items[i]
    def __contains__(self, v):
        print("contains", v)
        return v in self.items
    def __iter__(self):
        return iter(self.items)
    def __reversed__(self):
        return iter(self.items[::-1])
s = Seq(1, 2, 3)
print(len(s), s[0], s[-1], s[1:], 2 in s, 9 in s, list(s), list(reversed(s)), bool(s), bool(Seq()))
s[0] = 10
del s[1]
print(s.items)

class OldIter:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * i
print(list(OldIter()), 4 in OldIter())

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(4)), [x * 2 for x in Countdown(3)])

class Idx:
    def __index__(self):
        return 2
print([10, 20, 30][Idx()], bin(Idx()), hex(Idx()), "abc"[Idx()], range(10)[Idx()])

class Num:
    def __int__(self):
        return 7
    def __float__(self):
        return 2.5
print(int(Num()), float(Num()))

class Ctx:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None, ev)
        return True
with Ctx() as cx:
    raise ValueError("swallowed")
print("after with")

class Cmp:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print("eq called")
        return self.v == o.v
print(Cmp(1) != Cmp(2), Cmp(1) != Cmp(1))
class NoHash:
    def __eq__(self, o):
        return True
try:
    hash(NoHash())
except TypeError as e:
    print(e)
print(NoHash.__hash__)

class Pw:
    def __pow__(self, e, mod=None):
        return ("pow", e, mod)
    def __rpow__(self, b):
        return ("rpow", b)
    def __matmul__(self, o):
        return "matmul"
    def __divmod__(self, o):
        return ("divmod", o)
    def __round__(self, n=None):
        return ("round", n)
    def __invert__(self):
        return "inv"
    def __pos__(self):
        return "pos"
print(Pw() ** 2, pow(Pw(), 2, 5), 2 ** Pw(), Pw() @ 1, divmod(Pw(), 3), round(Pw()), round(Pw(), 2), ~Pw(), +Pw())
class Call:
    def __call__(self, *a, **k):
        return a, k
print(Call()(1, x=2))
class Cont:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item}]"
print(Cont[int], Cont['x'])
