# Iteration builtins: iter with sentinel, reversed, zip, enumerate, map, filter, sorted, min/max.
data = [5, 3, 8, 1]
pop = iter(data.pop, 3)
print(list(pop), data)
class Reader:
    def __init__(self, chunks):
        self.chunks = list(chunks)
    def read(self):
        return self.chunks.pop(0) if self.chunks else ''
r = Reader(['ab', 'cd', ''])
print(list(iter(r.read, '')))
class Rev:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * 10
print(list(reversed(Rev(4))), list(Rev(3)), list(reversed([])), list(reversed((1, 2))))
print(list(zip('abc', range(10), [True, False, None])), dict(zip(['a', 'b'], [1, 2])))
print(list(zip(*[(1, 'a'), (2, 'b')])), list(zip([1, 2], [3, 4], strict=True)))
for bad in [lambda: list(zip([1], [], strict=True)), lambda: list(zip([], [1], [2], strict=True)),
            lambda: list(zip([1, 2], [1, 2], [1], strict=True)), lambda: reversed(5), lambda: list(map(None)),
            lambda: enumerate(), lambda: sorted([1, 'a']), lambda: min()]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(list(enumerate(['x', 'y'], 5)), list(enumerate('ab', start=-1)), next(enumerate('z')))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(str.upper, 'ab')), list(filter(str.isdigit, 'a1b2')))
people = [('bob', 25), ('amy', 30), ('cat', 25), ('dan', 30)]
print(sorted(people, key=lambda p: p[1]), sorted(people, key=lambda p: p[1], reverse=True))
print(min(people, key=lambda p: p[1]), max(people, key=lambda p: p[1]), max([], key=len, default=None))
print(sorted([3, 1, 2], key=None), sorted('Banana', key=str.lower), sorted([[2, 1], [1, 2], [1]]))
it = iter(range(3))
print(next(it), next(it), next(it), next(it, 'end'))
m = map(int, ['1', '2'])
print(type(m).__name__, list(m), list(m))
z = zip([1, 2])
print(type(z).__name__, list(z))
e = enumerate('ab')
print(iter(e) is e, list(e))
print(sum(range(10), 100), sum([0.1, 0.2, 0.3]), sum([[1], [2]], []), any([x > 2 for x in [1, 5]]))
print(all([]), all([1, [], 2]), any(['', 0, None]), any(map(bool, [0, 1])))
