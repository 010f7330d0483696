# Docstrings: functions, methods, properties and classes carry their __doc__.
def f():
    "Return one."
    return 1
def g():
    return 'x'
class A:
    """Class doc."""
    def m(self):
        """Method doc."""
    @property
    def p(self):
        "prop doc"
        return 1
print(f.__doc__, g.__doc__, A.__doc__, A.m.__doc__, A().m.__doc__, A.p.__doc__, (lambda: 'x').__doc__)
def undocumented(x):
    y = x
    "not a docstring"
    return y
print(repr(undocumented.__doc__), undocumented(3))
f.__doc__ = 'changed'
print(f.__doc__)
