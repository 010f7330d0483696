# kiln-test: native-only
# Frames: sys._getframe, f_back, f_code, f_lineno, f_globals, f_builtins, f_locals; locals(),
# globals(), vars() and dir() with and without arguments.
import sys
import builtins

here = sys._getframe()
print(here.f_code.co_name, here.f_locals is globals(), here.f_globals is globals())
print(here.f_builtins is builtins.__dict__, here.f_back)


def inner(a, b=2):
    f = sys._getframe()
    caller = sys._getframe(1)
    print(f.f_code.co_name, f.f_code.co_firstlineno, f.f_lineno)
    print(caller.f_code.co_name, caller.f_lineno, f.f_back is caller)
    c = a + b
    print(sorted((k, v) for k, v in locals().items() if k not in ("f", "caller")))
    print(dir())
    return sys._getframe(0) is sys._getframe()


def outer():
    x = 10
    return inner(x)


print(outer())


def uses_vars():
    first = 1
    second = [2]
    return vars()


print(uses_vars())
print(sorted(k for k in vars() if not k.startswith("__")))
print("outer" in dir(), "sys" in globals())


def closure():
    kept = "cell"

    def get():
        return kept

    print(locals()["kept"], get())


closure()
try:
    sys._getframe(100)
except ValueError as e:
    print("ValueError:", e)
