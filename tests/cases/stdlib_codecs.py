# kiln-test: native-only
# codecs over kiln's _codecs: lookup, encode/decode, incremental codecs, error handlers.
import codecs

for name in ["utf-8", "UTF8", "latin-1", "iso-8859-1", "ascii", "US-ASCII", "utf_8"]:
    info = codecs.lookup(name)
    print(name, info.name, type(info).__name__)
print(codecs.encode("héllo", "utf-8"), codecs.decode(b"h\xc3\xa9llo", "utf-8"))
print(codecs.encode("héllo", "latin-1"), codecs.decode(b"h\xe9llo", "latin-1"))
print(codecs.encode("hi", "ascii"), codecs.decode(b"hi"), codecs.encode("é", "ascii", "replace"))
print(codecs.utf_8_encode("né"), codecs.utf_8_decode(b"n\xc3\xa9"), codecs.latin_1_decode(b"\xff"))
print(codecs.utf_8_decode(b"ab\xc3", "strict", False), codecs.ascii_encode("x"))
enc = codecs.getencoder("utf-8")
dec = codecs.getdecoder("utf-8")
print(enc("ü"), dec(b"\xc3\xbc"))
d = codecs.getincrementaldecoder("utf-8")()
print([d.decode(bytes([b])) for b in "é€".encode("utf-8")], d.decode(b"", final=True))
e = codecs.getincrementalencoder("latin-1")()
print(e.encode("ab"), e.encode("é", final=True))
print(list(codecs.iterdecode([b"a\xc3", b"\xa9b"], "utf-8")))
for bad in [lambda: codecs.lookup("no-such-codec"), lambda: codecs.encode("é", "ascii"),
            lambda: codecs.decode(b"\xff", "utf-8"), lambda: codecs.lookup_error("nope")]:
    try:
        bad()
    except (LookupError, UnicodeError) as ex:
        print(type(ex).__name__, ex)
print(codecs.lookup_error("strict") is codecs.strict_errors, codecs.BOM_UTF8)
print(codecs.ignore_errors(UnicodeEncodeError("ascii", "aéb", 1, 2, "x")))
print(codecs.replace_errors(UnicodeEncodeError("ascii", "aéb", 1, 2, "x")))
print(codecs.backslashreplace_errors(UnicodeEncodeError("ascii", "aéb", 1, 2, "x")))
print(codecs.xmlcharrefreplace_errors(UnicodeEncodeError("ascii", "aéb", 1, 2, "x")))

def search(name):
    if name == "kiln_rot":
        return codecs.CodecInfo(lambda s, errors="strict": (s[::-1].encode(), len(s)),
                                lambda b, errors="strict": (bytes(b).decode()[::-1], len(b)),
                                name="kiln_rot")
    return None
codecs.register(search)
print(codecs.encode("abc", "kiln_rot"), codecs.decode(b"abc", "kiln_rot"), codecs.lookup("kiln_rot").name)
