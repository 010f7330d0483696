# Bitwise operators on positive, negative and big integers.
a = 0b101100
b = 0b011010
print(a & b, a | b, a ^ b, ~a, ~b)
print(a << 3, a >> 2, 1 << 0, 1 >> 1)
print(-a & b, -a | b, -a ^ b)
print(-1 & 255, -256 & 255, -1 | 0, -1 ^ -1)
print(-16 >> 2, -1 >> 10, -17 >> 1, -5 << 2)
print(1 << 62, 1 << 63, 1 << 64, 1 << 100)
big = (1 << 100) - 1
print(big & 0xFFFF, big >> 90, big ^ (1 << 99), big | 1)
print(-(1 << 70) >> 3, (1 << 70) >> 70, ~(1 << 65))
print(0xFF, 0o777, 0b1111, 0xdead_beef)
x = 0
i = 0
while i < 16:
    if i % 3 == 0:
        x = x | (1 << i)
    i += 1
print("mask", x)
count = 0
y = x
while y:
    count += y & 1
    y >>= 1
print("popcount", count)
z = 12345
z &= 0xF0F0
print(z)
z |= 0x0F
print(z)
z ^= 0xFFFF
print(z)
z <<= 4
print(z)
z >>= 6
print(z)
print(True & True, True | False, True ^ True, ~True)
