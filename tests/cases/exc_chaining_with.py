# kiln-test: requires 3.11
# Exception chaining, with statements and context managers, assert, except* groups.
class Managed:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None)
        return self.swallow


with Managed("a") as m, Managed("b"):
    print("body", m.name)
with Managed("quiet", swallow=True):
    raise KeyError("hidden")
print("after swallowed")
try:
    with Managed("loud"):
        1 / 0
except ZeroDivisionError as e:
    print("escaped:", e)
try:
    try:
        {}["k"]
    except KeyError as e:
        raise ValueError("converted") from e
except ValueError as e:
    print(repr(e.__cause__), e.__suppress_context__, repr(e.__context__))
try:
    try:
        [][0]
    except IndexError:
        raise RuntimeError("while handling")
except RuntimeError as e:
    print(repr(e.__context__), e.__cause__)
try:
    raise TypeError("plain") from None
except TypeError as e:
    print(e.__cause__, e.__suppress_context__)
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("AssertionError:", e)
try:
    raise ExceptionGroup("many", [ValueError(1), TypeError(2), ValueError(3)])
except* ValueError as g:
    print("values:", [str(x) for x in g.exceptions])
except* TypeError as g:
    print("types:", [str(x) for x in g.exceptions])
