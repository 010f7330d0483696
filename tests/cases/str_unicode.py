# Non-ASCII strings: length counts code points, indexing and slicing by code point.
a = "café"
b = "über"
c = "日本語"
d = "😀👍"
print(a, b, c, d)
print(len(a), len(b), len(c), len(d), len("naïve façade"))
print(a[3], a[-1], b[0], c[1], d[0], d[-1])
print(a[::-1], c[::-1], d[::-1])
print(c[0:2], c[1:], a[2:4])
print(a + c + d, c * 2)
print(a.upper(), b.upper(), "ÄÖÜ".lower(), "straße".upper())
print(repr(a), repr(c), repr(d), str(c))
print("é" in a, "語" in c, "x" in c, "本語" in c)
print(c.find("語"), a.find("é"), "日本語日本".count("日本"))
print("é" < "z", "a" < "é", "日" > "本", "😀" > "日")
for ch in "añ日😀":
    print(ch, len(ch))
mixed = "Grüße, 世界! 🎉"
print(mixed, len(mixed))
print(mixed.split(" "), mixed.replace("世界", "world"))
print(mixed.startswith("Grü"), mixed.endswith("🎉"))
print(" ".join([a, b, c, d]))
print("\u00e9" == "é", "\U0001F600" == "😀", len("\u00e9"))
print(f"{a}-{c}-{d!r}")
print([a, c], (d,), {c: a})
s = ""
for w in [c, d, a]:
    s = s + w[0]
print(s, len(s))
