# and / or / not: short-circuit evaluation and the values they return.
def t(name):
    print("eval", name)
    return True
def f(name):
    print("eval", name)
    return False
print(t("a") and t("b"))
print(f("c") and t("d"))
print(t("e") or t("f"))
print(f("g") or f("h"))
print(not t("i"), not f("j"))
print(t("k") and f("l") or t("m"))
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or 0, "" and "x")
print([] or [1], [1] and [], 0.0 or -1.5, "a" or "b")
print(not 0, not 1, not "", not "s", not None, not [], not [0])
x = 5
print(x > 3 and x < 10, x < 3 or x > 4, not (x == 5))
print(x is None, x is not None, None is not None)
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
result = x > 0 and "positive" or "non-positive"
print(result)
y = 0
name = y and "nonzero" or "zero"
print(name)
flags = [True, False, True, True]
all_true = True
any_true = False
for fl in flags:
    all_true = all_true and fl
    any_true = any_true or fl
print(all_true, any_true)
print(True and 3, False or 3.5, True and None)
