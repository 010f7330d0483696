# Sorting: sort pseudo-random ints, floats, strings and records with sorted(), list.sort(),
# key= functions, reverse=, tuples as keys, and check stability. Comparison-heavy builtin
# sorting and lambdas; the checksum digests the sorted orders.
SIZE = 40_000
ROUNDS = 8


class Lcg:
    def __init__(self, seed):
        self.x = seed

    def next(self):
        self.x = (self.x * 25214903917 + 11) & 0xFFFFFFFFFFFF
        return self.x >> 16


class Record:
    __slots__ = ("name", "dept", "salary", "age")

    def __init__(self, name, dept, salary, age):
        self.name = name
        self.dept = dept
        self.salary = salary
        self.age = age

    def __lt__(self, other):
        return (self.dept, -self.salary, self.name) < (other.dept, -other.salary, other.name)


def digest(values):
    d = 0
    for v in values:
        d = (d * 1_000_003 + v) % 2_305_843_009_213_693_951
    return d


def sort_round(rng, n):
    ints = [rng.next() % 1_000_000 - 500_000 for _ in range(n)]
    floats = [(rng.next() % 10_000_000) / 1024.0 for _ in range(n)]
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = []
    for _ in range(n // 4):
        w = ""
        for _ in range(3 + rng.next() % 6):
            w += letters[rng.next() % 26]
        words.append(w)
    depts = ["eng", "ops", "sales", "legal", "hr"]
    records = [Record(words[i % len(words)], depts[rng.next() % 5], 1000 + rng.next() % 9000,
                      20 + rng.next() % 45) for i in range(n // 4)]

    d = 0
    a = sorted(ints)
    d += digest(a[::97])
    a.sort(reverse=True)
    d += a[0] - a[-1]
    d += digest(sorted(ints, key=abs)[:: 101])
    d += digest(sorted(ints, key=lambda v: (v % 7, -v))[::103])

    f = sorted(floats)
    d += int(f[n // 2] * 1024) + int(f[-1] - f[0])
    f.sort(key=lambda v: -v)
    d += int(f[n // 3] * 1024)

    w = sorted(words)
    d += len(w[0]) + len(w[-1]) + digest(len(s) for s in w[::53])
    w.sort(key=len)  # stable: equal lengths keep alphabetical order
    d += digest(ord(s[0]) for s in w[::59])
    w.sort(key=lambda s: (s[-1], len(s)), reverse=True)
    d += digest(ord(s[1]) for s in w[::61])

    pairs = [(v % 100, i) for i, v in enumerate(ints)]
    pairs.sort()
    d += digest(i for _, i in pairs[::89])
    stable = sorted(range(n), key=lambda i: ints[i] % 50)
    d += digest(stable[::83])

    by_record = sorted(records)
    d += digest(r.salary for r in by_record[::31])
    by_age = sorted(records, key=lambda r: (r.age, r.name, r.salary))
    d += digest(r.age * 10_000 + r.salary for r in by_age[::37])
    oldest = max(records, key=lambda r: (r.age, r.salary))
    d += oldest.age + oldest.salary
    return d % 1_000_000_007, a[:3], w[:2]


def main():
    rng = Lcg(99)
    checksum = 0
    for _ in range(ROUNDS):
        d, top, first_words = sort_round(rng, SIZE)
        checksum = (checksum * 31 + d) % 1_000_000_007
    print("largest", top, "words", first_words)
    print("checksum", checksum)


main()
