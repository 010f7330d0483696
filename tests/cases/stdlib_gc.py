# kiln-test: native-only
# The gc module's interface: collection, enabling, thresholds, tracking.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(type(gc.collect()).__name__, type(gc.collect(0)).__name__, type(gc.collect(generation=2)).__name__)
print(gc.get_threshold() in [(700, 10, 10), (2000, 10, 10), (2000, 10, 0)], len(gc.get_count()))
old = gc.get_threshold()
gc.set_threshold(500, 5, 5)
print(gc.get_threshold())
gc.set_threshold(*old)
print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked(None))
class C:
    pass
print(gc.is_tracked(C()), gc.garbage, gc.callbacks, len(gc.get_stats()), sorted(gc.get_stats()[0]))
try:
    gc.collect(5)
except ValueError as e:
    print(e)
# Cycles are collected.
import weakref
class Node:
    pass
a = Node()
b = Node()
a.other = b
b.other = a
r = weakref.ref(a)
del a, b
for _ in range(3):
    gc.collect()
print(gc.DEBUG_LEAK, gc.DEBUG_STATS)
print(gc.is_tracked({1: 2}), gc.is_tracked({1: []}), gc.is_tracked((1, 2)))
