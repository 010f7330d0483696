# classmethod/staticmethod with inheritance, alternate constructors, type() introspection.
class Date:
    fmt = "{y:04d}-{m:02d}-{d:02d}"
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        y, m, d = map(int, s.split('-'))
        return cls(y, m, d)
    @classmethod
    def today(cls):
        return cls(2024, 1, 1)
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __str__(self):
        return self.fmt.format(y=self.y, m=self.m, d=self.d)

class EuroDate(Date):
    fmt = "{d:02d}.{m:02d}.{y:04d}"

print(Date.from_string('2023-05-07'), EuroDate.from_string('2023-05-07'), type(EuroDate.today()).__name__)
print(Date.is_leap(2000), EuroDate.is_leap(1900), Date(2020, 1, 1).is_leap(2024))
cm = Date.__dict__['from_string']
print(type(cm).__name__, cm.__func__.__name__, Date.from_string.__self__ is Date, EuroDate.from_string.__self__ is EuroDate)
bound = Date.from_string
print(bound('1999-12-31'))

def make_counter_class(name, start):
    def __init__(self):
        self.count = start
    def inc(self):
        self.count += 1
        return self.count
    return type(name, (object,), {'__init__': __init__, 'inc': inc, 'start': start})
C = make_counter_class('Counter', 10)
c = C()
print(C.__name__, c.inc(), c.inc(), C.start, type(c) is C, C.__qualname__)

class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        return {'injected': name.lower()}
class WithMeta(metaclass=Meta):
    pass
print(WithMeta.injected)

class Shape:
    count = 0
    def __init__(self):
        type(self).count += 1
class Circle(Shape):
    count = 0
class Rect(Shape):
    pass
Circle(); Circle(); Rect()
print(Shape.count, Circle.count, Rect.count)

class Chainable:
    @classmethod
    def create(cls, **kw):
        obj = cls()
        for k, v in kw.items():
            setattr(obj, k, v)
        return obj
o = Chainable.create(a=1, b='x')
print(o.a, o.b, sorted(vars(o)))
print(callable(Date.is_leap), staticmethod(abs)(-3))
class Util:
    @staticmethod
    def helper():
        return 'static'
    @classmethod
    def cls_helper(cls):
        return cls.helper()
print(Util.cls_helper(), Util().cls_helper(), Util.helper())
