# A tiny program for `kiln bench`'s test (tests/bench_command.rs): a few milliseconds of work
# with a checksum at the end, the shape of a bench/*.py program.


def work(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


print("checksum", work(20_000))
