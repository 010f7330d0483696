# Functions with positional parameters and default values.
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
print(greet("Ada"))
print(greet("Bob", "Hi"))
print(greet("Cy", "Yo", "?"))
def power(base, exp=2):
    return base ** exp
print(power(3), power(3, 3), power(2, 100), power(-2, 3))
def describe(x, label=None):
    if label is None:
        label = "value"
    return label + "=" + str(x)
print(describe(5), describe([1], "list"), describe(None, "none"))
def clamp(v, lo=0, hi=10):
    if v < lo:
        return lo
    if v > hi:
        return hi
    return v
for v in [-5, 5, 50]:
    print(clamp(v), clamp(v, -10), clamp(v, -10, 20))
def no_return(a):
    a = a + 1
print(no_return(1))
def early(n):
    if n > 0:
        return "positive"
    elif n < 0:
        return "negative"
    return "zero"
print(early(3), early(-3), early(0))
def many(a, b, c, d, e, f, g, h):
    return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h
print(many(1, 2, 3, 4, 5, 6, 7, 8))
def accumulate(item, into=None):
    if into is None:
        into = []
    into.append(item)
    return into
print(accumulate(1), accumulate(2), accumulate(3, [0]))
def sticky(item, into=[]):
    into.append(item)
    return len(into)
print(sticky("a"), sticky("b"), sticky("c"))
def swap(a, b):
    return b, a
print(swap(1, "x"), swap(3, 4))
def zero_args():
    return 42
print(zero_args() + zero_args())
