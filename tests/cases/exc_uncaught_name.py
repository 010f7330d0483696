# Ends with an uncaught NameError for a name that is never defined.
def compute(a, b):
    return a * b + 1
values = [1, 2, 3, 4]
results = []
for v in values:
    results.append(compute(v, v))
print(results)
try:
    print(missing_thing)
except NameError as e:
    print("handled:", e)
def uses_global():
    return zzqx_undefined_value + 1
try:
    uses_global()
except NameError as e:
    print("handled in function:", e)
total = 0
for r in results:
    total += r
print("total", total)
print(uses_global())
print("never")
