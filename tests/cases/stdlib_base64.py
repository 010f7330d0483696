# kiln-test: native-only
# base64 compiled from the standard library over kiln's binascii.
import base64

for data in [b"", b"k", b"ki", b"kil", b"kiln", bytes(range(256))[::17]]:
    e = base64.b64encode(data)
    print(e, base64.b64decode(e) == data, base64.b32encode(data), base64.b16encode(data))
print(base64.urlsafe_b64encode(b"\xff\xfe\xfd"), base64.urlsafe_b64decode(b"__79"), base64.standard_b64encode(b"x"))
print(base64.b64decode("a2lsbg=="), base64.b64decode(b"a2l sbg==\n"), base64.b64encode(b"\xff\xff", altchars=b"-_"))
print(base64.b32decode(b"NNUWY3Q="), base64.b16decode(b"6B696C6E"), base64.b16decode(b"6b696c6e", casefold=True))
print(base64.encodebytes(b"x" * 60), base64.decodebytes(b"eHh4\n"))
print(base64.a85encode(b"kiln compiles"), base64.a85decode(base64.a85encode(b"kiln compiles")))
print(base64.b85encode(b"kiln"), base64.b85decode(base64.b85encode(b"kiln")))
for bad in [lambda: base64.b64decode(b"a2lsbg="), lambda: base64.b64decode(b"a2l!", validate=True),
            lambda: base64.b16decode(b"zz"), lambda: base64.b32decode(b"A")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
