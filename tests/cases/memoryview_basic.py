# memoryview over bytes and bytearray: indexing, slicing, write-through, conversions, release.
b = bytearray(b'hello world')
m = memoryview(b)
print(len(m), m[0], m[-1], m[1:4].tobytes(), bytes(m[6:]), m.tolist()[:3], m.readonly, m.nbytes, m.format, m.itemsize)
m[0] = 72
m[6:11] = b'WORLD'
print(b, m.hex(), memoryview(b'ab').hex(':'), m == b, m[0:5] == b'Hello', int(memoryview(b'123')))
mb = memoryview(b'abc')
try:
    mb[0] = 1
except TypeError as e:
    print(e)
with memoryview(b'xyz') as mm:
    print(list(mm), bytes(mm[1:]))
try:
    mm[0]
except ValueError as e:
    print(e)
print(bytearray(memoryview(b'q')), list(memoryview(memoryview(b'abcd')[1:])[1:]))
