# String comparisons, iteration, and str() of many kinds of values.
words = ["pear", "Apple", "apple", "banana", "", "apricot", "Zebra", "a"]
for w in words:
    print(repr(w), w < "b", w == "apple", w >= "apple")
print(sorted(words))
print(min(words), max(words))
print("abc" < "abcd", "abcd" < "abd", "a" * 3 == "aaa", "10" < "9")
vowels = 0
consonants = 0
for ch in "Programming Language":
    if ch in "aeiouAEIOU":
        vowels += 1
    elif ch != " ":
        consonants += 1
print(vowels, consonants)
chars = list("hello")
print(chars, len(chars))
for i, ch in enumerate("abc"):
    print(i, ch)
print(str(42), str(-3.5), str(None), str(False), str([1, "a", None]))
print(str((1,)), str(()), str({"k": [1, 2]}), str("s"), str(range(2, 9, 3)))
print(repr(42), repr("s"), repr([1, "a"]), repr((1, "b")), repr({"k": "v"}))
print(str(2 ** 70), str(1e-10), str(-0.0), str([[]]), str([1.5, True]))
rev = ""
for ch in "stressed":
    rev = ch + rev
print(rev)
total = 0
for ch in "0123456789":
    total = total * 10 + int(ch)
print(total, str(total) == "123456789")
