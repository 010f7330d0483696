# String literals, concatenation, repetition, len, indexing, escapes.
s = "hello"
t = 'world'
print(s + " " + t, s * 3, 3 * "ab", "x" * 0, "y" * -2)
print(len(s), len(""), len("a b c"), len(s + t))
print(s[0], s[1], s[4], s[-1], s[-5], t[2])
print("tab\there", "new\nline", "back\\slash", 'q"uote', "it's")
print("""triple
quoted""", '''single triple''')
print(r"raw\n", len(r"raw\n"), len("\n"))
print("\x41\x42\u0043", "\101", len("\0"))
u = ""
for ch in "abc":
    u = ch + u
print(u)
v = "-"
v += "="
v *= 4
print(v)
print("abc" < "abd", "abc" < "ab", "B" < "a", "" < "a", "Z" > "A")
print("ab" in "cabd", "x" in "abc", "" in "abc", "abc" not in "ab")
print(str(123) + str(4.5) + str(None) + str(True) + str([1]))
print(repr("a'b"), repr('a"b'), repr("a'b\"c"), repr("x\ny\t\\"))
words = "alpha" + "," + "beta"
print(words, len(words))
n = 0
for c in "mississippi":
    if c == "s":
        n += 1
print("s count", n)
print(s[len(s) - 1], "".join(["a", "b"]) * 2)
