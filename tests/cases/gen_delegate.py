# yield from, throw, close, and exceptions inside generators.
def inner():
    got = yield 1
    print("inner got", got)
    yield 2
    return 3


def outer():
    r = yield from inner()
    print("inner returned", r)
    yield 4
    yield from [5, 6]


g = outer()
print(next(g), g.send("x"), next(g), list(g))


def catcher():
    while True:
        try:
            yield
        except ValueError as e:
            print("caught", e)


c = catcher()
next(c)
c.throw(ValueError("boom"))
c.throw(ValueError("again"))
c.close()
print("closed")


def cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup ran")


k = cleanup()
print(next(k))
k.close()


def raiser():
    yield 1
    raise KeyError("inside")


try:
    for x in raiser():
        print("value", x)
except KeyError as e:
    print("propagated", e)


def bad():
    raise StopIteration
    yield


try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError:", e)
