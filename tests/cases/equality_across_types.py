# == and != between values of different types.
print(1 == 1.0, 1 == True, 0 == False, 2 == True, 1.0 == True)
print("1" == 1, 1 == "1", None == 0, None == "", None == None)
print([1, 2] == [1, 2], [1, 2] == [1.0, 2.0], [1, 2] == (1, 2))
print((1, 2) == (1, 2), (1, "a") == (1, "a"), () == [], [] == [])
print({1: "a"} == {1: "a"}, {1: "a"} == {1.0: "a"}, {} == [])
print("abc" == "abc", "abc" == "ABC", "" == "", "a" != "b")
print(1 != 1.0, "x" != None, [0] != [False], (0,) != (0.0,))
print(2 ** 100 == 2.0 ** 100, 2 ** 100 + 1 == 2.0 ** 100)
print(range(3) == range(0, 3), range(0) == range(5, 5))
print([[1], [2]] == [[1], [2]], [[1], [2]] == [[1], [3]])
print({"a": [1, 2]} == {"a": [1, 2]}, {"a": (1,)} == {"a": [1]})
print(None is None == True, 1 == 1 == True)
pairs = [(0, 0.0), (1, True), ("", None), (0, None), ([], ()), (1.5, 1.5)]
for p in pairs:
    print(repr(p[0]), repr(p[1]), p[0] == p[1], p[0] != p[1])
def same(a, b):
    return a == b
print(same(3, 3.0), same("3", 3), same(-0.0, 0))
