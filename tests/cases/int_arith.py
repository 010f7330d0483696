# Basic integer arithmetic: + - * / // % ** and unary operators.
a = 17
b = 5
print(a + b, a - b, a * b)
print(a / b, a // b, a % b)
print(a ** 2, b ** 3, 2 ** 10, 7 ** 0)
print(-a, +a, ~a, -(-a), ~~a)
print(0 - 0, 0 * 12345, 1 - 1000000)
print(10 / 2, 9 / 3, 1 / 4, 7 / 7)
c = 3
c += 4
print(c)
c -= 10
print(c)
c *= -6
print(c)
c //= 4
print(c)
c %= 7
print(c)
c **= 3
print(c)
total = 0
i = 1
while i <= 100:
    total = total + i * i
    i += 1
print("sum of squares", total)
x = 123456789
print(x * x, x * -x, x // 1000, x % 1000)
print(2 ** -1, 10 ** -2)
print(1 + 2 * 3 - 4 // 2 + 5 % 3 ** 2)
print((1 + 2) * (3 - 4) // 2)
print(-2 ** 2, (-2) ** 2, -2 ** 3, (-2) ** 3)
