# Subclasses of built-in types: list, dict, int, str, tuple, float, set, exceptions.
class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, len(s), s.peek(), s[0], s[1:], isinstance(s, list), type(s).__name__, s == [1, 2, 3])
s.tag = "t"
print(s.tag, s + [4], type(s + [4]).__name__, sorted(s, reverse=True), 2 in s, list(reversed(s)))

class Counter(dict):
    def __missing__(self, key):
        return 0
    def add(self, k):
        self[k] = self[k] + 1
c = Counter()
for w in "abracadabra":
    c.add(w)
print(c, c['z'], len(c), type(c).__name__, dict(c) == c, c.get('z'), 'z' in c)

class Default(dict):
    def __init__(self, factory, *a, **kw):
        super().__init__(*a, **kw)
        self.factory = factory
    def __missing__(self, k):
        v = self[k] = self.factory()
        return v
d = Default(list, x=[1])
d['y'].append(2)
print(d, d.factory.__name__)

class Money(int):
    def __new__(cls, v, cur="EUR"):
        obj = super().__new__(cls, v)
        obj.cur = cur
        return obj
    def __repr__(self):
        return f"{int(self)} {self.cur}"
    def __add__(self, o):
        return Money(int(self) + int(o), self.cur)
m = Money(5)
print(m, m + 3, m * 2, m == 5, m < 6, hash(m) == hash(5), isinstance(m, int), {5: 'five'}[m], m.cur, str(m), int(m))

class Name(str):
    def shout(self):
        return self.upper() + "!"
n = Name("bob")
print(n, n.shout(), len(n), n + "by", n == "bob", n[0], isinstance(n, str), repr(n), {n: 1}["bob"], f"{n:>5}")

class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self):
        return self[0]
    def __repr__(self):
        return f"Pair{tuple(self)}"
p = Pair(1, 2)
print(p, p.first, p[1], len(p), p == (1, 2), hash(p) == hash((1, 2)), a_b if (a_b := p) else None)
x, y = p
print(x, y, list(p), p + (3,))

class Celsius(float):
    def __str__(self):
        return f"{float(self):.1f}C"
t = Celsius(21.456)
print(t, t + 1, round(t, 1), repr(t), float(t) == 21.456, t > 20)

class Tags(set):
    pass
ts = Tags([3, 1, 2])
ts.add(4)
print(ts, len(ts), 3 in ts, ts | {9}, type(ts | {9}).__name__, repr(Tags()))
class FS(frozenset):
    pass
print(FS([1, 2]), hash(FS([1, 2])) == hash(frozenset([1, 2])))

class AppError(Exception):
    def __init__(self, msg, code=1):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.args[0]}"
class NotFound(AppError):
    pass
try:
    raise NotFound("missing", code=404)
except AppError as e:
    print(e, e.code, repr(e), type(e).__name__, isinstance(e, Exception))

class WithSlots(list):
    __slots__ = ()
try:
    WithSlots().x = 1
except AttributeError as e:
    print(e)
class UpperDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.upper())
u = UpperDict()
u['a'] = 1
print(u, u['A'], u['a'])
class LenList(list):
    def __len__(self):
        return 99
print(len(LenList([1])), bool(LenList()))
class MyStr(str):
    def __eq__(self, o):
        return str.__eq__(self.lower(), o.lower())
    __hash__ = str.__hash__
print(MyStr("ABC") == "abc", MyStr("x") != "X")
