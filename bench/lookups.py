# Ten million builtin and global lookups: `len` (a builtin) and `SCALE` (a module constant)
# are looked up by LOAD_GLOBAL on every iteration.
SCALE = 3


def run(n):
    items = [1, 2, 3, 4]
    total = 0
    for i in range(n):
        total += len(items) + SCALE
    return total


print(run(5_000_000) + run(5_000_000))
