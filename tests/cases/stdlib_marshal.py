# kiln-test: native-only
# marshal's value serialization: round trips of every value type and the bytes of simple ones.
import marshal

values = [None, True, False, 0, -1, 7, 2**31 - 1, 2**31, -2**40, 10**30, -10**30, 1.5,
          -0.0, float("inf"), 1 + 2j, "", "abc", "héllo €", "x" * 300, b"", b"\x00\xff",
          (), (1, "a"), [1, [2, [3]]], {"k": [1, 2], 3: None}, {1, 2, 3}, frozenset((4, 5)),
          Ellipsis, StopIteration]
for v in values:
    data = marshal.dumps(v)
    back = marshal.loads(data)
    print(type(back).__name__, back == v or back is v, repr(back)[:40])
# Written by CPython (with back references): a tuple sharing one str, a dict of a tuple.
for data in ["2903da0661626162616272000000005b010000007200000000",
             "7bda016ba902e901000000e7000000000000f83f30"]:
    print(marshal.loads(bytes.fromhex(data)))
for data in [b"i\x01", b"z\x05ab", b"(\x02", b"\x00", b"r\x05\x00\x00\x00"]:
    try:
        marshal.loads(data)
    except (EOFError, ValueError) as e:
        print(type(e).__name__, e)
print(marshal.version)
try:
    marshal.dumps(object())
except ValueError as e:
    print("ValueError", e)
marshal.loads(b"")
