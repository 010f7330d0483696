# Exceptions propagating through several function calls and loops.
def level3(x):
    print("level3", x)
    if x > 2:
        raise ValueError("too big: " + str(x))
    return x * 10
def level2(x):
    print("level2", x)
    r = level3(x + 1)
    print("level2 got", r)
    return r + 1
def level1(x):
    print("level1", x)
    return level2(x + 1) + 1
for start in [0, 1, 5]:
    try:
        print("result", level1(start))
    except ValueError as e:
        print("caught at top:", e)
def lookup(d, keys):
    out = []
    for k in keys:
        out.append(d[k])
    return out
def safe_lookup(d, keys):
    try:
        return lookup(d, keys)
    except KeyError as e:
        print("missing key", e)
        return None
print(safe_lookup({"a": 1, "b": 2}, ["a", "b"]))
print(safe_lookup({"a": 1}, ["a", "zz", "b"]))
def divide_all(xs, d):
    res = []
    for x in xs:
        res.append(x // d)
    return res
def process(batches):
    total = 0
    for b in batches:
        try:
            total += sum(divide_all(b[0], b[1]))
        except ZeroDivisionError as e:
            print("skip batch", b, e)
    return total
print(process([([10, 20], 5), ([1], 0), ([9, 9], 3)]))
def recurse(n):
    if n == 0:
        raise IndexError("bottom reached")
    return recurse(n - 1)
try:
    recurse(50)
except IndexError as e:
    print("from the bottom:", e)
