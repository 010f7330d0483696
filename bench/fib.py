# Fib: naive doubly recursive Fibonacci. Function call overhead, small-int arithmetic and
# comparisons; the checksum is fib(N) and the number of calls made.
N = 32
REPEAT = 6


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fib_calls(n):
    # Calls made by fib(n): c(n) = 1 + c(n-1) + c(n-2), c(0) = c(1) = 1, computed iteratively.
    a, b = 1, 1
    for _ in range(n - 1):
        a, b = b, 1 + a + b
    return b if n >= 1 else a


def main():
    results = [fib(N) for _ in range(REPEAT)]
    small = [fib(i) for i in range(20)]
    print(f"fib({N}) = {results[-1]}")
    print("checksum", sum(results), sum(small), fib_calls(N) * REPEAT)


main()
