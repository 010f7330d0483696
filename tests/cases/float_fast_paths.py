# Float arithmetic and comparisons through the compiled fast paths: signed zeros, NaN and
# infinities, division by zero, float subclasses (which take the slow path).
a, b, z = 1.5, -2.25, 0.0
print(a + b, a - b, a * b, a / b, b / a)
nan = float("nan"); inf = float("inf")
print(nan == nan, nan != nan, nan < 1.0, inf > 1e308, a < b, a <= a, a == 1.5, a != 1.5, b >= b, a > b)
try:
    print(a / z)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
x = 0.1
for i in range(5):
    x = x * 3.0 - 0.2 / 1.7
    x += 0.5
    x -= 0.25
    x *= 1.01
    x /= 1.1
print(repr(x), 7 / 2, -7 / 2, 1 / 3, 2 ** 0.5 / 2.0, -0.0 * 1.0, 0.0 * -1.0)
class F(float): pass
print(F(1.5) + 1.0, type(F(1.5) * 2.0).__name__, F(3.0) < 4.0)
if 1.0 < 2.0 and not (2.0 < 1.0) and 3.0 == 3.0:
    print("branches ok")
