# Generators: iteration, send, return values, generator expressions, infinite generators.
def squares(n):
    for i in range(n):
        x = yield i * i
        if x:
            print("got", x)
    return "done"


print(list(squares(5)))
g = squares(3)
print(next(g), g.send("hi"), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
print(next(g, "default"))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


f = fib()
print([next(f) for _ in range(12)])
print(sum(x for x in range(100) if x % 3 == 0))
print(max(len(w) for w in "the quick brown fox".split()))
print(list(zip(squares(4), "abcd")))
gen = (c.upper() for c in "kiln")
print(next(gen), list(gen))


def countdown(n):
    while n > 0:
        yield n
        n -= 1


for v in countdown(3):
    print("tick", v)
print(dict(enumerate(countdown(4))))
