# Calling object's and built-in types' methods directly: object.__new__, object.__setattr__,
# object.__getattribute__, object.__repr__, int.__add__, list.__len__, dict.__init__ ...
class Plain:
    pass
p = object.__new__(Plain)
object.__setattr__(p, 'x', 5)
print(object.__getattribute__(p, 'x'), p.x, object.__repr__(p).startswith('<__main__.Plain object at 0x'))
print(object.__eq__(p, p), object.__eq__(p, 1), object.__ne__(p, 1), object.__hash__(p) == hash(p))
object.__delattr__(p, 'x')
print(hasattr(p, 'x'), object.__str__(p) == repr(p), object.__format__(p, '') == str(p))
print(int.__add__(2, 3), int.__add__(2, 3.0), int.__radd__(2, 3), float.__mul__(2.0, 4), int.__neg__(5), int.__eq__(1, 1.0))
print(list.__len__([1, 2]), list.__getitem__([1, 2], 1), list.__contains__([1], 1), dict.__getitem__({1: 2}, 1))
print(str.__add__('a', 'b'), str.__mul__('ab', 2), str.__len__('abc'), str.__getitem__('abc', -1), str.upper('x'))
print(tuple.__len__((1, 2)), set.__len__({1}), frozenset.__contains__(frozenset([1]), 1), bytes.__len__(b'ab'))
d = {}
dict.__init__(d, {'a': 1}, b=2)
print(d)
l = [9]
list.__init__(l, 'xy')
print(l, list.__repr__(l), dict.__repr__({1: 1}), int.__repr__(7), float.__repr__(0.1))
class Base:
    def __init__(self):
        self.log = []
    def __setattr__(self, name, value):
        object.__setattr__(self, name, value)
        if name != 'log':
            self.log.append(name)
b = Base()
b.a = 1
b.b = 2
print(b.log, vars(b))
class Tracker:
    def __getattribute__(self, name):
        if name == 'secret':
            return 'intercepted'
        return super().__getattribute__(name)
t = Tracker()
t.secret = 'real'
t.other = 1
print(t.secret, t.other, t.__dict__)
class E(Exception):
    def __init__(self, m):
        Exception.__init__(self, m.upper())
print(E('boom'), E('x').args, BaseException.__str__(E('y')), repr(Exception.__new__(ValueError)))
print(type.__call__(Plain).__class__.__name__, type(p).__mro__, Plain.mro())
print(int.__name__, object.__name__, type.__name__)
print(callable(object.__init__))
print(hash(1) == int.__hash__(1), str.__hash__('a') == hash('a'), tuple.__hash__((1,)) == hash((1,)))
