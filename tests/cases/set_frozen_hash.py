# kiln-test: native-only
# frozenset hashing and nesting, sets of tuples, set comprehensions, mutation during iteration.
a = frozenset({1, 2, 3})
b = frozenset([3, 2, 1])
print(a == b, hash(a) == hash(b), a is b, len({a, b}), {a: 'x'}[b])
groups = {frozenset({1, 2}), frozenset({2, 1}), frozenset({3})}
print(len(groups), frozenset({3}) in groups, {1, 2} in {frozenset({1, 2})})
s = {frozenset({1, 2})}
s.discard({1, 2})
print(s)
s.add(frozenset({4}))
s.remove({4})
print(s)
pairs = {(x, y) for x in range(3) for y in range(3) if x < y}
print(sorted(pairs), len(pairs), (0, 2) in pairs)
squares = {n * n for n in range(-4, 5)}
print(squares, sorted(squares))
words = ['apple', 'bob', 'cat', 'apple', 'bob']
print(len(set(words)), sorted(set(words)), sorted({len(w) for w in words}))
t = {1, 2, 3}
try:
    for x in t:
        t.add(x + 10)
except RuntimeError as e:
    print("RuntimeError", e)
print(hash(frozenset()) == hash(frozenset([])), frozenset() == set(), frozenset({1}) < frozenset({1, 2}))
print(set([1, 2]) == frozenset([1, 2]), {1, 2}.issubset(frozenset([1, 2, 3])), frozenset([1]).union([2], {3}))
big = frozenset(range(100))
print(len(big), sum(big), hash(big) == hash(frozenset(range(99, -1, -1))))
d = {}
for i in range(10):
    d.setdefault(frozenset({i % 3}), []).append(i)
print(sorted([(sorted(k), v) for k, v in d.items()]))
# (hash(None) comes from an address in CPython 3.11, so None's place in a set is not portable.)
print({-1, -2, -3}, {2 ** 61 - 1, 0, 2 ** 61}, {1.5, 2.5, 0.5}, {True, False}, None in {True, None})
u = set()
for i in range(100):
    u.add(i)
for i in range(0, 100, 3):
    u.discard(i)
print(len(u), list(u)[:10])
print(set(range(5)) ^ set(range(3, 8)), set('abc') - set('b') == {'a', 'c'})
