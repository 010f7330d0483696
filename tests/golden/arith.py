def power(a, b):
    return a ** b


def mix(x, y):
    z = x * 2 + y
    return -z if z > 10 else z


print(power(2, 3), mix(4, 5))
