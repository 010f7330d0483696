# Ends with an uncaught ZeroDivisionError raised by the runtime.
def average(xs):
    total = 0
    for x in xs:
        total += x
    return total // len(xs)
data = [[4, 8, 6], [10, 20], [7]]
for d in data:
    print("average of", d, "is", average(d))
try:
    average([])
except ZeroDivisionError as e:
    print("handled once:", e)
counts = {"a": 3, "b": 0}
for key in counts:
    print(key, counts[key])
print("about to fail")
ratio = 10 / counts["b"]
print("never printed", ratio)
for i in range(3):
    print("unreachable", i)
x = 1
y = 2
z = x + y
print(z)
