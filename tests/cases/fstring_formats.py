# Format specs in f-strings, str.format and format(), conversions, and % formatting.
pi = 3.14159265
n = 1234567
name = "kiln"
print(f"{pi:.2f} {pi:10.3f}| {pi:<10.1f}| {pi:e} {pi:g} {pi:%}")
print(f"{n:,} {n:_} {n:>12} {n:<12}| {n:^12}| {n:+d} {-n:08d}")
print(f"{255:x} {255:#X} {255:o} {255:b} {255:#010b}")
print(f"{name!r} {name!s} {'é'!a} {name:>8} {name:*^10} {name:.2}")
width, prec = 10, 3
print(f"{pi:{width}.{prec}f}|")
print("{0} {1} {0}".format("a", "b"), "{x}-{y}".format(x=1, y=2), "{:>5}|{:<5}|".format(1, 2))
print("{p.real} {d[k]}".format(p=3 + 4j, d={"k": "v"}))
print("%s %r %d %5.2f %-6s| %x %o %e" % ("s", "r", 42, pi, "left", 255, 8, 12345.678))
print("%(a)s and %(b)d" % {"a": "A", "b": 7}, "%c%c" % (107, "i"), "100%%")
print(format(0.1 + 0.2, ".17g"), format(1e100, ".3e"), format(-0.0, "+.1f"))
