# __slots__: instances without a dict, inheritance, error messages.
class P:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = P(1, 2)
print(p.x, p.y)
p.x = 10
print(p.x)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(p.__dict__)
except AttributeError as e:
    print("AttributeError:", e)
del p.y
try:
    p.y
except AttributeError as e:
    print("AttributeError:", e)
p.y = 5
print(p.y, P.__slots__, type(P.x).__name__)

class Q(P):
    __slots__ = ('z',)
q = Q(1, 2)
q.z = 3
print(q.x, q.y, q.z)
try:
    q.w = 1
except AttributeError as e:
    print("AttributeError:", e)

class R(P):
    pass
r = R(1, 2)
r.w = 4
print(r.w, r.__dict__)

class WithDict:
    __slots__ = ('a', '__dict__')
w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.b, w.__dict__)

class Priv:
    __slots__ = ('__secret',)
    def __init__(self):
        self.__secret = 7
    def get(self):
        return self.__secret
print(Priv().get(), hasattr(Priv, '_Priv__secret'))

try:
    class Bad:
        __slots__ = ('a',)
        a = 1
except ValueError as e:
    print("ValueError:", e)

class Single:
    __slots__ = 'only'
s = Single()
s.only = 'yes'
print(s.only)
class Empty:
    __slots__ = ()
try:
    Empty().x = 1
except AttributeError as e:
    print("AttributeError:", e)
