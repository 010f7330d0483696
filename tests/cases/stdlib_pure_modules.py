# kiln-test: native-only
# Pure-Python modules compiled from the interpreter's own standard library at build time:
# keyword, heapq, bisect, operator.
import keyword
import heapq
import bisect
import operator

print(keyword.iskeyword("for"), keyword.iskeyword("print"), "async" in keyword.kwlist)
h = []
for x in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, x)
print([heapq.heappop(h) for _ in range(3)], heapq.nlargest(2, [4, 7, 1, 9]), heapq.nsmallest(2, "hello"))
print(list(heapq.merge([1, 4, 7], [2, 5, 8])))
a = [1, 3, 3, 5, 9]
print(bisect.bisect_left(a, 3), bisect.bisect_right(a, 3), bisect.bisect(a, 4))
bisect.insort(a, 4)
print(a)
print(operator.add(2, 3), operator.itemgetter(1)([7, 8, 9]), operator.attrgetter("real")(3 + 4j))
print(sorted([("b", 2), ("a", 3)], key=operator.itemgetter(1)), operator.methodcaller("upper")("x"))
print(operator.neg(5), operator.contains([1, 2], 2), operator.concat("a", "b"))
