# kiln-test: native-only
# sys: argv, path, modules, the standard streams, version_info of the bytecode's version,
# platform, maxsize, byteorder, the recursion limit, exc_info and exception, intern,
# getsizeof, flags and the exit path.
import sys

print(type(sys.argv).__name__, len(sys.argv) >= 1, all(isinstance(a, str) for a in sys.argv))
print(type(sys.path).__name__, all(isinstance(p, str) for p in sys.path))
print("sys" in sys.modules, "builtins" in sys.modules, sys.modules["sys"] is sys)
print(sys.modules["__main__"].__name__)
print(sys.version_info[:2] == (sys.version_info.major, sys.version_info.minor))
print(sys.version.startswith("%d.%d" % sys.version_info[:2]))
print(sys.version_info >= (3, 8), sys.version_info < (4,), sys.version_info.releaselevel)
print(sys.hexversion >> 24 == 3, (sys.hexversion >> 16) & 0xFF == sys.version_info.minor)
print(sys.platform, sys.byteorder, sys.maxsize, sys.maxsize == 2 ** 63 - 1)
print(sys.maxunicode, sys.implementation.name == "cpython" or sys.implementation.name)
print(sys.getdefaultencoding(), sys.getfilesystemencoding())
print(sys.stdout.write("written\n"), sys.stdout.isatty() in (True, False))
sys.stdout.flush()
print(sys.stdin is sys.__stdin__, sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)
print(sys.stderr.write(""), hasattr(sys.stdout, "buffer"), sys.stdout.encoding.lower())

old = sys.getrecursionlimit()
sys.setrecursionlimit(2500)
print(old, sys.getrecursionlimit())
sys.setrecursionlimit(old)
for bad in (0, -5):
    try:
        sys.setrecursionlimit(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    sys.setrecursionlimit("x")
except TypeError as e:
    print("TypeError:", e)

print(sys.exc_info())
try:
    raise KeyError("k")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), tb is not None, tb.tb_lineno > 0)
    if sys.version_info >= (3, 11):
        print(sys.exception() is v)
    else:
        print(True)
print(sys.exc_info() == (None, None, None))

a = "".join(["inter", "ned"])
b = sys.intern(a)
print(b == "interned", sys.intern(b) is b)
try:
    sys.intern(5)
except TypeError as e:
    print("TypeError:", e)

print(sys.getsizeof(0) > 0, sys.getsizeof([]) > 0, sys.getsizeof("abc", 1) > 0)
print(sys.flags.optimize, sys.flags.dont_write_bytecode in (0, 1, True, False))
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.int_info.bits_per_digit in (15, 30), sys.hash_info.width)
print(callable(sys.exit), callable(sys.getrefcount) if hasattr(sys, "getrefcount") else True)
print(isinstance(sys.executable, str), isinstance(sys.prefix, str))

def deep(n):
    return deep(n + 1)

try:
    deep(0)
except RecursionError as e:
    print("RecursionError:", e)

try:
    sys.exit("bye")
except SystemExit as e:
    print("SystemExit:", e.code)
sys.stdout.write("last\n")
sys.exit(4)
