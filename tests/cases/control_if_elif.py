# if / elif / else chains, nested conditions, conditional expressions, pass.
def classify(n):
    if n < 0:
        kind = "negative"
    elif n == 0:
        kind = "zero"
    elif n < 10:
        kind = "small"
    elif n < 100:
        kind = "medium"
    else:
        kind = "large"
    return kind
for n in [-7, 0, 3, 42, 1000]:
    print(n, classify(n))
def fizzbuzz(n):
    if n % 15 == 0:
        return "FizzBuzz"
    elif n % 3 == 0:
        return "Fizz"
    elif n % 5 == 0:
        return "Buzz"
    else:
        return str(n)
out = []
for i in range(1, 21):
    out.append(fizzbuzz(i))
print(" ".join(out))
def grade(score):
    if score >= 90:
        if score >= 97:
            return "A+"
        return "A"
    else:
        if score >= 80:
            return "B"
        elif score >= 70:
            return "C"
    return "F"
print(grade(99), grade(91), grade(85), grade(72), grade(10))
x = 5
y = "big" if x > 3 else "small"
z = "even" if x % 2 == 0 else "odd" if x > 0 else "neg"
print(y, z)
if x:
    pass
else:
    print("unreachable")
if not x:
    print("unreachable")
elif x == 5:
    print("five")
if [] or {} or "" or 0:
    print("no")
else:
    print("all falsy")
a, b = 3, 4
if a < b and b < 10 or a == 0:
    print("combined")
