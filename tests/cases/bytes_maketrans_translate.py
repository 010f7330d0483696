# bytes.maketrans and bytes/bytearray.translate (base64 builds its tables with them).
t = bytes.maketrans(b"+/", b"-_")
print(len(t), t[43], b"a+b/c".translate(t), bytearray(b"a+b").translate(t), b"hello".translate(None, b"l"))
print(b"abc".translate(t, delete=b"b"), bytearray.maketrans(b"a", b"z")[97])
for f in [lambda: bytes.maketrans(b"ab", b"c"), lambda: b"x".translate(b"short"), lambda: bytes.maketrans("a", "b")]:
    try: f()
    except (ValueError, TypeError) as e: print(type(e).__name__, e)
