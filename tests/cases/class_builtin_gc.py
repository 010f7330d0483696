# Many instances of subclasses of built-in types (with slots, dicts, sets, bytes) under the collector.
class P(list):
    __slots__ = ('tag',)
class Q(dict):
    pass
class R(int):
    pass
class S(str):
    pass
class T(tuple):
    pass
class E(Exception):
    __slots__ = ('x',)
total = 0
keep = []
for i in range(12000):
    p = P([i, i + 1])
    p.tag = i
    q = Q(a=i)
    q.extra = [i]
    r = R(i * 3)
    s = S(str(i))
    t = T((i, s))
    e = E(i)
    e.x = r
    st = {i, i + 1, s, t}
    fs = frozenset(st)
    b = bytes([i % 256]) * 3
    ba = bytearray(b)
    ba.extend(b'xyz')
    z = complex(i, -i)
    total += len(p) + q['a'] + q.extra[0] + r + len(s) + len(t) + e.x + len(st) + len(ba) + int(z.real)
    if i % 120 == 0:
        keep.append((p, q, r, s, t, e, st, fs, b, ba, z))
print(total)
print(len(keep), keep[-1][0], keep[-1][0].tag, keep[-1][1], keep[-1][1].extra, keep[-1][2], keep[-1][3], keep[-1][4], keep[-1][5].x, sorted([repr(x) for x in keep[-1][7]]), keep[-1][9], keep[-1][10])
