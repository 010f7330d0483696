# ExceptionGroup / BaseExceptionGroup: construction, attributes, split, subgroup, derive.
eg = ExceptionGroup('eg', [ValueError(1), TypeError('t'), ExceptionGroup('inner', [KeyError('k'), ValueError(2)])])
print(eg)
print(repr(eg))
print(eg.message, eg.exceptions, eg.args)
m, r = eg.split(ValueError)
print(repr(m))
print(repr(r))
print(repr(eg.subgroup(lambda e: isinstance(e, KeyError))))
print(repr(eg.subgroup(ValueError)), eg.subgroup(OSError), eg.subgroup(ExceptionGroup) is eg)
print(eg.split((TypeError, KeyError)))
print(type(BaseExceptionGroup('x', [ValueError()])).__name__, type(BaseExceptionGroup('x', [KeyboardInterrupt()])).__name__)
for bad in [lambda: ExceptionGroup('x', [KeyboardInterrupt()]), lambda: ExceptionGroup(1, [ValueError()]),
            lambda: ExceptionGroup('x', []), lambda: ExceptionGroup('x', [1]), lambda: ExceptionGroup('x', 5),
            lambda: eg.split(5)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(eg.derive([ValueError(9)]), repr(eg.derive([KeyboardInterrupt()])))
class MyEG(ExceptionGroup):
    pass
print(repr(MyEG('m', [ValueError()]).derive([ValueError(3)])), MyEG.__mro__)
print(isinstance(eg, Exception), issubclass(ExceptionGroup, BaseExceptionGroup), issubclass(BaseExceptionGroup, Exception))
try:
    raise ExceptionGroup('caught', [ValueError('v')])
except ExceptionGroup as e:
    print('caught', e, len(e.exceptions))
eg.add_note('a note')
print(eg.__notes__)
m2, r2 = eg.split(TypeError)
print(m2.__notes__, r2.__notes__)
e = ValueError('a')
e.add_note('n1')
e.add_note('n2')
print(e.__notes__)
try:
    e.add_note(3)
except TypeError as x:
    print(x)
print(e.with_traceback(None) is e)
raise ExceptionGroup('many', [ValueError(1), ExceptionGroup('nested', [TypeError(2)]), KeyError('k')])
