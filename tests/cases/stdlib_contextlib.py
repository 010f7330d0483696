# kiln-test: native-only
# contextlib: contextmanager, closing, suppress, redirect_stdout, ExitStack, nullcontext.
import contextlib
import io
import sys


@contextlib.contextmanager
def tag(name, log):
    log.append("<" + name + ">")
    try:
        yield name.upper()
    except KeyError as e:
        log.append("caught " + repr(e))
    finally:
        log.append("</" + name + ">")


log = []
with tag("a", log) as t:
    log.append(t)
with tag("b", log):
    raise KeyError("k")
print(log)

try:
    with tag("c", log):
        raise ValueError("not swallowed")
except ValueError as e:
    print("outer", e, log[-1])


class Resource:
    def __init__(self, name):
        self.name = name
        self.closed = False

    def close(self):
        self.closed = True
        print("closing", self.name)


with contextlib.closing(Resource("r1")) as r:
    print("using", r.name, r.closed)
print("after", r.closed)

with contextlib.suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppressed")
with contextlib.suppress(KeyError):
    {}["x"]
try:
    with contextlib.suppress(KeyError):
        [][1]
except IndexError as e:
    print("not suppressed:", e)

buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("into the buffer")
    print(1, 2, 3)
print("captured", repr(buf.getvalue()))

err = io.StringIO()
with contextlib.redirect_stderr(err):
    sys.stderr.write("oops\n")
print("stderr captured", repr(err.getvalue()))

with contextlib.ExitStack() as stack:
    names = [stack.enter_context(tag(n, log)) for n in ("x", "y")]
    stack.callback(print, "callback ran")
    print("in stack", names)
print(log[-2:])

with contextlib.ExitStack() as stack:
    stack.push(lambda *exc: print("push saw", exc[0].__name__) or True)
    raise RuntimeError("eaten by the stack")
print("stack suppressed it")

with contextlib.nullcontext(42) as v:
    print("nullcontext", v)


class Counted(contextlib.ContextDecorator):
    calls = 0

    def __enter__(self):
        Counted.calls += 1
        return self

    def __exit__(self, *exc):
        return False


@Counted()
def work(x):
    return x * 2


print(work(3), work(4), Counted.calls)


@contextlib.contextmanager
def no_yield():
    if False:
        yield


try:
    with no_yield():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)


class Cm(contextlib.AbstractContextManager):
    def __exit__(self, *exc):
        print("abstract exit")


with Cm() as c:
    print(type(c).__name__)

with tag("last", log):
    raise OSError("escapes")
