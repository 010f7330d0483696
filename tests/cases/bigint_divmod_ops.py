# Big int floor division, modulo, powers, comparisons and str().
a = 2 ** 128 + 12345
b = 3 ** 40
print(a // b, a % b)
print(-a // b, -a % b)
print(a // -b, a % -b)
print(-a // -b, -a % -b)
print((a // b) * b + a % b == a)
print(a // 7, a % 7, a // 1, a % 1)
print(10 ** 40 // 10 ** 20, 10 ** 40 % (10 ** 20 - 1))
print((2 ** 200) // (2 ** 100) == 2 ** 100)
c = 10 ** 25
print(c / 10 ** 5)
print(c * c - c, c - c, c + -c)
print(a > b, a < b, a == a + 0, -a < a)
print(abs(-a), abs(a) == a)
m = 10 ** 9 + 7
r = 1
base = 12345678901234567890
e = 100
while e > 0:
    if e % 2 == 1:
        r = r * base % m
    base = base * base % m
    e //= 2
print("modpow", r)
x = 1
for i in range(60):
    x = x * 31 + i
print(x)
print(x % 1000000007, x // 10 ** 70)
print(str(x)[:10], len(str(x)), str(-x)[:5])
print(int(str(x)) == x, int("-" + str(x)) == -x)
print(2 ** 100 << 3, 2 ** 100 >> 98, -(2 ** 100) >> 99)
print(2 ** 64 // 3, 2 ** 64 % 3, 18446744073709551616 // 4294967296)
