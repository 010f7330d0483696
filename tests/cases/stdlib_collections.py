# kiln-test: native-only
# collections compiled from the interpreter's standard library, over kiln's _collections (deque,
# defaultdict) and namedtuple's generated __new__ (kiln's _kiln_eval).
from collections import deque, defaultdict, Counter, OrderedDict, namedtuple, ChainMap
d = deque([1, 2, 3], maxlen=4)
d.append(4); d.append(5); d.appendleft(0)
print(d, len(d), d[0], d[-1], d.maxlen, 3 in d)
d.rotate(1); print(d); d.rotate(-2); print(d)
print(d.pop(), d.popleft(), d, list(reversed(d)), d.count(3), d.index(3))
e = deque("abc"); e.extendleft("xy"); print(e, e == deque("yxabc"), e + deque("z"))
try: deque().pop()
except IndexError as ex: print("IndexError", ex)
dd = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(v)
print(dd, dd["zz"], sorted(dd), isinstance(dd, dict))
c = Counter("abracadabra")
print(c.most_common(3), c["a"], c["z"], sorted(c.elements())[:4])
c.update("aaz"); print(c["a"], c["z"], (c - Counter("a")).most_common(1))
od = OrderedDict([("x", 1), ("y", 2)]); od["z"] = 3; od.move_to_end("x")
print(od, list(od), od.popitem(last=False))
cm = ChainMap({"a": 1}, {"a": 2, "b": 3}); print(cm["a"], cm["b"], len(cm), sorted(cm))
T = namedtuple("T", ["a", "b", "c"])
print(T(1, 2, 3)._replace(b=9), T._fields)
