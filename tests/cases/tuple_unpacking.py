# Tuple packing and unpacking: swaps, nested targets, loops over pairs, returns.
t = 1, 2, 3
print(t, type(t) is tuple)
a, b, c = t
print(a, b, c)
a, b = b, a
print(a, b)
x, y, z = z0, y0, x0 = 7, 8, 9
print(x, y, z, z0, y0, x0)
(p, q), r = (10, 20), 30
print(p, q, r)
m, (n, (o, s)) = 1, (2, (3, 4))
print(m, n, o, s)
first, second = "ab"
print(first, second)
i, j, k = [4, 5, 6]
print(i + j + k)
i, j, k = k, i, j
print(i, j, k)
fib_a, fib_b = 0, 1
for step in range(15):
    fib_a, fib_b = fib_b, fib_a + fib_b
print("fib", fib_a)
def min_max(xs):
    lo = xs[0]
    hi = xs[0]
    for v in xs:
        if v < lo:
            lo = v
        if v > hi:
            hi = v
    return lo, hi
lo, hi = min_max([5, -2, 9, 3])
print(lo, hi)
res = min_max([1])
print(res, res[0], res[1])
points = [(1, 2), (3, 4), (-5, 6)]
for px, py in points:
    print(px * py)
for idx, (px, py) in enumerate(points):
    print(idx, px + py)
single = 5,
empty = ()
print(single, empty, len(single), len(empty))
(only,) = [42]
print(only)
lst = [0, 0]
lst[0], lst[1] = "L", "R"
print(lst)
