# kiln-test: native-only
# re compiled from the interpreter's standard library, over kiln's _sre (compiler/pylib) and the
# native engine _kiln_sre: compile, match, search, fullmatch, findall, finditer, sub/subn,
# split, groups, flags, escape, reprs and errors.
import re

p = re.compile(r"(?P<word>[a-z]+)-(?P<num>\d+)")
m = p.search("xx abc-123 def-45")
print(m)
print(m.group(), m.group(0), m.group(1), m.group("num"), m.group(1, 2, "word"))
print(m.groups(), m.groupdict(), m.span(), m.span(2), m.start("num"), m.end(1))
print(m.lastindex, m.lastgroup, m.pos, m.endpos, m.re is p, m.string, m.regs)
print(m[0], m["word"], m[2])
print(p.pattern, p.flags, p.groups, sorted(p.groupindex.items()))
print(p)
print(p.findall("abc-1 de-22 f-333"))
print([x.span() for x in p.finditer("abc-1 de-22 f-333")])
print(p.sub(r"\g<num>:\1", "abc-1 de-22"))
print(p.subn(lambda m: m.group("word").upper(), "abc-1 de-22 zz", count=1))
print(re.match(r"a+", "aaab"), re.match(r"b", "ab"), re.fullmatch(r"a+", "aaa"), re.fullmatch("a+", "aab"))
print(re.search(r"\bfoo\b", "a foo b").span(), re.search("x", "abc"))
print(re.findall(r"\d+", "a1b22c333"), re.findall(r"(\w)(\d)", "a1 b2 c"), re.findall(r"(a)|b", "ab"))
print(re.split(r"[,;]\s*", "a, b;c,  d"), re.split(r"(,)", "a,b,c", maxsplit=1), re.split(r"x*", "axbc"))
print(re.split(r"\W+", "Words, words, words."), re.split(r"(\W+)", "Words, words."))
print(re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world foo bar"))
print(re.sub("a", "-", "banana", count=2), re.subn("a|n", "", "banana"), re.sub("x*", "-", "abc"))
print(re.sub(r"(?P<d>\d)", r"<\g<d>\g<0>>", "a1b2"), re.sub(r"\s+", " ", "  many   spaces\there "))
print(re.escape("a.b*c?[d]"), re.escape("hello_world 1"))
print(re.match(r"(?i)HELLO", "hello").group(), re.match("hello", "HeLLo", re.IGNORECASE).group())
print(re.findall(r"^\w+", "one\ntwo\nthree", re.M), re.findall(r"a.b", "a\nb", re.S))
print(re.match(r"""(?x) \d+  # digits
                 \s* [a-z]+ """, "12   abc").group())
print(re.findall(r"\w+", "héllo wörld ÄÖÜ"), re.findall(r"(?a)\w+", "héllo"))
print(re.match(r"(a|b)*c", "ababc").groups(), re.match(r"(a)?b", "b").groups("-"))
print(re.match(r"(a+?)(a*)", "aaaa").groups(), re.match(r"(?:ab){2,3}", "abababab").group())
print(re.search(r"(?<=-)\w+", "spam-egg").group(), re.search(r"(?<!a)b", "abcb").start())
print(re.search(r"foo(?=bar)", "foobaz foobar").start(), re.search(r"foo(?!bar)", "foobar foobaz").start())
print(re.match(r"(\w)\1", "aab"), re.match(r"(\w)\1", "aa").group())
print(re.match(r"(?P<q>['\"]).*?(?P=q)", "'hi' there").group())
print(re.match(r"(a)?(?(1)b|c)", "ab").group(), re.match(r"(a)?(?(1)b|c)", "c").group())
print(re.compile(r"\d+", re.I | re.M), re.compile(b"x+", re.I), re.compile("a", re.A))
print(re.match(b"(\\w+) (\\w+)", b"hello world").groups(), re.sub(b"o", b"0", b"foo boo"))
print(re.findall(b"[a-c]+", bytearray(b"abxcab")))
print(re.match("[^abc]+", "xyzabc").group(), re.match("[a-fA-F0-9]{2,}", "Ff09g").group())
print(re.match(r"\D\S\W", "a b"), re.match(r"\D\S\W", "aa!").group())
print(re.compile("a").match("xa", 1), re.compile("a").search("aaa", 1, 2).span())
print(bool(re.match("", "")), re.compile(r"(a)(b)?").match("a").span(2))
print(list(re.finditer(r"\d", "a1b2")), [m.group() for m in re.finditer("", "ab")])
print(re.sub(r"(\d+)", lambda m: str(int(m.group()) * 2), "1 22 333"))
print(re.match(r"(?s:.)\Z", "\n") is not None, re.search(r"\Aab", "ab").span())
print(re.purge(), re.compile("x") is re.compile("x"))
print(m.expand(r"\2/\1 \g<word>"))
print(re.match("a{3}", "aaaa").group(), re.match("a{2,}?", "aaaa").group(), re.match("a{,2}", "aaa").group())
print(re.search(r"[\u00e0-\u00ff]+", "abc àéî xyz").group())
print(re.IGNORECASE, re.I | re.M, int(re.DOTALL), re.X.value)
print(re.compile(r"(?P<first>\w+) (?P<last>\w+)").sub(r"\g<last>, \g<first>", "John Smith"))
print(re.split(r"\s+", " a b  c "), re.split(r"(?:x)", "axbxc", maxsplit=1))
print(re.findall(r"(?m)^#.*$", "#a\nb\n#c"), re.findall(r"[.]", "a.b.c"))
print(re.match(r"(?i)straße", "STRASSE"), re.match(r"(?i)[a-z]+", "ABC").group())
print(type(p).__name__, type(m).__name__, isinstance(p, re.Pattern), isinstance(m, re.Match))
for bad in ["(", "a)", "[a", "a**", "(?P<n>a)(?P<n>b)", "\\1", "(?<=a+)b", "x{2,1}"]:
    try:
        re.compile(bad)
    except re.error as e:
        print("error:", e, e.pos)
for f in [lambda: re.match("a", 1), lambda: re.match("a", b"a"), lambda: re.match(b"a", "a"),
          lambda: re.match("(a)", "a").group(2), lambda: re.match("(a)", "a").group("x"),
          lambda: re.sub("a", r"\3", "a"), lambda: re.sub("a", lambda m: 1, "a")]:
    try:
        print(f())
    except (TypeError, IndexError, re.error) as e:
        print(type(e).__name__, e)
