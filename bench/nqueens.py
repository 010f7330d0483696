# N-queens: enumerate solutions with generators, both by filtering permutations (a hand-written
# permutations generator) and by recursive backtracking with yield from. Generator resumption,
# set construction, tuples; the checksum is the solution counts and a hash-free digest of them.
PERM_N = 8
BACKTRACK_N = 10
REPEAT = 14


def permutations(items):
    """Every ordering of items, lexicographic in their positions, as tuples."""
    n = len(items)
    if n <= 1:
        yield tuple(items)
        return
    for i in range(n):
        head = items[i]
        rest = items[:i] + items[i + 1:]
        for tail in permutations(rest):
            yield (head,) + tail


def queens_by_permutation(n):
    cols = range(n)
    for vec in permutations(list(cols)):
        if (n == len(set(vec[i] + i for i in cols))
                == len(set(vec[i] - i for i in cols))):
            yield vec


def place(n, row, queens, used_cols, used_diag, used_anti):
    if row == n:
        yield tuple(queens)
        return
    for col in range(n):
        if col in used_cols or (row + col) in used_diag or (row - col) in used_anti:
            continue
        queens.append(col)
        used_cols.add(col)
        used_diag.add(row + col)
        used_anti.add(row - col)
        yield from place(n, row + 1, queens, used_cols, used_diag, used_anti)
        used_anti.discard(row - col)
        used_diag.discard(row + col)
        used_cols.discard(col)
        queens.pop()


def queens_by_backtracking(n):
    yield from place(n, 0, [], set(), set(), set())


def digest(solutions):
    d = 0
    for sol in solutions:
        for q in sol:
            d = (d * 31 + q + 1) % 1_000_000_007
    return d


def main():
    results = []
    for _ in range(REPEAT):
        a = list(queens_by_permutation(PERM_N))
        b = list(queens_by_backtracking(BACKTRACK_N))
        results.append((len(a), digest(a), len(b), digest(b)))
    na, da, nb, db = results[-1]
    print(f"{PERM_N} queens (permutations): {na} solutions, first {a[0]}")
    print(f"{BACKTRACK_N} queens (backtracking): {nb} solutions, last {b[-1]}")
    print("checksum", na, da, nb, db, sum(r[0] + r[2] for r in results))


main()
