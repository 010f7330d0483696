# repr and str of floats: shortest round-trip digits and exponent switching.
values = [0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 1e-5, 1e-4, 0.0001234,
          2.5, -0.0, 0.0, 1.0, -1.0, 100.0, 1e22, 1e23, 123456789.0,
          1234567890123456789.0, 0.5, 3.14159, 1e300 * 10, 1e308 * 10, -1e308 * 10,
          1.7976931348623157e308, 5e-324, 2.2250738585072014e-308]
for v in values:
    print(repr(v), str(v))
print(0.1, 0.2, 0.3, 0.1 + 0.2)
print(1.1 * 1.1, 1 / 7, 22 / 7)
print(1e16, 9999999999999998.0, 1e17)
print(12345678.9, 0.000001, 0.0000001)
print(float(10 ** 16), float(2 ** 53), float(2 ** 53 + 1))
print(-2.5, -1e-7, -123.456)
print([0.1, 1.0, -0.0, 1e100])
print((1.5, 2.0))
print(f"{0.1 + 0.2} {1e20} {1e21}")
print(str(1e300 * 1e10), repr(-(1e300 * 1e10)))
inf = 1e308 * 10
print(inf > 1e308, -inf < -1e308, inf == inf, inf - 1)
