# _string, kiln's native module under string.Formatter (tested in stdlib_string): formatter_parser's pieces (lazy, so an
# error comes at the piece that holds it), formatter_field_name_split's first part and keys
# (ints for digit keys in any script), the iterator types, and the argument errors.
import _string


def pieces(s):
    out = []
    try:
        for p in _string.formatter_parser(s):
            out.append(p)
    except ValueError as e:
        out.append("ValueError: %s" % e)
    return out


for s in ["", "plain", "a{}b", "{0}{1!r}{x:>{w}}", "{{}}", "x{{y}}z", "{a.b[c]}",
          "{a[}]}", "{!s:}", "{:}", "é{ü!é}", "{0:{1}{2}}", "}", "a}b", "{", "x{",
          "{a{b}", "{a", "{a!", "{a!r", "{a!rx}", "{a:{b}", "{a[", "lit}}", "{0!s}",
          "{[}", "{a:x}}}"]:
    print(repr(s), pieces(s))


def split(name):
    try:
        first, rest = _string.formatter_field_name_split(name)
        keys = []
        try:
            for k in rest:
                keys.append(k)
        except ValueError as e:
            keys.append("ValueError: %s" % e)
        return first, keys
    except ValueError as e:
        return "ValueError: %s" % e


for n in ["", "a", "0", "12", "a.b", "a[0]", "a[x].y[1]", "0.real", "a[]", "a.",
          "a[0", "a]b", "a[0]x", "٣", "a[١٢]", "99999999999999999999", "a[99999999999999999999]",
          "a..b", "[0]", ".x"]:
    print(repr(n), split(n))

it = _string.formatter_parser("a{b}c")
print(type(it).__name__, type(it).__module__, iter(it) is it)
print(next(it), next(it))
try:
    next(it)
except StopIteration:
    print("StopIteration")
first, rest = _string.formatter_field_name_split("a.b")
print(type(rest).__name__, list(rest), list(rest))

for f in (_string.formatter_parser, _string.formatter_field_name_split):
    for args in [(1,), (b"x",), (), ("a", "b")]:
        try:
            f(*args)
        except TypeError as e:
            print(type(e).__name__, str(e).replace("_string.", ""))
    try:
        f(s="x")
    except TypeError as e:
        print(type(e).__name__, str(e).replace("_string.", ""))
try:
    type(it)()
except TypeError as e:
    print(e)


class S(str):
    pass


print(list(_string.formatter_parser(S("{0}-{1}"))))
print(_string.__doc__, sorted(n for n in dir(_string) if not n.startswith("__")))
