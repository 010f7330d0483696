# String slicing with steps, negative indices and out-of-range bounds.
s = "abcdefghij"
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-1], s[8:2:-3])
print(s[-1:-4:-1], s[-4:-1], s[5:100], s[100:], s[-100:3])
print(repr(s[5:2]), repr(s[3:3]), repr(s[10:]), repr(s[-1:0]))
print(s[1:9:3], s[::3], s[::-3], s[9::-4], s[:0:-1])
print(s[0:len(s):1] == s, s[::-1][::-1] == s)
start = 0
chunks = []
while start < len(s):
    chunks.append(s[start:start + 3])
    start += 3
print(chunks)
i = -1
while i >= -len(s):
    print(s[i], end="")
    i -= 2
print()
word = "racecar"
print(word == word[::-1], "python" == "python"[::-1])
t = "0123456789"
for step in [1, 2, 3, -1, -2, -4]:
    print(step, t[::step])
print(t[2:-2], t[-8:8], t[-2:2:-1])
