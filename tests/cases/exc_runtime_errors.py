# Exceptions raised by the runtime itself, caught, with their messages printed.
try:
    print(1 / 0)
except ZeroDivisionError as e:
    print("1/0:", e)
try:
    print(5 // 0)
except ZeroDivisionError as e:
    print("5//0:", e)
try:
    print(5 % 0)
except ZeroDivisionError as e:
    print("5%0:", e)
try:
    print(1.5 / 0)
except ZeroDivisionError as e:
    print("1.5/0:", e)
try:
    print([][1])
except IndexError as e:
    print("[][1]:", e)
try:
    print("abc"[10])
except IndexError as e:
    print("str index:", e)
try:
    print((1, 2)[5])
except IndexError as e:
    print("tuple index:", e)
try:
    print({}["k"])
except KeyError as e:
    print("{}['k']:", e, e.args)
try:
    print({1: 2}[3])
except KeyError as e:
    print("int key:", e)
try:
    print(int("x"))
except ValueError as e:
    print("int('x'):", e)
try:
    print(int("12.5"))
except ValueError as e:
    print("int('12.5'):", e)
try:
    print(float("abc"))
except ValueError as e:
    print("float('abc'):", e)
try:
    print(undefined_name_here)
except NameError as e:
    print("name:", e)
try:
    [].pop()
except IndexError as e:
    print("pop:", e)
try:
    [1, 2, 3].index(9)
except ValueError as e:
    print("index:", e)
try:
    lst = [1, 2]
    lst[2] = 0
except IndexError as e:
    print("assign:", e)
try:
    d = {"a": 1}
    del d["b"]
except KeyError as e:
    print("del:", e)
try:
    {"a": 1}.pop("zz")
except KeyError as e:
    print("dict pop:", e)
print("end")
