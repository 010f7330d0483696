# Comparisons and chained comparisons between ints.
a = 3
b = 7
c = 7
print(a < b, a > b, a <= b, a >= b, a == b, a != b)
print(b == c, b != c, b <= c, b >= c, b < c)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 == 1 != 2)
print(a < b <= c, a < b < c, 0 <= a < 10, 10 > b >= a > 0)
print(-5 < -3, -5 > -3, -0 == 0, 2 ** 70 > 2 ** 69, -2 ** 70 < 2 ** 69)
print(10 ** 30 == 10 ** 30, 10 ** 30 != 10 ** 30 + 1, 10 ** 30 < 10 ** 31)
calls = 0
def val(x):
    global calls
    calls += 1
    print("val", x)
    return x
print(val(1) < val(2) < val(3))
print(val(5) < val(2) < val(3))
print("calls", calls)
i = 0
inside = 0
while i < 20:
    if 5 <= i < 15:
        inside += 1
    i += 1
print("inside", inside)
print(max(1, 2) == 2 == min(2, 3), not 1 < 2)
r = 1 < 2
print(r, type(r) is bool)
