# sorted, reversed, sum, min, max over lists, and list() constructors.
data = [23, 5, 42, 8, 16, 4, 15]
print(sorted(data), data)
print(list(reversed(data)), sum(data), min(data), max(data))
print(sorted(["b", "A", "c", "a"]), sorted([2.5, 1, -3.25]))
print(list(range(0)), list(range(3)), list(range(1, 10, 4)), list(range(5, 0, -1)))
print(list("hi!"), list(()), list([1, 2]), list(reversed("abc")))
evens = []
odds = []
for x in data:
    if x % 2 == 0:
        evens.append(x)
    else:
        odds.append(x)
print(evens, odds, evens + odds)
merged = sorted(evens + odds)
print(merged == sorted(data))
def median(xs):
    s = sorted(xs)
    n = len(s)
    if n % 2 == 1:
        return s[n // 2]
    return (s[n // 2 - 1] + s[n // 2]) / 2
print(median(data), median([1, 2, 3, 4]))
counts = [0] * 5
for x in [1, 3, 3, 0, 4, 4, 4, 1]:
    counts[x] += 1
print(counts)
acc = []
for i in reversed(range(4)):
    acc.append(i * 10)
print(acc)
print(sum([]), sum([1.5, 2.5]), sum(range(101)), sum([[1], [2]], []))
uniq = []
for x in [3, 1, 3, 2, 1, 5]:
    if x not in uniq:
        uniq.append(x)
print(uniq)
print([1, 2] + [3], [0] * 3 + [1] * 2)
