# Dict literals, item access, assignment, deletion, membership, len, insertion order.
d = {"one": 1, "two": 2, "three": 3}
print(d, len(d))
print(d["one"], d["three"])
d["four"] = 4
d["two"] = 22
print(d)
del d["one"]
print(d, "one" in d, "two" in d, "five" not in d)
d["one"] = 1
print(list(d), len(d))
e = {}
print(e, len(e), bool(e))
e[3] = "three"
e[1] = "one"
e[2] = "two"
for k in e:
    print(k, e[k])
counts = {}
for ch in "mississippi":
    if ch in counts:
        counts[ch] += 1
    else:
        counts[ch] = 1
print(counts)
words = "the cat and the hat and the bat".split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(freq)
mixed = {1: "int", "1": "str", 1.5: "float", (1,): "tuple", None: "none", True: "bool"}
print(mixed)
print(mixed[1], mixed["1"], mixed[(1,)], mixed[None], mixed[1.0])
sq = {}
for i in range(6):
    sq[i] = i * i
print(sq)
del sq[0]
del sq[5]
sq[0] = "zero"
print(sq)
print({"a": 1} == {"a": 1}, {"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} == {"a": 1.0})
print({1: 2} != {1: 3}, {} == {}, str({"k": "v"}), repr({"q'": None}))
big = {2 ** 80: "huge", -1: "neg"}
print(big[2 ** 80], big[-1], 2 ** 80 in big)
