# Truthiness of every basic type, plus bool() and None.
values = [0, 1, -1, 2 ** 100, 0.0, -0.0, 0.5, "", "a", " ", "0", [], [0], [[]],
          (), (0,), {}, {0: 0}, None, True, False, range(0), range(3)]
for v in values:
    if v:
        print(repr(v), "is truthy", bool(v))
    else:
        print(repr(v), "is falsy", bool(v))
print(bool(), bool(None), bool(0), bool(3.0), bool("x"))
print(True + True, True * 10, False - 1, True / 2, -True)
print(True == 1, False == 0, True is True, None is None, None == False)
print(str(True), str(False), str(None), repr(None))
print(type(True) is bool, isinstance(True, int), isinstance(None, int))
def nothing():
    pass
r = nothing()
print(r, r is None, r is not None)
x = None
if not x:
    print("None is falsy")
if x is None:
    print("x is None")
count = 0
for v in values:
    if not v:
        count += 1
print("falsy count", count)
print([1, 2] and "yes", [] or "empty", 0 or None or "last")
