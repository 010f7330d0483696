# __getattr__, __getattribute__, __setattr__, __delattr__ hooks, getattr/setattr/hasattr/delattr.
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, '_target', target)
        object.__setattr__(self, 'log', [])
    def __getattr__(self, name):
        self.log.append(name)
        return getattr(self._target, name)
    def __setattr__(self, name, value):
        self.log.append('set ' + name)
        setattr(self._target, name, value)
    def __delattr__(self, name):
        self.log.append('del ' + name)
        delattr(self._target, name)

class T:
    pass
t = T()
t.x = 1
p = Proxy(t)
print(p.x)
p.y = 2
print(t.y, p.y)
del p.y
print(hasattr(t, 'y'), p.log)

class Dyn:
    def __getattr__(self, name):
        if name.startswith('get_'):
            return lambda: name[4:]
        raise AttributeError(f"no {name}")
d = Dyn()
print(d.get_foo(), hasattr(d, 'bar'), getattr(d, 'bar', 'default'))
try:
    d.bar
except AttributeError as e:
    print("AttributeError", e)

class Counted:
    def __init__(self):
        self.hits = 0
    def __getattribute__(self, name):
        if name != 'hits':
            object.__setattr__(self, 'hits', object.__getattribute__(self, 'hits') + 1)
        return object.__getattribute__(self, name)
    def ping(self):
        return 'pong'
c = Counted()
c.ping(); c.ping()
print(c.hits)

class Frozen:
    def __init__(self, a):
        super().__setattr__('a', a)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name}")
f = Frozen(3)
print(f.a)
try:
    f.a = 4
except AttributeError as e:
    print(e)
o = T()
setattr(o, 'dynamic', 99)
print(getattr(o, 'dynamic'), o.__dict__, vars(o))
delattr(o, 'dynamic')
print(hasattr(o, 'dynamic'), getattr(o, 'missing', None))
try:
    getattr(o, 'missing')
except AttributeError as e:
    print(e)
try:
    delattr(o, 'missing')
except AttributeError as e:
    print(e)
try:
    getattr(o, 5)
except TypeError as e:
    print(e)
print([k for k in dir(t) if not k.startswith('__')])
class WithDir:
    def __dir__(self):
        return ['b', 'a']
print(dir(WithDir()))
