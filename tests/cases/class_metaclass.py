# Metaclasses, class keyword arguments, type(name, bases, ns), __new__, __call__ on metaclasses.
class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        ns['created_by'] = 'Meta'
        cls = super().__new__(mcs, name, bases, ns)
        cls.extra = kw
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        print("Meta.__init__", name, sorted(kw))
    def __call__(cls, *args, **kwargs):
        print("calling", cls.__name__, args)
        return super().__call__(*args, **kwargs)
    def __repr__(cls):
        return f"<Meta class {cls.__name__}>"
    def describe(cls):
        return f"{cls.__name__} via {type(cls).__name__}"

class A(metaclass=Meta, flag=True):
    def __init__(self, v):
        self.v = v

a = A(3)
print(a.v, A.created_by, A.extra, A, type(A).__name__, A.describe())
print(isinstance(A, Meta), isinstance(A, type), type(a) is A)

class B(A):
    pass
print(type(B).__name__, B.extra, B(1).v)

class Singleton(type):
    _inst = {}
    def __call__(cls, *a, **k):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a, **k)
        return cls._inst[cls]
class Config(metaclass=Singleton):
    def __init__(self):
        print("Config init")
print(Config() is Config())

X = type('X', (), {'a': 1, 'hello': lambda self: 'hi ' + str(self.a)})
x = X()
print(X.__name__, x.a, x.hello(), X.__bases__, X.__mro__)
Y = type('Y', (X,), {'a': 2})
print(Y().hello(), issubclass(Y, X), type(x))

class WithNew:
    def __new__(cls, value):
        print("WithNew.__new__", cls.__name__)
        inst = super().__new__(cls)
        inst.value = value * 2
        return inst
    def __init__(self, value):
        print("WithNew.__init__", value)
w = WithNew(5)
print(w.value)

class NotInit:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(NotInit())

class Registry(type):
    classes = []
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        Registry.classes.append(name)
class R1(metaclass=Registry): pass
class R2(R1): pass
print(Registry.classes)

class Callable:
    def __call__(self, a, b=1):
        return a + b
c = Callable()
print(c(1), c(1, b=5), callable(c), callable(Callable), callable(5))

class Ordered(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        print("prepare", name)
        return {'prepared': True}
class O(metaclass=Ordered):
    z = 1
print(O.prepared, O.z)
try:
    class Bad(int, str): pass
except TypeError as e:
    print(e)
try:
    class Bad2(bool): pass
except TypeError as e:
    print(e)
class M2(type): pass
class M3(type): pass
class P1(metaclass=M2): pass
class P2(metaclass=M3): pass
try:
    class P3(P1, P2): pass
except TypeError as e:
    print(e)
