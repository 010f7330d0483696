# property (decorator and call forms), classmethod, staticmethod.
class Temp:
    def __init__(self, c):
        self._c = c
    @property
    def celsius(self):
        "the temperature"
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("too cold")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    def _get_k(self):
        return self._c + 273.15
    kelvin = property(_get_k, doc="kelvin")

t = Temp(25)
print(t.celsius, t.fahrenheit, t.kelvin)
t.celsius = 30
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError", e)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print("AttributeError", e)
del t.celsius
print(hasattr(t, '_c'))
try:
    t.celsius
except AttributeError as e:
    print("AttributeError", e)
print(Temp.kelvin.__doc__, type(Temp.celsius).__name__)
print(isinstance(Temp.celsius, property), Temp.celsius.fget.__name__, Temp.fahrenheit.fset)

class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
    @classmethod
    def instances(cls):
        return cls.count
    @staticmethod
    def describe(x):
        return f"counter {x}"
    @classmethod
    def from_value(cls, v):
        obj = cls()
        obj.v = v
        return obj

Counter(); Counter()
print(Counter.instances(), Counter().instances(), Counter.describe(3), Counter.from_value(9).v)
print(type(Counter.__dict__['instances']).__name__, type(Counter.__dict__['describe']).__name__)
sm = staticmethod(len)
print(sm.__func__ is len, Counter.__dict__['describe'].__func__.__name__)

class Lazy:
    def __init__(self):
        self.calls = 0
    @property
    def value(self):
        self.calls += 1
        return 42
l = Lazy()
print(l.value, l.value, l.calls)

class RO:
    x = property(lambda self: 10)
r = RO()
try:
    r.x = 5
except AttributeError as e:
    print(e)
try:
    del r.x
except AttributeError as e:
    print(e)

class Sub(Temp):
    @Temp.celsius.getter
    def celsius(self):
        return self._c * 2
s = Sub(10)
print(s.celsius)
s.celsius = 4
print(s.celsius)
