def power(a, b):
    return a ** b


x = power(2, 3)
for i in range(2):
    x -= i
print(x)
