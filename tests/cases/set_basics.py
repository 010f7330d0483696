# kiln-test: native-only
# Set construction, iteration order (CPython's table), printing.
print({3, 1, 2})
print(set(range(20)))
print({-1, -2}, {-5, 5, 0})
print({100, 7, 15, 23, 8, 16, 31, 32, 64})
print(set(), frozenset(), frozenset({1, 2}))
s = {10, 20, 30}
s.add(40)
s.add(10)
print(s, len(s), 20 in s, 25 in s, 25 not in s)
s.discard(20)
s.discard(99)
print(s)
s.remove(30)
print(s)
try:
    s.remove(30)
except KeyError as e:
    print("KeyError", e)
t = set([5, 3, 5, 1, 3])
print(t, sorted(t))
print(set("abc") == {"a", "b", "c"}, len(set("mississippi")))
print({x * x for x in range(-5, 6)})
print({*range(3), *[7, 8], 1})
u = {1, 2, 3}
print(u.pop(), u.pop(), u)
e = set()
try:
    e.pop()
except KeyError as x:
    print("KeyError", x)
big = set(range(0, 300, 7))
print(len(big), 294 in big, 295 in big)
print(sum(big), min(big), max(big))
m = {1.0, 1, True}
print(m, len(m))
print({(1, 2), (3, 4)} == {(3, 4), (1, 2)})
fs = frozenset([3, 1, 2])
print(fs, hash(fs) == hash(frozenset([1, 2, 3])), {fs: "x"}[frozenset({1, 2, 3})])
print(hash(frozenset()), hash(frozenset({1, 2, 3})))
for i, v in enumerate({5, 6, 7}):
    print(i, v)
c = {1, 2, 3}
c.clear()
print(c, bool(c), bool({0}))
print(list({30, 10, 20}), tuple(frozenset({2, 1})))
nested = {frozenset({1}), frozenset({2, 3})}
print(len(nested), frozenset({1}) in nested)
try:
    {[1, 2]}
except TypeError as x:
    print(x)
try:
    hash({1})
except TypeError as x:
    print(x)
print(repr({'a'}), {None, True} == {True, None})
