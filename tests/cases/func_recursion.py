# Recursive functions: fib, factorial, ackermann, hanoi, gcd, mutual recursion, deep recursion.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)
def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))
moves = []
def hanoi(n, src, dst, via):
    if n == 0:
        return 0
    count = hanoi(n - 1, src, via, dst)
    moves.append((src, dst))
    return count + 1 + hanoi(n - 1, via, dst, src)
def gcd(a, b):
    if b == 0:
        return a
    return gcd(b, a % b)
def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)
def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)
def digits_sum(n):
    if n < 10:
        return n
    return n % 10 + digits_sum(n // 10)
print(fib(20))
for i in range(12):
    print(i, fib(i), fact(i))
print(fact(35))
print(ack(2, 3), ack(3, 3), ack(1, 10))
print(hanoi(4, "A", "C", "B"), moves[:5], len(moves))
print(gcd(1071, 462), gcd(2 ** 40, 6 ** 20), gcd(17, 5))
print(is_even(10), is_odd(7), is_even(7))
print(digits_sum(fact(30)))
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
print(depth(500))
