# Only exactly NameError/AttributeError get suggestions: a subclass raised by hand does not,
# and neither does UnboundLocalError.


class MyAttributeError(AttributeError):
    pass


try:
    raise MyAttributeError("no 'apend'", name="apend", obj=[])
except AttributeError as e:
    print(type(e).__name__, e.name, e.obj)


def f():
    print(valeu)
    valeu = 1


try:
    f()
except UnboundLocalError as e:
    print("unbound:", e.name)
raise MyAttributeError("custom", name="apend", obj=[])
