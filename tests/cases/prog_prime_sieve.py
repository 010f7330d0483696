# A prime sieve with statistics: gaps, twin primes, digit sums, residues.
def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = False
    is_prime[1] = False
    p = 2
    while p * p <= limit:
        if is_prime[p]:
            for multiple in range(p * p, limit + 1, p):
                is_prime[multiple] = False
        p += 1
    primes = []
    for n in range(limit + 1):
        if is_prime[n]:
            primes.append(n)
    return primes
def gaps(primes):
    hist = {}
    biggest = (0, 0, 0)
    for i in range(1, len(primes)):
        g = primes[i] - primes[i - 1]
        hist[g] = hist.get(g, 0) + 1
        if g > biggest[0]:
            biggest = (g, primes[i - 1], primes[i])
    return hist, biggest
def twins(primes):
    out = []
    for i in range(1, len(primes)):
        if primes[i] - primes[i - 1] == 2:
            out.append((primes[i - 1], primes[i]))
    return out
def digit_sum(n):
    s = 0
    while n:
        s += n % 10
        n //= 10
    return s
def residues(primes, m):
    counts = [0] * m
    for p in primes:
        counts[p % m] += 1
    return counts
primes = sieve(10000)
print("count", len(primes))
print("first", primes[:10])
print("last", primes[-5:])
print("sum", sum(primes))
hist, biggest = gaps(primes)
keys = sorted(hist.keys())
for g in keys[:8]:
    print("gap", g, "occurs", hist[g], "times")
print("largest gap", biggest[0], "between", biggest[1], "and", biggest[2])
tw = twins(primes)
print("twin pairs", len(tw), "first", tw[:4], "last", tw[-1])
print("mod 4", residues(primes, 4), "mod 6", residues(primes, 6))
best = 0
best_p = 0
for p in primes:
    ds = digit_sum(p)
    if ds > best:
        best = ds
        best_p = p
print("max digit sum", best, "at", best_p)
by_decade = {}
for p in primes:
    if p >= 1000:
        break
    dec = p // 100 * 100
    by_decade[dec] = by_decade.get(dec, 0) + 1
for dec, n in by_decade.items():
    print(str(dec) + "-" + str(dec + 99), n)
palindromes = []
for p in primes:
    s = str(p)
    if len(s) > 1 and s == s[::-1]:
        palindromes.append(p)
print("palindromic primes", len(palindromes), palindromes[:8])
density = len(primes) / 10000
print("density", density)
goldbach_ok = True
lookup = {}
for p in primes:
    lookup[p] = True
for even in range(4, 2001, 2):
    found = False
    for p in primes:
        if p > even // 2:
            break
        if (even - p) in lookup:
            found = True
            break
    if not found:
        goldbach_ok = False
        print("counterexample", even)
print("goldbach holds up to 2000:", goldbach_ok)
