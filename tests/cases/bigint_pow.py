# Big integer powers and their decimal conversion.
print(2 ** 64)
print(2 ** 100)
print(2 ** 200)
print(3 ** 100)
print((-3) ** 41)
print(10 ** 50)
print(7 ** 77)
x = 2 ** 100
print(x + 1, x - 1, -x)
print(x * x)
print(len(str(2 ** 1000)))
s = str(2 ** 1000)
print(s[:20], s[-20:])
digits = 0
for ch in str(2 ** 500):
    digits += int(ch)
print("digit sum 2**500", digits)
p = 1
i = 0
while i < 100:
    p *= 2
    i += 1
print(p == 2 ** 100, p)
print(123456789 ** 5)
print(2 ** 63 - 1, -(2 ** 63), 2 ** 63, -(2 ** 63) - 1)
print(9223372036854775807 + 1, -9223372036854775808 - 1)
print(4611686018427387903 + 1, 4611686018427387904 * 2)
print(2 ** 0, 0 ** 0, 0 ** 5, 1 ** 1000, (-1) ** 1001)
