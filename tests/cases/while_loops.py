# while loops with break, continue and else; nested while loops.
i = 0
while i < 5:
    print("i =", i)
    i += 1
n = 27
steps = 0
while n != 1:
    if n % 2 == 0:
        n //= 2
    else:
        n = 3 * n + 1
    steps += 1
print("collatz steps", steps)
k = 0
while True:
    k += 1
    if k % 2 == 0:
        continue
    if k > 9:
        break
    print("odd", k)
def find(xs, target):
    idx = 0
    while idx < len(xs):
        if xs[idx] == target:
            print("found", target, "at", idx)
            break
        idx += 1
    else:
        print(target, "not found")
find([4, 8, 15, 16], 15)
find([4, 8, 15, 16], 23)
m = 0
while m < 0:
    print("never")
else:
    print("else runs when condition is false at start")
row = 1
while row <= 4:
    col = 1
    line = ""
    while col <= row:
        line += str(row * col) + " "
        col += 1
    print(line.strip())
    row += 1
total = 0
a = 10
while a:
    a -= 1
    if a == 5:
        continue
    total += a
print("total", total)
x = 100
while x > 1:
    x = x // 3
print("x", x)
