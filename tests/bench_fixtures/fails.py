# A program that fails under CPython: `kiln bench` must report it, leave it out of the timing
# and end with exit status 1 (tests/bench_command.rs).
print("before")
print(1 // 0)
