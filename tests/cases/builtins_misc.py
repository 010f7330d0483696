# isinstance, sum, enumerate, zip, reversed, bool, list, tuple, dict, repr, type() is.
print(isinstance(1, int), isinstance(True, int), isinstance(1.0, int), isinstance("s", str))
print(isinstance([], list), isinstance((), tuple), isinstance({}, dict), isinstance(None, int))
print(isinstance(2.5, float), isinstance(1, (str, int)), isinstance("x", (list, tuple)))
print(type(1) is int, type(True) is int, type(True) is bool, type(1.0) is float)
print(type("") is str, type([]) is list, type(()) is tuple, type({}) is dict)
print(type(2 ** 100) is int, type(None) is type(None), type(3 / 1) is float)
print(sum([1, 2, 3]), sum(range(10)), sum([0.5, 0.25]), sum([]), sum([1, 2], 10))
for i, v in enumerate(["a", "b", "c"]):
    print(i, v)
for i, v in enumerate("xy", 1):
    print(i, v)
print(list(enumerate([10, 20])), list(zip([1, 2, 3], ["a", "b"])), list(zip()))
print(list(zip("ab", (1, 2), [True, False])))
print(list(reversed([1, 2, 3])), list(reversed("abc")), tuple(reversed((1, 2))))
for x in reversed(range(3)):
    print("rev", x)
print(bool(0), bool(1), bool([]), bool([0]), bool(""), bool("0"), bool(None))
print(list((1, 2)), list({"a": 1, "b": 2}), tuple([3, 4]), tuple({"k": 0}))
print(dict([("a", 1)]), dict({"b": 2}), dict(zip("cd", [3, 4])), dict())
print(repr(1), repr(1.5), repr("hi"), repr([1, "a"]), repr(None), repr(True))
print(repr((1,)), repr({"a": [1, (2,)]}), repr(""), repr("é\n"))
def kind(v):
    if type(v) is bool:
        return "bool"
    if type(v) is int:
        return "int"
    if isinstance(v, float):
        return "float"
    if isinstance(v, str):
        return "str"
    return "other"
for v in [True, 3, 2.0, "x", [], None]:
    print(repr(v), kind(v))
names = ["ann", "ben"]
ages = [31, 27]
book = {}
for name, age in zip(names, ages):
    book[name] = age
print(book, len(book), sum(book.values()))
print(len("abc"), abs(-1), max(1, 2), min("b", "a"))
