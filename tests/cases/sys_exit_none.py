# Ends with sys.exit() without an argument (status 0) from inside a loop.
import sys
seen = []
for word in "alpha beta stop gamma".split():
    if word == "stop":
        print("stop word found after", seen)
        sys.exit()
    seen.append(word)
    print("word", word)
print("never")
x = 1
y = x + 1
z = y + 1
print(z)
w = z * 2
print(w)
v = w * 2
print(v)
