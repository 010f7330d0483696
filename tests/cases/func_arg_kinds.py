# Closures and nonlocal, keyword-only and positional-only parameters, *args, **kwargs,
# annotations, decorators, lambdas, and CPython's messages for bad calls.
def counter():
    count = 0

    def bump(step=1):
        nonlocal count
        count += step
        return count

    return bump


c = counter()
print(c(), c(), c(10))


def f(a, b, /, c, d=4, *args, e, f=6, **kwargs) -> str:
    return f"{a} {b} {c} {d} {args} {e} {f} {sorted(kwargs.items())}"


print(f(1, 2, 3, e=5))
print(f(1, 2, c=3, d=7, e=5, z=9, y=8))
print(f(1, 2, 3, 4, 5, 6, e=0, f=1))
print(f.__annotations__, f.__defaults__, f.__kwdefaults__)
for bad in [lambda: f(1, 2), lambda: f(1, b=2, c=3, e=4), lambda: f(1, 2, 3, e=1, c=2), lambda: counter(1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)


def trace(tag):
    def wrap(fn):
        def inner(*a, **k):
            print("call", tag, fn.__name__, a, k)
            return fn(*a, **k)

        return inner

    return wrap


@trace("outer")
@trace("inner")
def add(x, y=1):
    return x + y


print(add(2, y=3))
squares = list(map(lambda v: v * v, range(5)))
print(squares, sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
adders = [lambda v, k=k: v + k for k in range(3)]
print([g(10) for g in adders])
args = (1, 2)
kw = {"c": 3, "e": 5}
print(f(*args, **kw))
