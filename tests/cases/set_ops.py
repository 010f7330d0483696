# Set algebra: operators, methods, comparisons, in-place forms.
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [7, 8]), a.intersection(b, {4}), a.difference([1], (2,)), a.symmetric_difference([4, 9]))
print(a <= b, a < a | b, a | b > a, a >= {1}, a == {4, 3, 2, 1}, a != b)
print(a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({9}), a.isdisjoint([4]))
c = set(a)
c |= {10}
print(c)
c &= {1, 2, 10, 11}
print(c)
c -= {1}
print(c)
c ^= {2, 3}
# The order after ^= differs between CPython versions (3.9 places 3 first): print it sorted.
print(sorted(c))
d = {1, 2}
d.update([3], (4, 5), {6})
print(d)
d.intersection_update({1, 2, 3, 4}, [2, 3, 4])
print(d)
d.difference_update([2])
print(d)
d.symmetric_difference_update({3, 100})
print(d)
fa = frozenset([1, 2, 3])
print(fa | {4}, type(fa | {4}).__name__, type({4} | fa).__name__)
print(fa & {2, 3, 9}, fa - {1}, fa ^ {3, 4})
print(fa.copy() is fa, fa == {1, 2, 3}, {1, 2, 3} == fa)
print(sorted(a | b | {0}), len(a & set()))
try:
    a | [1]
except TypeError as e:
    print(e)
try:
    a < 3
except TypeError as e:
    print(e)
x = frozenset()
x |= {1}
print(x, type(x).__name__)
keys = {'a': 1, 'b': 2}
s = {1, 2}
s.update(keys)
print(len(s), 'a' in s)
print(set(range(50)) - set(range(0, 50, 2)) == set(range(1, 50, 2)))
big = set(range(1000))
small = {5, 500, 5000}
print(sorted(big & small), sorted(small - big), len(big - small))
print({1, 2, 3}.copy(), set.union({1}, {2}))
e = set(range(10))
for i in range(0, 10, 2):
    e.discard(i)
print(e)
e2 = set(range(40))
for i in range(35):
    e2.remove(i)
print(e2, e2.pop())
