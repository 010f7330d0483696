# kiln-test: native-only
# struct: formats, byte orders, sizes and alignment, Struct objects, the error messages.
import struct

for fmt in ["i", "<i", ">h", "@bhq", "=bhq", "!I", "3s", "10p", "?", "e", "f", "d", "q", "Q",
            "P", "n", "2i 3h", "cbB", "<qQ", "x", "4x", "bi", "<bi", "ll", "=ll", "0s", "hi"]:
    print(fmt, struct.calcsize(fmt))
print(struct.pack("<i", 1), struct.pack(">i", 1), struct.pack("<h", -2), struct.pack(">H", 65535))
print(struct.pack("<q", -1), struct.pack(">Q", 2**64 - 1), struct.pack("bhq", 1, 2, 3))
print(struct.pack("<f", 1.5), struct.pack(">d", -0.1), struct.pack("<e", 65504.0), struct.pack("<e", 0.1))
print(struct.pack("<e", 1e-7), struct.pack("<e", float("inf")), struct.pack(">e", -2.5))
print(struct.pack("5s", b"ab"), struct.pack("2s", b"abcdef"), struct.pack("4p", b"abcdef"))
print(struct.pack("c?x?", b"z", 5, []), struct.pack("<3h", 1, 2, 3))
print(struct.unpack("<i", b"\x01\x00\x00\x00"), struct.unpack(">hH", b"\xff\xfe\xff\xfe"))
print(struct.unpack("<e", b"\x00\x3c"), struct.unpack("<f", struct.pack("<f", 0.1)))
print(struct.unpack("<d", struct.pack("<d", 3.14)), struct.unpack("4p", b"\x02abc"))
print(struct.unpack("5s?c", b"hello\x01!"), struct.unpack("<qQ", struct.pack("<qQ", -5, 5)))
print(struct.unpack_from("<h", b"\x00\x01\x02\x03", 1), struct.unpack_from("<h", b"\x00\x01\x02\x03", offset=2))
print(list(struct.iter_unpack("<h", b"\x01\x00\x02\x00\x03\x00")))
print(struct.unpack("<i", bytearray(b"\x05\x00\x00\x00")), struct.unpack("<i", memoryview(b"\x06\x00\x00\x00")))
buf = bytearray(8)
struct.pack_into("<hh", buf, 2, 7, 8)
print(buf)
s = struct.Struct("<ihb")
print(s.format, s.size, s.pack(1, 2, 3), s.unpack(s.pack(-1, -2, -3)))
print(s.unpack_from(b"\x00" + s.pack(9, 9, 9), 1), list(s.iter_unpack(s.pack(1, 2, 3) * 2)))
print(struct.Struct(b">H").format, struct.pack(">I", True))
class Idx:
    def __index__(self):
        return 42
print(struct.pack("<b", Idx()))

for fmt, args in [("<b", (128,)), ("<B", (-1,)), ("<h", (40000,)), ("<H", (-1,)), ("<i", (2**31,)),
                  ("<I", (-1,)), ("b", (200,)), ("B", (256,)), ("h", (2**15,)), ("H", (2**16,)),
                  ("i", ("x",)), ("<i", (1.5,)), ("<f", ("x",)), ("3s", ("abc",)), ("c", (b"ab",)),
                  ("<ii", (1,)), ("<i", (1, 2)), ("y", (1,)), ("<n", (1,)), ("<f", (1e300,)),
                  ("<e", (1e6,)), ("2", ())]:
    try:
        struct.pack(fmt, *args)
    except (struct.error, OverflowError, TypeError) as e:
        print(fmt, type(e).__name__, e)
for fmt, data in [("<i", b"abc"), ("<h", b"abc"), ("<hh", b"ab")]:
    try:
        struct.unpack(fmt, data)
    except struct.error as e:
        print(fmt, e)
try:
    struct.unpack_from("<i", b"abcdef", 4)
except struct.error as e:
    print(e)
try:
    list(struct.iter_unpack("<i", b"abcdef"))
except struct.error as e:
    print(e)
try:
    struct.pack_into("<i", bytearray(5), 3, 1)
except struct.error as e:
    print(e)
print(struct.error.__module__, issubclass(struct.error, Exception))
import struct
for fmt, v in [("<I", 2**32), ("I", -1), ("I", 2**32), ("<q", 2**63), ("q", 2**63), ("<Q", -1), ("Q", 2**64), ("<Q", 2**64), ("l", 2**63), ("<l", 2**31), ("<L", 2**32), ("<L", -1), ("i", 2**31), ("<i", 2**40), ("n", 2**63), ("N", -1)]:
    try: struct.pack(fmt, v)
    except struct.error as e: print(fmt, v, e)
