# kiln-test: native-only
# inspect over compiled code: signatures (defaults, keyword-only, annotations, bind), kinds
# of objects, getmembers, getdoc/cleandoc, unwrap, getmro; importlib.import_module.
import functools
import importlib
import inspect


def area(width: float, height: float = 2.0, *rest, scale=1, **extra) -> float:
    """Area of a rectangle.

    Scaled by `scale`."""
    return width * height * scale


class Shape:
    """A shape."""
    sides = 0

    def describe(self, verbose=False):
        return "shape"

    @classmethod
    def make(cls):
        return cls()

    @staticmethod
    def unit():
        return 1

    @property
    def name(self):
        return "s"


sig = inspect.signature(area)
print(sig)
print([(p.name, p.kind.name, p.default) for p in sig.parameters.values()])
print(sig.return_annotation, sig.parameters["width"].annotation)
bound = sig.bind(3, 4, 5, scale=2, colour="red")
print(bound.arguments)
bound.apply_defaults()
print(sorted(bound.arguments))
try:
    sig.bind()
except TypeError as e:
    print("TypeError", e)
print(inspect.signature(Shape.describe), inspect.signature(Shape().describe))
print(inspect.signature(lambda a, /, b, *, c=3: None))
print(inspect.isfunction(area), inspect.isclass(Shape), inspect.ismethod(Shape().describe),
      inspect.ismodule(inspect), inspect.isbuiltin(len), inspect.isroutine(Shape.unit))
print(inspect.getdoc(area))
print(inspect.cleandoc("""
    First
      indented
    last"""))
print([n for n, _ in inspect.getmembers(Shape) if not n.startswith("__")])
print([c.__name__ for c in inspect.getmro(bool)])


@functools.wraps(area)
def wrapped(*a, **k):
    return area(*a, **k)


print(inspect.unwrap(wrapped) is area, inspect.signature(wrapped))


def gen():
    yield 1


print(inspect.isgeneratorfunction(gen), inspect.isgenerator(gen()),
      inspect.iscoroutinefunction(gen))


def _not_called():
    # Never runs: makes kiln carry these modules, which only importlib imports below.
    import colorsys
    import json.decoder


colorsys = importlib.import_module("colorsys")
print(colorsys.rgb_to_hsv(1.0, 0.5, 0.0), importlib.import_module("json.decoder").JSONDecodeError.__name__)
print(importlib.import_module("math").sqrt(4.0), importlib.import_module(".decoder", "json").__name__)
try:
    importlib.import_module("no_such_module_here")
except ImportError as e:
    print(type(e).__name__, e)
inspect.signature(area).bind(1, 2, width=3)
