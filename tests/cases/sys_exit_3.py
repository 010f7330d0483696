# Ends with sys.exit(3) after printing; stdout must be flushed, status 3.
import sys
def summarize(xs):
    return min(xs), max(xs), sum(xs)
data = [4, 1, 7, 3]
lo, hi, total = summarize(data)
print("min", lo, "max", hi, "total", total)
errors = 0
for x in data:
    if x > 5:
        print("value too large:", x)
        errors += 1
print("errors:", errors)
if errors:
    print("exiting with status 3")
    sys.exit(3)
print("never")
x = 1
y = 2
print(x + y)
