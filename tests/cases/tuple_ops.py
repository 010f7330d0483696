# Tuple indexing, slicing, len, in, comparisons, concatenation, tuples as dict keys.
t = (5, "five", 5.0, None, (1, 2))
print(t[0], t[1], t[-1], t[-1][0], t[4][-1])
print(t[1:3], t[::-1], t[::2], t[:0], t[10:])
print(len(t), len(()), len((1,)), len(((1, 2),)))
print(5 in t, "five" in t, (1, 2) in t, 7 in t, None not in t)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 99), (1, 2) == (1, 2))
print(("a", 1) < ("a", 2), ("b",) > ("a", 5), () < (0,), (1, 2) != (2, 1))
print((1, 2) + (3,), (0,) * 4, 2 * ("x", "y"), () + ())
print(tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple(), tuple((9,)))
print(min((3, 1, 2)), max((3, 1, 2)), sum((1, 2, 3)), sorted((3, 1, 2)))
grid = {}
for r in range(3):
    for c in range(3):
        grid[(r, c)] = r * 3 + c
print(grid[(1, 2)], grid[2, 0], (0, 0) in grid, (3, 3) in grid, len(grid))
d = {(1, "a"): "first", (2, "b"): "second"}
print(d[(1, "a")], d)
key = (2, "b")
print(d[key], d.get((3, "c")), d.get((3, "c"), "missing"))
records = [("bob", 25), ("alice", 30), ("carol", 25), ("alice", 22)]
records.sort()
print(records)
print(sorted(records)[0], max(records), min(records))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], nested == ((1, 2), (3, (4, 5))))
total = 0
for pair in records:
    total += pair[1]
print("ages", total)
a = (1, 2)
b = a + ()
print(a == b, str(a), repr(("q",)), str(((),)))
