# Ends with an exception raised inside an except block (chained traceback).
import sys
def risky(n):
    return 100 // n
results = []
for n in [5, 4, 0, 2]:
    try:
        results.append(risky(n))
    except ZeroDivisionError:
        results.append(None)
print(results)
print("stderr note", file=sys.stderr)
try:
    risky(0)
except ZeroDivisionError as e:
    print("converting", e)
    raise ValueError("could not compute risky(0)")
print("never")
