def total(n):
    s = 0
    i = 0
    while i < n:
        s += i
        i += 1
    return s


def squares(items):
    return [x * x for x in items if x % 2]


def count(n):
    for i in range(n):
        yield i


print(total(10), squares(range(6)), list(count(3)))
