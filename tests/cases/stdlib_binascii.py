# kiln-test: native-only
# binascii: hex, base64, CRCs and their errors.
import binascii

data = bytes(range(0, 256, 7))
print(binascii.hexlify(b"\x00\xffkiln"), binascii.b2a_hex(data))
print(binascii.hexlify(b"\x01\x02\x03\x04\x05", "-"), binascii.hexlify(b"\x01\x02\x03\x04\x05", b":", 2))
print(binascii.hexlify(b"\x01\x02\x03\x04\x05", "_", -2), b"abc".hex(), bytes.fromhex("6b696c6e"))
print(binascii.unhexlify(b"6b696c6e"), binascii.a2b_hex("DEADbeef"), binascii.unhexlify(bytearray(b"00")))
for text in [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", data]:
    enc = binascii.b2a_base64(text)
    print(enc, binascii.a2b_base64(enc) == text)
print(binascii.b2a_base64(b"kiln", newline=False), binascii.a2b_base64("a2lsbg=="))
print(binascii.a2b_base64(b"a2l\nsbg==\n"), binascii.a2b_base64(b"a2lsbg==garbage"), binascii.a2b_base64(b"a2lsbg"
      b"==="))
print(binascii.crc32(b""), binascii.crc32(b"hello world"), binascii.crc32(b"world", binascii.crc32(b"hello ")))
print(binascii.crc32(data), binascii.crc32(b"x", 12345), binascii.crc_hqx(b"hello", 0), binascii.crc_hqx(data, 0xffff))
for f, arg in [(binascii.unhexlify, b"abc"), (binascii.unhexlify, b"zz"), (binascii.a2b_base64, b"a2lsbg="),
               (binascii.a2b_base64, b"a2lsb"), (binascii.a2b_base64, b"a"), (binascii.unhexlify, "é"),
               (binascii.hexlify, "str"), (binascii.crc32, "str")]:
    try:
        f(arg)
    except (binascii.Error, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(issubclass(binascii.Error, ValueError), binascii.Error.__module__, binascii.Incomplete.__name__)
try:
    raise binascii.Error("mine")
except ValueError as e:
    print(repr(e))
