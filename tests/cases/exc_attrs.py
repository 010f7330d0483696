# kiln-test: native-only
# Exception attributes: args, OSError fields and subclasses, StopIteration.value, KeyError str.
e = OSError(2, 'No such file or directory', 'missing.txt')
print(type(e).__name__, e, e.errno, e.strerror, e.filename, e.args)
print(type(OSError(13, 'Permission denied')).__name__, OSError(13, 'Permission denied'))
print(OSError('plain'), OSError(), OSError(1, 2, 3, 4, 5).args, type(OSError(17, 'x')).__name__)
print(issubclass(FileNotFoundError, OSError), isinstance(FileExistsError(), OSError), EnvironmentError is OSError if 'EnvironmentError' in dir(__builtins__) else True)
s = StopIteration(42)
print(s.value, StopIteration().value, repr(s), str(s))
print(str(KeyError('k')), str(KeyError('k', 'j')), str(KeyError()), repr(KeyError('k')))
print(SystemExit(3).code, SystemExit().code, SystemExit(1, 2).code)
x = ValueError('a', 2)
print(x.args, str(x), repr(x), str(ValueError()), repr(ValueError()))
x.args = ('changed',)
print(x, x.args)
try:
    raise ValueError('inner')
except ValueError as inner:
    try:
        raise RuntimeError('outer') from inner
    except RuntimeError as outer:
        print(outer.__cause__ is inner, outer.__suppress_context__, repr(outer.__context__))
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError('during')
except KeyError as k:
    print(type(k.__context__).__name__, k.__cause__)
ie = ImportError('cannot import', name='mod', path='/x')
print(ie, ie.name, ie.path, ie.msg)
ae = AttributeError('no attr')
print(ae.name, ae.obj)
ne = NameError('nope')
print(ne.name)
ue = UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'invalid start byte')
print(ue, ue.args)
se = SyntaxError('bad syntax', ('f.py', 3, 4, 'x = ', 3, 5))
print(se, se.msg, se.filename, se.lineno, se.offset, se.text)
class Custom(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
c = Custom(1, 2)
print(c.args, c.b, c, repr(c))
class NoSuper(Exception):
    def __init__(self, x):
        self.x = x
n = NoSuper(5)
print(n.args, n.x, str(n))
class WithStr(Exception):
    def __str__(self):
        return 'custom message'
print(str(WithStr()), repr(WithStr(1)))
try:
    raise TypeError
except TypeError as t:
    print(repr(t), t.args)
exc = Exception('base')
print(exc.__traceback__, exc.__context__, exc.__cause__)
print(BaseException.__subclasses__ is not None, Exception.__mro__)
err = LookupError('l')
print(isinstance(err, Exception), isinstance(IndexError(), LookupError))
def f():
    raise WithStr()
try:
    f()
except Exception as e2:
    print(e2.__traceback__ is not None, type(e2.__traceback__).__name__)
v = ValueError('final')
v.add_note('first note')
v.add_note('last note')
raise v
