# str methods: join, split, strip, upper, lower.
print(",".join(["a", "b", "c"]), "".join(["x", "y"]), "-".join([]), " ".join(["solo"]))
print("+".join("abc"), ", ".join(("one", "two")))
print("a b  c\td\ne".split())
print("a,b,,c".split(","), "a b  c".split(" "), "".split(), "".split(","))
print("  lead and trail  ".split(), "one".split(","), "x--y--z".split("--"))
print("k=v=w".split("="), ",a,".split(","))
print(repr("  padded  ".strip()), repr("\t\n x \n".strip()), repr("".strip()))
print(repr("xxhixx".strip("x")), repr("abcba".strip("ab")), repr("   ".strip()))
print("Hello World".upper(), "Hello World".lower(), "123abc".upper(), "MiXeD".lower())
line = "  name: Ada Lovelace ; born: 1815 ; field: math  "
parts = line.strip().split(";")
for p in parts:
    kv = p.split(":")
    print(repr(kv[0].strip()), repr(kv[1].strip()))
csv = "3,1,4,1,5,9,2,6"
nums = []
for tok in csv.split(","):
    nums.append(int(tok))
print(nums, sum(nums))
print("-".join(csv.split(",")))
text = "The quick brown fox jumps over the lazy dog"
words = text.lower().split()
print(len(words), words[0], words[-1])
caps = []
for w in words:
    caps.append(w.upper())
print(" ".join(caps))
print("|".join(["", "", ""]), "ab".join(["1", "2", "3"]))
