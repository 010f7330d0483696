# isinstance() and issubclass() with an object that is neither a class nor a tuple ask its
# type's __instancecheck__ / __subclasscheck__ (as typing's aliases need).
class Meta(type):
    pass
class Checker:
    def __instancecheck__(self, inst):
        return isinstance(inst, int) and inst > 0
    def __subclasscheck__(self, sub):
        return sub is bool
pos = Checker()
print(isinstance(5, pos), isinstance(-1, pos), isinstance("x", (str, pos)), issubclass(bool, pos), issubclass(int, pos))
try:
    isinstance(1, 5)
except TypeError as e:
    print(e)
try:
    issubclass(int, "x")
except TypeError as e:
    print(e)
