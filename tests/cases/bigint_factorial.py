# Factorials and products overflowing into big ints.
def fact(n):
    r = 1
    i = 2
    while i <= n:
        r = r * i
        i += 1
    return r
for n in [0, 1, 5, 10, 20, 21, 25, 30, 40, 50]:
    print(n, fact(n))
f100 = fact(100)
print(f100)
print(len(str(f100)))
zeros = 0
t = f100
while t % 10 == 0:
    zeros += 1
    t //= 10
print("trailing zeros", zeros)
print(fact(30) // fact(28), 30 * 29)
print(fact(52) // (fact(5) * fact(47)))
prod = 1
for k in range(2, 40, 3):
    prod *= k * k - 1
print(prod)
neg = -1
for k in range(1, 30):
    neg *= -k
print(neg)
print(fact(25) - fact(24) * 25, fact(22) + 1 > fact(22))
