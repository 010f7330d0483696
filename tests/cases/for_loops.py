# for loops with break, continue, else, nested loops and pass.
for i in range(3):
    print("i", i)
for ch in "hey":
    print(ch, end="|")
print()
for x in [3, 7, 12, 5]:
    if x > 10:
        print("first big", x)
        break
else:
    print("no big")
for x in [3, 7, 5]:
    if x > 10:
        print("first big", x)
        break
else:
    print("no big")
for x in range(10):
    if x % 3 != 0:
        continue
    print("mult of 3", x)
primes = []
for n in range(2, 40):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        primes.append(n)
print(primes)
for i in range(3):
    for j in range(3):
        if j == i:
            continue
        if j > 1 and i == 0:
            break
        print(i, j)
for _ in []:
    print("never")
else:
    print("empty loop else")
for item in (1, "two", 3.0):
    pass
print("last item", item)
d = {"a": 1, "b": 2}
for key in d:
    print(key, d[key])
count = 0
for i in range(5):
    for j in range(i):
        for k in range(j):
            count += 1
print("triples", count)
for i in range(3):
    i = i * 10
    print("rebound", i)
for i, w in enumerate(["zero", "one"]):
    print(i, w)
for a, b in zip([1, 2, 3], "xyz"):
    print(a, b)
