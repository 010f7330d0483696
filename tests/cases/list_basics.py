# List literals, indexing, len, in, concatenation, repetition, equality.
a = [1, 2, 3]
b = ["x", 2.5, None, True, [4, 5]]
e = []
print(a, b, e)
print(len(a), len(b), len(e), len([[]]))
print(a[0], a[-1], b[4], b[4][1], b[-1][-2])
a[1] = 20
print(a)
a[-1] = a[0] + a[1]
print(a)
print(a + [4, 5], [0] * 5, [1, 2] * 3, 2 * ["ab"], [] * 10)
print(1 in a, 2 in a, 20 in a, "x" in b, [4, 5] in b, 9 not in a)
print(a == [1, 20, 21], a != [1, 20, 21], [1, 2] < [1, 3], [1, 2] < [1, 2, 0])
print([] == [], [[1]] == [[1]], [1, [2, [3]]] == [1, [2, [3]]])
c = a
c.append(99)
print(a, c is a)
d = a + []
d.append(100)
print(a, d)
total = 0
for x in [10, 20, 30]:
    total += x
print(total)
grid = [[0] * 3, [0] * 3]
grid[0][1] = 5
grid[1][2] = 7
print(grid)
alias = [[0] * 2] * 2
alias[0][0] = 1
print(alias)
words = ["a"]
words += ["b", "c"]
print(words)
words *= 2
print(words, len(words))
print(list(range(5)), list("abc"), list(), list((1, 2)), list(range(10, 0, -3)))
print(str([1, "two", 3.0, None, [True]]), repr(["q'uote"]))
