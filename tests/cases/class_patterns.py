# Common class patterns written with builtins only: enum-like metaclass, abstract methods,
# dataclass-like generated methods, mixins, class decorators, __repr__ via __class__.
class EnumMeta(type):
    def __new__(mcs, name, bases, ns):
        members = {k: v for k, v in ns.items() if not k.startswith('_') and not callable(v)}
        cls = super().__new__(mcs, name, bases, ns)
        cls._members = {}
        for k, v in members.items():
            inst = object.__new__(cls)
            inst.name, inst.value = k, v
            setattr(cls, k, inst)
            cls._members[k] = inst
        return cls
    def __iter__(cls):
        return iter(list(cls._members.values()))
    def __len__(cls):
        return len(cls._members)
    def __getitem__(cls, key):
        return cls._members[key]
    def __contains__(cls, item):
        return item in cls._members.values()

class Color(metaclass=EnumMeta):
    RED = 1
    GREEN = 2
    BLUE = 3
    def __repr__(self):
        return f"<{type(self).__name__}.{self.name}: {self.value}>"
    def describe(self):
        return self.name.lower()

print(list(Color), len(Color), Color['GREEN'], Color.RED in Color, Color.BLUE.describe(), Color.RED.value)
print([c.name for c in Color if c.value > 1], isinstance(Color.RED, Color), type(Color).__name__)

class AbstractError(TypeError):
    pass
def abstract(f):
    f.__isabstract__ = True
    return f
class Base:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        cls._abstract = {n for n, v in vars(cls).items() if getattr(v, '__isabstract__', False)}
    def __new__(cls, *a, **k):
        missing = sorted([n for n in dir(cls) if getattr(getattr(cls, n), '__isabstract__', False)])
        if missing:
            raise AbstractError(f"Can't instantiate {cls.__name__} with abstract methods {', '.join(missing)}")
        return super().__new__(cls)
class Shape(Base):
    @abstract
    def area(self):
        pass
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
try:
    Shape()
except AbstractError as e:
    print(e)
print(Square(3).area(), Shape._abstract, Square._abstract)

def dataclass(cls):
    fields = list(cls.__annotations__)
    def __init__(self, *args):
        for name, value in zip(fields, args):
            setattr(self, name, value)
        for name in fields[len(args):]:
            setattr(self, name, getattr(cls, name))
    def __repr__(self):
        return f"{cls.__name__}(" + ", ".join([f"{f}={getattr(self, f)!r}" for f in fields]) + ")"
    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all([getattr(self, f) == getattr(other, f) for f in fields])
    cls.__init__ = __init__
    cls.__repr__ = __repr__
    cls.__eq__ = __eq__
    return cls

@dataclass
class Point:
    x: int
    y: int = 0
    label: str = "p"

p = Point(1, 2)
print(p, Point(5), p == Point(1, 2), p == Point(1, 3), p != Point(1, 2), Point.__annotations__)

class JsonMixin:
    def to_dict(self):
        return {k: v for k, v in vars(self).items() if not k.startswith('_')}
class ReprMixin:
    def __repr__(self):
        return f"{self.__class__.__name__}({self.to_dict()})"
class User(ReprMixin, JsonMixin):
    def __init__(self, name, age):
        self.name, self.age, self._secret = name, age, 'x'
print(User('ann', 30), User.__mro__[1].__name__, [c.__name__ for c in User.__mro__])

def singleton(cls):
    instances = {}
    def get(*a):
        if cls not in instances:
            instances[cls] = cls(*a)
        return instances[cls]
    return get
@singleton
class Db:
    def __init__(self, url):
        self.url = url
print(Db('a').url, Db('b').url, Db('c') is Db('d'))

class Chain:
    def __init__(self):
        self.ops = []
    def add(self, n):
        self.ops.append(('add', n))
        return self
    def mul(self, n):
        self.ops.append(('mul', n))
        return self
    def run(self, v):
        for op, n in self.ops:
            v = v + n if op == 'add' else v * n
        return v
print(Chain().add(2).mul(3).add(1).run(1))
