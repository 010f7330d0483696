# str methods: startswith, endswith, replace, find, count, isdigit; the in operator.
s = "banana bandana"
print(s.startswith("ban"), s.startswith("nan"), s.startswith(""), s.endswith("ana"))
print(s.endswith("band"), "".startswith(""), "".endswith("a"))
print(s.replace("an", "AN"), s.replace("a", ""), s.replace("x", "y"))
print(s.replace("ban", "b", 1), "aaaa".replace("a", "bb"), "abc".replace("", "-"))
print(s.find("an"), s.find("band"), s.find("z"), s.find(""), s.find("a", 2))
print(s.count("an"), s.count("a"), s.count("ana"), s.count("z"), "aaaa".count("aa"))
print("abc".count(""), "".count(""), "".find("a"))
for w in ["123", "0", "", "12a", "-5", " 7", "٣"]:
    print(repr(w), w.isdigit())
print("ana" in s, "xyz" in s, "" in s, " " in s, "nab" not in s)
filename = "report_2024.txt"
if filename.endswith(".txt"):
    print("text file", filename.replace(".txt", ".bak"))
if filename.startswith("report"):
    print("report number", filename[filename.find("_") + 1:filename.find(".")])
pos = s.find("a")
positions = []
while pos != -1:
    positions.append(pos)
    pos = s.find("a", pos + 1)
print(positions)
digits = 0
for ch in "a1b22c333":
    if ch.isdigit():
        digits += int(ch)
print("digit sum", digits)
print("hello world".replace("o", "0").upper().count("0"))
