# Floor division and modulo with negative operands follow Python, not C.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (0, -3), (6, 3), (-6, 3),
         (1, 7), (-1, 7), (1, -7), (-1, -7), (100, 7), (-100, 7), (100, -7)]
for p in pairs:
    a = p[0]
    b = p[1]
    q = a // b
    r = a % b
    print(a, b, q, r, q * b + r == a)
print(-7 / 2, 7 / -2, -7 / -2)
print(-1 // 1000000, -1 % 1000000)
print(-(10 // 3), (-10) // 3, -10 // 3)
print(-10 % 3, -(10 % 3))
big = -123456789012
print(big // 1000, big % 1000)
print(big // -1000, big % -1000)
n = -5
m = 0
while n <= 5:
    m = m + (n % 3) * 10 + n // 3
    n += 1
print("accumulated", m)
print(-3 ** 2 // 4, (-3) ** 2 // 4, -17 % 5 % 3)
