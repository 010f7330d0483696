# kiln-test: native-only
# warnings compiled from the interpreter's standard library: warn (its message on stderr,
# with the source line linecache reads through tokenize.open and a TextIOWrapper), filters,
# catch_warnings, warn_explicit, a showwarning of the program's own, the default filters,
# and a warning turned into an error that nobody catches.
import linecache
import os
import sys
import warnings

warnings.warn("hello")
print("warned at module level")


def old():
    warnings.warn("old() is deprecated", DeprecationWarning, stacklevel=2)
    return 1


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("first")
    warnings.warn("second", UserWarning)
    warnings.warn(RuntimeWarning("an instance"))
    old()
    for w in caught:
        print(w.category.__name__, str(w.message), os.path.basename(w.filename), w.lineno > 0)
    print(len(caught), caught[0].line)
    print(repr(linecache.getline(caught[1].filename, caught[1].lineno)))
    text = warnings.formatwarning(caught[3].message, caught[3].category, caught[3].filename,
                                  caught[3].lineno)
    print(text.splitlines()[1].strip())

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("ignore")
    warnings.warn("dropped")
    print("ignored:", len(caught))

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("once")
    for i in range(3):
        warnings.warn("only once")
    warnings.warn("another text")
    print("once:", [str(w.message) for w in caught])

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("default")
    for i in range(3):
        warnings.warn("per location")
    print("default:", len(caught))

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error")
    except UserWarning as e:
        print("caught", type(e).__name__, e)
    warnings.filterwarnings("ignore", message="skip.*")
    warnings.warn("skip me")
    try:
        warnings.warn("not skipped", RuntimeWarning)
    except RuntimeWarning as e:
        print("caught", type(e).__name__, e)

with warnings.catch_warnings(record=True) as caught:
    warnings.resetwarnings()
    warnings.filterwarnings("error", category=DeprecationWarning)
    warnings.filterwarnings("ignore", category=UserWarning)
    warnings.warn("user, ignored")
    try:
        old()
    except DeprecationWarning as e:
        print("deprecation became", type(e).__name__, e)
    print(len(caught))

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn_explicit("explicit", SyntaxWarning, "somefile.py", 42, module="mod")
    warnings.warn_explicit("registry", UserWarning, "other.py", 7, registry={})
    w = caught[0]
    print(w.category.__name__, w.message, w.filename, w.lineno)
    print(warnings.formatwarning("msg", UserWarning, "f.py", 3, "x = 1"), end="")
    print(str(caught[1].message), caught[1].filename, caught[1].lineno)

shown = []


def my_show(message, category, filename, lineno, file=None, line=None):
    shown.append((str(message), category.__name__, lineno > 0))


with warnings.catch_warnings():
    warnings.simplefilter("always")
    warnings.showwarning = my_show
    warnings.warn("to my function")
    warnings.warn("again", FutureWarning)
print(shown)
print(warnings.showwarning is my_show)

# The default filters: DeprecationWarning is shown for __main__, PendingDeprecationWarning
# and ImportWarning are ignored.
with warnings.catch_warnings(record=True) as caught:
    warnings.warn("pending", PendingDeprecationWarning)
    warnings.warn("import", ImportWarning)
    warnings.warn("deprecated here", DeprecationWarning)
    print("defaults:", [w.category.__name__ for w in caught])
print(sorted(set(f[0] for f in warnings.filters)))
print(issubclass(DeprecationWarning, Warning), issubclass(UserWarning, Exception))

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("category by subclass", BytesWarning)
    try:
        warnings.warn("bad", int)
    except TypeError as e:
        print("TypeError", e)
    print(caught[0].category.__name__)

sys.stderr.flush()
warnings.simplefilter("error")
print("last one")
warnings.warn("this one is not caught", ResourceWarning)
