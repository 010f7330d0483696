# Substring search (count, find, rfind, index, in, split with a separator and maxsplit) on
# ASCII and non-ASCII text with overlapping candidates, and int format specs around 2**64.
text = "aaa|b||é|ßé|aaaa|" * 3 + "😀aa😀"
for sub in ["a", "aa", "aaa", "|", "||", "é", "ßé", "😀", "😀a", "", "x", "a|b"]:
    print(repr(sub), text.count(sub), text.find(sub), text.rfind(sub), sub in text,
          text.count(sub, 3, 20), text.find(sub, 5), text.rfind(sub, 0, 9))
print(text.split("|"), text.split("||"), text.split("a", 3), text.split("aa"))
print(text.rsplit("|", 2), "".split("|"), "|".split("|"), "abc".split("abc"))
print("é|é".index("|"), "ααβα".count("α"), "ααβα".find("β"), "x".split("x", 0))
for v in [0, 7, -7, 255, 2**63 - 1, 2**63, 2**64 - 1, 2**64, -2**64, 10**30]:
    print(f"{v:d} {v:x} {v:X} {v:#o} {v:b} {v:,} {v:_x} {v:+012d} {v:>30,}")
print("%d %x %o %X" % (2**64 - 1, 2**64 - 1, 255, -255))
