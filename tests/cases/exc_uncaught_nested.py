# An uncaught exception raised from a nested class, chained with `from`: CPython prints the
# qualified class name without the `__main__.` module prefix.
class Outer:
    class Failure(RuntimeError):
        pass

def load(key):
    table = {'a': 1}
    try:
        return table[key]
    except KeyError as e:
        raise Outer.Failure(f"cannot load {key}") from e

print(load('a'))
load('zz')
