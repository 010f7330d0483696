# kiln-test: native-only
# The native _heapq module and heapq over it: pushes, pops, heapify, replace and pushpop, the
# max-heap helpers, user orderings (compared through __lt__, in CPython's order), and errors.
import sys
import _heapq
import heapq

print(heapq.heappush is _heapq.heappush, heapq.heapify is _heapq.heapify)
names = sorted(n for n in dir(_heapq) if not n.startswith("__"))
print([n for n in names if "max" not in n])

h = []
for x in [5, 3, 8, 1, 9, 2, 7, 1]:
    _heapq.heappush(h, x)
print(h)
print([_heapq.heappop(h) for _ in range(len(h))], h)
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
_heapq.heapify(data)
print(data)
print(_heapq.heapreplace(data, 10), data)
print(_heapq.heappushpop(data, -1), _heapq.heappushpop(data, 4), data)
print(_heapq.heappushpop([], 3), heapq.nsmallest(3, [5, 1, 4, 2]), heapq.nlargest(2, [5, 1, 4, 2]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6])))
big = list(range(3000, 0, -1))
_heapq.heapify(big)
print(big[:8], [_heapq.heappop(big) for _ in range(5)])

m = [3, 1, 4, 1, 5, 9, 2, 6]
if sys.version_info >= (3, 14):
    heapify_max, heappop_max, heapreplace_max = _heapq.heapify_max, _heapq.heappop_max, _heapq.heapreplace_max
else:
    heapify_max, heappop_max, heapreplace_max = _heapq._heapify_max, _heapq._heappop_max, _heapq._heapreplace_max
heapify_max(m)
print(m, heappop_max(m), heapreplace_max(m, 0), m)
print(heapq.nlargest(3, [(1, "a"), (3, "b"), (2, "c")]))


class Task:
    def __init__(self, p, name):
        self.p = p
        self.name = name

    def __lt__(self, other):
        print("  lt", self.name, other.name)
        return self.p < other.p

    def __repr__(self):
        return self.name


tasks = []
for p, n in [(3, "c"), (1, "a"), (2, "b"), (0, "z")]:
    _heapq.heappush(tasks, Task(p, n))
print(tasks)
print(_heapq.heappop(tasks), tasks)
t = [Task(5, "e"), Task(4, "d"), Task(6, "f"), Task(1, "q")]
_heapq.heapify(t)
print(t, _heapq.heappushpop(t, Task(9, "n")), t)


class MyList(list):
    pass


ml = MyList([3, 2, 1])
_heapq.heapify(ml)
print(ml, type(ml).__name__)

for f, args in [
    (_heapq.heappop, ([],)),
    (_heapq.heapreplace, ([], 1)),
    (_heapq.heappush, ((), 1)),
    (_heapq.heappop, (None,)),
    (_heapq.heapify, ({},)),
    (_heapq.heappushpop, ("x", 1)),
    (_heapq.heappush, ([1, 2], "x")),
    (_heapq.heappush, ([],)),
    (heapreplace_max, ([], 1)),
    (heappop_max, ([],)),
]:
    try:
        print(f(*args))
    except Exception as e:
        print(type(e).__name__, e)


class Shrink:
    def __lt__(self, other):
        del mixed[:]
        return True


mixed = [Shrink(), Shrink(), Shrink()]
try:
    _heapq.heapify(mixed)
except Exception as e:
    print(type(e).__name__, e)
heapq.heappop([])
