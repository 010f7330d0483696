# Float arithmetic, mixed int/float operations and true division.
a = 1.5
b = 0.25
print(a + b, a - b, a * b, a / b)
print(a // b, a % b, a ** 2, b ** 0.5)
print(-a, +a, -(-a))
print(7 // 2.0, -7 // 2.0, 7 % -2.5, -7.5 % 2)
print(1 + 2.0, 3 * 0.5, 10 - 0.1, 2 ** 0.5)
print(7 / 2, 8 / 2, -9 / 4, 1 / 3)
print(2.0 ** 10, 2 ** -2, 10.0 ** -3)
x = 0.0
i = 0
while i < 10:
    x += 0.1
    i += 1
print(x, x == 1.0, abs(x - 1.0) < 1e-9)
s = 0.0
for k in range(1, 11):
    s += 1 / k
print("harmonic", s)
f = 1.0
for k in range(1, 21):
    f *= k
print(f)
print(3.0 * 1.1, 0.1 * 3, 1.1 + 2.2, 100.0 / 3.0)
print(1e10 + 1, 1e16 + 1, 2.5e-3 * 4)
c = 5
c /= 2
print(c)
c *= 4
print(c)
c -= 0.5
print(c)
print(1.5 + True, 2.5 * False)
print(2 ** 0.5 * 2 ** 0.5, 9 ** 0.5, (-8.0) ** 2)
print(float(repr(0.1)) == 0.1, 1e308 * 10, -1e308 * 10)
