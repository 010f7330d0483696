# kiln-test: native-only
# atexit: callbacks run at sys.exit, last registered first, with their arguments; an
# unregistered one does not run; one that raises is reported and the others still run.
import atexit
import sys


def boom():
    raise ValueError("boom")


def hello(name, punct="!"):
    print("goodbye", name + punct)


def never():
    print("never printed")


atexit.register(boom)
print(atexit.register(hello, "world") is hello)
atexit.register(hello, "kiln", punct="?")
atexit.register(never)
atexit.register(never)
atexit.unregister(never)


@atexit.register
def decorated():
    print("decorated runs first")
    sys.stdout.flush()


try:
    atexit.register(42)
except TypeError as e:
    print("TypeError", e)
print("main ends")
sys.exit(3)
