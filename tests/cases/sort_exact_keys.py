# sorted()/list.sort() on keys of one exact built-in type (small ints, floats, strings), where
# the runtime orders without calling `<`, against mixed and user-typed keys: stability under
# reverse=, -0.0 and 0.0 as equals, NaN, non-ASCII text, heap ints, int subclasses.
print(sorted([3, -1, 2, -1, 0, 2**61, -2**61]))
pairs = [(i % 3, i) for i in range(12)]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
print(sorted([0.0, -0.0, 1.5, -2.5, 0.0, -0.0], key=lambda x: x))
zs = [0.0, -0.0, -0.0, 0.0]
print([str(x) for x in sorted(zs)], [str(x) for x in sorted(zs, reverse=True)])
nan = float("nan")
print(sorted([3.0, nan, 1.0, 2.0]))
print(sorted(["b", "a", "é", "ä", "Z", "", "ab", "a\x00", "😀", "z"]))
print(sorted(["b", "a", "c", "a"], reverse=True))
print(sorted([1, 2.5, -3, 0.5, True, False]))
print(sorted([2**70, 5, -2**70, 2**64, 3]))
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(words, key=len), sorted(words, key=len, reverse=True))
print(sorted(range(10), key=lambda i: -i % 4))


class MyInt(int):
    def __lt__(self, other):
        return int(self) > int(other)


print(sorted([MyInt(1), MyInt(3), MyInt(2)]))


class MyStr(str):
    def __lt__(self, other):
        return len(self) < len(other)


print(sorted([MyStr("ccc"), MyStr("a"), MyStr("bb")]))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError", e)
a = [5, 1, 4]
a.sort(key=lambda x: -x)
print(a, sorted([]), sorted([7]))
print(sorted([(1, "b"), (1, "a"), (0, "z")]), sorted([[2, 1], [1, 2], [1]]))
print((1, 2) < (1, 2, 0), [1, 2] == [1, 2], ("a", 1.0) == ("a", 1), (nan,) == (nan,))
