# kiln-test: native-only
# string compiled from the interpreter's standard library, over kiln's _string (format-string
# parsing) and re (Template's pattern): constants, capwords, Template, Formatter.
import string

print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.whitespace), string.punctuation, len(string.printable))
print(string.capwords("hello   wide world"), string.capwords("a-b-c", "-"))
t = string.Template("$who likes ${what}; $$5 and $who again")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="ann"))
print(t.substitute({"who": "x", "what": "y"}, what="z"), t.template)
for bad in [lambda: t.substitute(who="a"), lambda: string.Template("$ 1").substitute(),
            lambda: string.Template("${x").substitute(x=1)]:
    try:
        print(bad())
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)
print(string.Template("$a$b").safe_substitute(a=1), string.Template("${a}x").substitute(a=[1]))

class PctTemplate(string.Template):
    delimiter = "%"
print(PctTemplate("%x and %{y}").substitute(x=1, y=2))

f = string.Formatter()
print(f.format("{0} {1!r} {name:>6} {0:{width}}", "a", "b", name="nm", width=4))
print(f.format("{a.real} {b[1]} {c[k]}", a=3, b=[1, 2], c={"k": "v"}))
print(f.format("{} {} {:^7}", 1, 2, "mid"), f.vformat("{x}-{y}", (), {"x": 1, "y": 2}))
print(list(f.parse("a{0}b{1!r:>10}c{{d}}")))
for s in ["{", "}", "{0!x}", "{0:{1:{2}}}"]:
    try:
        print(f.format(s, "a", "b", "c"))
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)

class Upper(string.Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()
    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return "<" + key + ">"
        return super().get_value(key, args, kwargs)
print(Upper().format("{0} {missing} {x:x}", "abc", x=255))
print("{0.imag} {0!s:>5} {1[0]:03d}".format(5, [7]), format(3.14159, ".2f"))
