# kiln-test: native-only
# Delete every builtin, fail a lookup, rebuild from literals alone, then restore the builtins.
import builtins
import sys

saved = dict(builtins.__dict__)
remove = delattr
for name in list(builtins.__dict__):
    remove(builtins, name)
try:
    len([])
except:  # noqa: E722 -- NameError itself is gone too
    failure = sys.exc_info()[1]
int_t = (1).__class__
type_t = int_t.__class__
object_t = type_t.__base__
str_t = "".__class__
everything = object_t.__subclasses__()
builtins.__dict__.update(saved)
exc_t = [c for c in everything if c.__name__ == "BaseException"][0]


def walk(cls, depth, out):
    out.append("  " * depth + cls.__name__)
    for sub in sorted(cls.__subclasses__(), key=lambda c: c.__name__):
        walk(sub, depth + 1, out)
    return out


tree = walk(exc_t, 0, [])
print(type(failure).__name__, failure)
print(int_t is int, type_t is type, object_t is object, str_t is str)
names = [c.__name__ for c in everything]
print(all(n in names for n in ["int", "str", "list", "dict", "tuple", "BaseException"]))
print(len(tree) > 30, tree[:4])
print(len([1, 2, 3]), max(4, 5))


class Mine:
    pass


print("Mine" in [c.__name__ for c in object.__subclasses__()])
