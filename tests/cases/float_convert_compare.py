# float() conversions and comparisons between ints and floats.
print(float("1.5"), float("-2.25"), float("  3  "), float("1e3"), float("-0"))
print(float(3), float(-7), float(0), float(2 ** 60), float(True))
print(float("inf"), float("-inf"), float(".5"), float("5."), float("1_0.5"))
print(1 == 1.0, 1 < 1.5, 2 > 1.99, -1 <= -1.0, 3 != 3.0000001)
print(2 ** 53 == float(2 ** 53), 2 ** 53 + 1 == float(2 ** 53 + 1))
print(2 ** 53 + 1 > float(2 ** 53), 10 ** 20 < 1e21, 10 ** 400 > 1e308)
print(0 == -0.0, 0.0 == -0.0, 1 < 2.0 < 3, 1.0 < 1 < 2)
print(0.1 + 0.2 == 0.3, 0.1 + 0.2 > 0.3, 0.5 + 0.25 == 0.75)
vals = [3, 2.5, -1, 0.0, 7, 6.99, -1.5]
print(min(vals), max(vals), sorted(vals))
print(sum(vals), sum([0.1] * 10))
x = 7
y = 7.0
print(x == y, x is y, x / 1, int(y), type(x / 1) is float)
print(int(float("42.9")), float(int(42.9)))
print(float(10 ** 15) == 10 ** 15, float("1e16") == 10 ** 16)
big = 12345678901234567890
print(float(big), big == float(big), big < float(big))
print(isinstance(1.0, float), isinstance(1, float), isinstance(1.0, int))
print(str(float("12.50")), repr(float("1.000")))
print(float(str(1 / 3)) == 1 / 3, float(repr(2.0 / 3.0)) == 2.0 / 3.0)
