# Ends with an explicitly raised TypeError after a handled one, inside a loop.
def checked_add(a, b):
    if type(a) is not type(b):
        raise TypeError("cannot add " + repr(a) + " and " + repr(b))
    return a + b
print(checked_add(1, 2), checked_add("a", "b"), checked_add([1], [2]))
try:
    checked_add(1, "x")
except TypeError as e:
    print("handled:", e)
def describe(v):
    if isinstance(v, (int, float)):
        return "number " + str(v)
    return "other " + repr(v)
print(describe(3), describe(2.5), describe("3"))
pairs = [(1, 2), (1.5, 2.5), ("x", "y"), ((1,), (2,)), (3, "3"), (4, 4)]
for a, b in pairs:
    print("sum", checked_add(a, b))
print("never")
