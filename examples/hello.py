# A small program kiln compiles into a native executable: functions, big integers, floats,
# containers, exceptions and f-strings, with no Python installed at run time.
import sys


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def describe(values):
    total = sum(values)
    return f"{len(values)} values, total {total}, mean {total / len(values)}"


print("hello from kiln")
print("fib(90) =", fib(90))
print("2**100 =", 2**100)
print(describe([3, 1, 4, 1, 5, 9, 2, 6]))
counts = {}
for word in "the quick brown fox jumps over the lazy dog the end".split():
    counts[word] = counts.get(word, 0) + 1
print(sorted(counts.items())[:3])
try:
    print(1 / 0)
except ZeroDivisionError as e:
    print("caught:", e)
print("args:", sys.argv[1:])
