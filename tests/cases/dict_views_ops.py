# dict views with set operations, reversed, | and |=, fromkeys, copy, equality, popitem order.
d = {'a': 1, 'b': 2, 'c': 3}
e = {'b': 20, 'd': 40}
print(sorted(d.keys() & e.keys()), sorted(d.keys() | e.keys()), sorted(d.keys() - e.keys()), sorted(d.keys() ^ e.keys()))
print(sorted(d.keys() & {'a', 'z'}), sorted({'c', 'q'} & d.keys()), sorted(d.items() & {('a', 1), ('b', 3)}))
print(d.keys() == {'a', 'b', 'c'}, d.keys() <= {'a', 'b', 'c', 'd'}, d.items() == {('a', 1), ('b', 2), ('c', 3)}, d.keys() != e.keys())
print(list(reversed(d)), list(reversed(d.keys())), list(reversed(d.values())), list(reversed(d.items())))
print(d | e, e | d, {**d, **e} == d | e)
f = dict(d)
f |= e
f |= [('z', 26)]
print(f)
print(dict.fromkeys('abc'), dict.fromkeys(range(3), 0), d.copy() == d, d.copy() is d)
g = {1: 'x', 2: 'y', 3: 'z'}
print(g.popitem(), g.popitem(), g)
try:
    {}.popitem()
except KeyError as ex:
    print('KeyError', ex)
print({1: 2} == {1: 2.0}, {1: 2} == {1: 3}, {'a': [1]} == {'a': [1]}, {} == {}, {1: 2} != {2: 1})
print(len(d.keys()), 'a' in d.keys(), ('a', 1) in d.items(), 1 in d.values(), 5 in d.values())
print(d.keys(), d.values(), d.items())
k = d.keys()
d['new'] = 0
print(k, len(k))
print(isinstance(d.keys(), type({}.keys())), type(d.items()).__name__)
class Missing(dict):
    def __missing__(self, key):
        return key * 2
m = Missing(a=1)
print(m['a'], m['zz'], m.get('zz'), 'zz' in m)
print(sorted(dict(zip('abc', range(3))).items()), dict([('x', 1)], y=2))
nested = {'k': {'inner': [1, 2]}}
print(nested, nested['k']['inner'][1])
print({i: i * i for i in range(5) if i % 2 == 0})
h = {}
h.setdefault('list', []).append(1)
h.setdefault('list', []).append(2)
print(h, h.pop('list'), h.pop('none', 'dflt'))
print(sorted({1, 2}.union(d.keys() & {'a'}), key=str))
