# kiln-test: native-only
# array: typecodes, construction, growth, bytes, indexing and slicing, errors.
from array import array
import array as array_module

a = array("i", [1, 2, 3])
print(a, len(a), a[0], a[-1], a.typecode, a.itemsize)
a.append(4)
a.extend([5, 6])
a.extend(array("i", [7]))
a.insert(0, 0)
print(a, a.tolist(), a[2:5], a[::-2], 3 in a, a.index(3), a.count(2))
print(a.pop(), a.pop(0), a)
a.remove(3)
a.reverse()
print(a, a == array("i", [6, 5, 4, 2, 1]), a != a, list(a))
a[0] = 60
a[1:3] = array("i", [50, 40])
del a[-1]
print(a, a + array("i", [9]), a * 2, array("i") * 3)
print(array("b", [-1, 1]).tobytes(), array("H", [1, 2]).tobytes(), array("d", [1.5]).tobytes())
b = array("h")
b.frombytes(b"\x01\x00\x02\x00")
print(b, array("B", b"abc"), array("f", [0.5, 1]), array("q", [-(2**63)]), array("Q", [2**64 - 1]))
print(array("u", "héllo"), array("u", "abc").tounicode(), array("l", [1]).itemsize, array("L"))
c = array("I", [1, 2])
c.byteswap()
print(c)
b2 = array("d", [1.0, 2.0])
b2.fromlist([3.0])
print(b2, repr(array("d")), array("i", range(5)))
for code, v in [("b", 128), ("b", -129), ("B", 256), ("B", -1), ("h", 2**15), ("H", -1), ("i", 2**31),
                ("i", 1.5), ("d", "x"), ("I", -1)]:
    try:
        array(code, [v])
    except (OverflowError, TypeError) as e:
        print(code, type(e).__name__, e)
for f in [lambda: array("z"), lambda: a[100], lambda: array("i").pop(), lambda: a.remove(99),
          lambda: a.index(99), lambda: a.extend(array("d", [1.0])), lambda: array("h", b"abc"),
          lambda: array("i", "abc")]:
    try:
        f()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
print(array_module.ArrayType is array, "d" in array_module.typecodes)
for c, x in [('I', 2**32), ('L', -1), ('L', 2**64), ('Q', -1), ('Q', 2**64), ('l', 2**63), ('q', 2**63)]:
    try:
        array(c, [x])
    except OverflowError as e:
        print(c, e)
