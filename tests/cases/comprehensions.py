# Every kind of comprehension: conditions, nesting, scoping, generator expressions.
rows = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([x for row in rows for x in row if x % 2])
print([[row[i] for row in rows] for i in range(3)])
print({x: x * x for x in range(6) if x > 2})
print(sorted({c.lower() for c in "Hello World" if c.isalpha()}))
print(sum(x * y for x, y in zip(range(5), range(5, 10))))
gen = (n for n in range(10) if n % 3 == 0)
print(next(gen), list(gen))
x = "outer"
print([x for x in "ab"], x)
words = ["apple", "banana", "cherry"]
print({w[0]: len(w) for w in words})
print(dict((k, v) for k, v in enumerate(words)))
print([(i, j) for i in range(3) for j in range(i)])
print(any(w.startswith("b") for w in words), all(len(w) > 4 for w in words))
