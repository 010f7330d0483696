# kiln-test: native-only
# range with one, two and three arguments; negative steps; len, indexing, in.
print(list(range(5)), list(range(2, 7)), list(range(0, 20, 5)))
print(list(range(10, 0, -2)), list(range(-3, 3)), list(range(5, -6, -3)))
print(list(range(0)), list(range(5, 2)), list(range(2, 5, -1)), list(range(-5)))
print(len(range(10)), len(range(3, 9)), len(range(0, 10, 3)), len(range(10, 0, -3)))
print(len(range(0)), len(range(7, 3)), len(range(-10, 10, 7)))
r = range(3, 30, 4)
print(r[0], r[1], r[-1], r[-2], r[len(r) - 1], len(r))
print(r, str(range(5)), repr(range(-1, 2, 2)))
print(7 in r, 8 in r, 27 in r, 31 in r, -1 in range(-5, 5), 5 in range(5))
print(0 in range(10, 0, -1), 10 in range(10, 0, -1), 4 in range(10, 0, -2))
total = 0
for i in range(1, 101):
    total += i
print(total)
for i in range(10, 0, -3):
    print(i, end=" ")
print()
for i in range(-2, -12, -4):
    print(i, end=",")
print()
back = []
n = 5
for i in range(n - 1, -1, -1):
    back.append(i)
print(back)
print(sum(range(0, 1000, 7)), max(range(3, 50, 6)), min(range(10, 0, -1)))
print(list(reversed(range(4))), sorted(range(5, 0, -1)))
big = range(0, 10 ** 12, 3)
print(len(big), big[10 ** 9], 999999999999 in big, 10 ** 12 - 1 in big)
steps = 0
for _ in range(100000):
    steps += 1
print("steps", steps)
print(range(5)[2], range(2, 10, 2)[-1], range(0, -10, -1)[3])
