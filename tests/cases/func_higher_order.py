# Functions as values: passed as arguments, stored in lists and dicts, returned.
def double(x):
    return x * 2
def square(x):
    return x * x
def negate(x):
    return -x
def apply(f, x):
    return f(x)
def apply_n(f, n, x):
    i = 0
    while i < n:
        x = f(x)
        i += 1
    return x
def compose_apply(fs, x):
    for f in fs:
        x = f(x)
    return x
def my_map(f, xs):
    out = []
    for x in xs:
        out.append(f(x))
    return out
def my_filter(pred, xs):
    out = []
    for x in xs:
        if pred(x):
            out.append(x)
    return out
def is_odd(n):
    return n % 2 == 1
def pick(name):
    if name == "double":
        return double
    return square
print(apply(double, 21), apply(square, 12), apply(negate, 5))
print(apply_n(double, 10, 1), apply_n(square, 3, 2))
print(compose_apply([double, square, negate], 3))
print(my_map(square, range(6)), my_filter(is_odd, range(10)))
print(my_map(str, [1, 2.5, None]), my_map(len, ["a", "bb", ""]), my_map(abs, [-1, 2, -3]))
ops = {"d": double, "s": square, "n": negate}
for key in "dsn":
    print(key, ops[key](7))
table = [double, square]
print(table[1](table[0](5)), pick("double")(4), pick("other")(4))
f = square
g = f
print(g(9), f is g, f is square, f is double)
print(sorted(my_map(negate, [3, 1, 2])), max(my_map(square, [-5, 3])))
def reduce_with(f, xs, init):
    acc = init
    for x in xs:
        acc = f(acc, x)
    return acc
def add(a, b):
    return a + b
def mul(a, b):
    return a * b
print(reduce_with(add, range(10), 0), reduce_with(mul, range(1, 20), 1))
print(reduce_with(add, ["a", "b", "c"], ""), reduce_with(max, [3, 9, 2], 0))
