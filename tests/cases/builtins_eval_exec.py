# Source text run at run time: eval, exec and compile over kiln's run-time evaluator (expressions,
# functions with defaults and closures, comprehensions, f-strings, try, with, imports).
print(eval("1 + 2 * 3"))
x = 10
print(eval("x * 2 + len('abc')"))
g = {"a": 5}
exec("b = a + 1\ndef f(n, *, k=2):\n    return n * k + b\nprint(f(3), f(1, k=10))", g)
print(g["b"], g["f"].__name__, g["f"](2))
src = '''
def outer(v):
    def inner(w=3):
        nonlocal v
        v += w
        return v
    return inner
c = outer(1)
print(c(), c(10), [i * i for i in range(5) if i % 2], {k: v for k, v in zip("ab", (1, 2))})
t = (1, 2, 3)
a, *rest = t
print(a, rest, f"{a!r:>4}|{rest}|{3.14159:.2f}", t[1:], sum(x for x in t))
for i in range(3):
    if i == 1:
        continue
    print("loop", i)
else:
    print("done")
try:
    1 / 0
except ZeroDivisionError as e:
    print("caught", e)
finally:
    print("finally")
class_ = lambda q, r=2: q ** r
print(class_(3), class_(2, 3))
with open(__file__ if False else "/dev/null") as fh:
    print(fh.read() == "")
import math
from math import floor as p
print(math.sqrt(16), p(2.5))
assert 1 == 1, "no"
'''
exec(src)
try:
    eval("undefined_name")
except NameError as e:
    print(e)
def h():
    y = 7
    return eval("y + 1", {}, {"y": y})
print(h())
co = compile("3 + 4", "<x>", "eval")
print(eval(co))
try:
    exec("def f(:\n  pass")
except SyntaxError as e:
    print("SyntaxError", e.msg if hasattr(e, "msg") else e)
try:
    g["f"]()
except TypeError as e:
    print(e)
exec("raise ValueError('from exec')")
