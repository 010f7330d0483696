# The dir() entries the suggestions search: instance attributes of classes, exceptions and
# functions, and no `__qualname__` among a class's own names; every name dir() lists can be
# fetched.


class Point:
    kind = "point"

    def __init__(self):
        self.x = 1

    def norm(self):
        return self.x


def fn(a, b=2):
    return a + b


class Failure(LookupError):
    pass


checks = {
    "Point()": (Point(), ["__dict__", "x", "kind", "norm", "__qualname__", "__module__"]),
    "Point": (Point, ["__qualname__", "kind", "norm", "__init__", "__module__"]),
    "fn": (fn, ["__name__", "__code__", "__defaults__", "__globals__", "__qualname__"]),
    "Failure()": (Failure("k"), ["args", "__traceback__", "__cause__", "__context__"]),
    "AttributeError()": (AttributeError("m", name="n", obj=1), ["name", "obj", "args"]),
    "ImportError()": (ImportError("m"), ["name", "path", "msg"]),
}
for label, (obj, names) in checks.items():
    listed = dir(obj)
    print(label, [n for n in names if n in listed])
    print("  unreachable:", [n for n in listed if not hasattr(obj, n)])
