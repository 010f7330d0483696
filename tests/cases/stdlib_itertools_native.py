# Native itertools: every type's results, laziness, shared sources (tee, groupby), reprs,
# subclasses and the argument errors of each version.
import itertools as it
import sys


def t(label, f):
    try:
        r = f()
        print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)


# Results
print(list(it.islice(it.count(), 5)), list(it.islice(it.count(10, -3), 4)))
print(list(it.islice(it.count(0.5, 0.25), 3)), list(it.islice(it.count(1j), 2)))
print(list(it.islice(it.cycle("abc"), 8)), list(it.cycle([])))
print(list(it.repeat("x", 3)), list(it.repeat(1, -2)), list(it.islice(it.repeat(7), 3)))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([3, 1, 4, 1, 5], max)))
print(list(it.accumulate([1, 2, 3], initial=10)), list(it.accumulate([], initial=5)))
print(list(it.accumulate(["a", "b", "c"])), list(it.accumulate([2, 3], lambda a, b: a * b)))
print(list(it.chain("ab", [1, 2], ())), list(it.chain.from_iterable(["xy", "z"])))
print(list(it.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(it.compress("abc", [1])))
print(list(it.dropwhile(lambda x: x < 3, [1, 2, 3, 4, 1])))
print(list(it.takewhile(lambda x: x < 3, [1, 2, 3, 4, 1])))
print(list(it.filterfalse(None, [0, 1, "", "a", None])), list(it.filterfalse(bool, [0, 2])))
print(list(it.filterfalse(lambda x: x % 2, range(8))))
print(list(it.starmap(pow, [(2, 3), (3, 2)])), list(it.starmap(max, [[1, 5], "ab"])))
print(list(it.islice("abcdefg", 2)), list(it.islice("abcdefg", 2, 5)))
print(list(it.islice("abcdefg", 1, None, 2)), list(it.islice("abcdefg", None)))
print(list(it.islice(range(100), 10, 40, 7)), list(it.islice("ab", 5, 9)))
print(list(it.zip_longest("abc", [1])), list(it.zip_longest("ab", "xyz", fillvalue=0)))
print(list(it.zip_longest()), list(it.zip_longest([])))
print(list(it.product("ab", [0, 1])), list(it.product([1, 2], repeat=2)))
print(list(it.product()), list(it.product([], [1])), list(it.product([1], repeat=0)))
print(list(it.permutations("abc")), list(it.permutations(range(4), 2))[:5])
print(list(it.permutations("ab", 3)), list(it.permutations("", 0)), list(it.permutations([])))
print(list(it.combinations("abcd", 2)), list(it.combinations(range(3), 0)))
print(list(it.combinations("ab", 3)))
print(list(it.combinations_with_replacement("abc", 2)))
print(list(it.combinations_with_replacement("", 2)), list(it.combinations_with_replacement("", 0)))
print(len(list(it.permutations(range(6)))), len(list(it.combinations(range(10), 4))))
print(sum(1 for _ in it.product(range(5), repeat=4)))

# Laziness and state
c = it.chain([1], 5)
print(next(c))
t("chain bad", lambda: next(c))
t("chain after", lambda: next(c))
i = iter(range(10))
print(list(it.islice(i, 3)), next(i))
i = iter(range(10))
s = it.islice(i, 2, 4)
print(list(s), next(i))
dw = it.dropwhile(lambda x: x < 2, iter([0, 1, 2, 0, 5]))
print(next(dw), list(dw))
tw = it.takewhile(lambda x: x < 2, iter([0, 1, 2, 0, 5]))
print(list(tw), list(tw))
cy = it.cycle(iter([1, 2]))
print([next(cy) for _ in range(5)])
pc = it.count(5)
next(pc)
print(pc, it.count(2, 1.0), it.count(2.5), it.count(1, 2), it.count(True), it.count(0, True))
r = it.repeat("a", 2)
print(r, r.__length_hint__())
next(r)
print(r, r.__length_hint__(), it.repeat(None))
print(it.repeat(1, times=3), it.repeat(object=2))

# tee
a, b = it.tee(iter(range(200)))
print(next(a), next(a), next(b))
print(sum(a), sum(b))
x, y, z = it.tee("abc", 3)
print(list(x), list(y), list(z), it.tee("a", 0), len(it.tee([], 1)))
p, q = it.tee(range(3))
q2 = q.__copy__()
print(list(q), list(q2), list(p))
u, v = it.tee(p)
print(type(u).__name__, list(u), list(v))


class Copyable:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n
    def __copy__(self):
        print("copied")
        return iter([9])


m, n = it.tee(Copyable())
print(type(m).__name__, list(m), list(n))


def reenter():
    yield next(tees[0])


tees = it.tee(reenter())
t("tee reenter", lambda: next(tees[0]))

# groupby
print([(k, list(g)) for k, g in it.groupby("aaabccdaa")])
print([(k, len(list(g))) for k, g in it.groupby(range(10), key=lambda x: x // 3)])
groups = it.groupby("aabbc")
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2), next(groups)[0], list(groups))
groups = it.groupby([1, 1, 2])
k1, g1 = next(groups)
print(next(g1))
k2, g2 = next(groups)
print(list(g1), list(g2), type(g2).__name__)
print(list(it.groupby([])), [k for k, _ in it.groupby([1.0, 1, True, 2])])

# pairwise (3.10) and batched (3.12; strict 3.13)
if sys.version_info >= (3, 10):
    print(list(it.pairwise("abcd")), list(it.pairwise("a")), list(it.pairwise([])))
    t("pairwise 0", lambda: it.pairwise())
    t("pairwise kw", lambda: it.pairwise([1], x=1))
if sys.version_info >= (3, 12):
    print(list(it.batched("abcdefg", 3)), list(it.batched([], 2)), list(it.batched("ab", 5)))
    t("batched 0", lambda: it.batched([1], 0))
    t("batched n", lambda: it.batched([1]))
    t("batched str", lambda: it.batched([1], "a"))
    print(list(it.batched(n=2, iterable=range(5))))
if sys.version_info >= (3, 13):
    print(list(it.batched(range(6), 3, strict=True)))
    t("batched strict", lambda: list(it.batched(range(5), 2, strict=True)))


# Subclasses
class MyChain(it.chain):
    pass


class MyCount(it.count):
    def __init__(self, *args):
        self.label = "c"


class Evens(it.filterfalse):
    def __new__(cls, iterable):
        return super().__new__(cls, lambda x: x % 2, iterable)


mc = MyCount(3, 2)
print(list(MyChain("ab", "c")), next(mc), next(mc), mc.label, repr(mc))
print(list(Evens(range(7))), isinstance(Evens([]), it.filterfalse), type(MyChain()).__name__)
print(it.chain, it.count.__module__, type(it.groupby([1])).__qualname__)
if sys.version_info >= (3, 9):
    print(it.chain[int])

# Errors
t("cycle 0", lambda: it.cycle())
t("cycle kw", lambda: it.cycle([1], x=1))
t("chain kw", lambda: it.chain([1], x=1))
t("from_iterable", lambda: it.chain.from_iterable(1))
t("dropwhile 1", lambda: it.dropwhile(None))
t("starmap 3", lambda: it.starmap(None, [], 1))
t("starmap int", lambda: next(it.starmap(pow, [1])))
t("islice 1", lambda: it.islice([1]))
t("islice 5", lambda: it.islice([1], 1, 2, 3, 4))
t("islice kw", lambda: it.islice([1], x=1))
t("islice -1", lambda: it.islice([1], -1))
t("islice a", lambda: it.islice([1], "a"))
t("islice a 3", lambda: it.islice([1], "a", 3))
t("islice -3 3", lambda: it.islice([1], -3, 3))
t("islice 1 -5", lambda: it.islice([1], 1, -5))
t("islice step 0", lambda: it.islice([1], 1, 5, 0))
t("islice step x", lambda: it.islice([1], 1, 5, "x"))
t("islice int", lambda: it.islice(3, 1))
t("product kw", lambda: it.product([1], x=1))
t("product neg", lambda: it.product([1], repeat=-1))
t("product str", lambda: it.product([1], repeat="a"))
t("product int", lambda: it.product(1))
t("zip_longest kw", lambda: it.zip_longest([1], x=1))
t("zip_longest int", lambda: it.zip_longest([1], 2))
t("count str", lambda: it.count("a"))
t("count step", lambda: it.count(1, "a"))
t("count kw", lambda: it.count(x=1))
t("count 3", lambda: it.count(1, 2, 3))
t("repeat str", lambda: it.repeat(1, "a"))
t("repeat 0", lambda: it.repeat())
t("repeat hint", lambda: it.repeat(1).__length_hint__())
t("perm neg", lambda: it.permutations([1], -1))
t("perm str", lambda: it.permutations([1], "a"))
t("comb 1", lambda: it.combinations([1]))
t("comb neg", lambda: it.combinations([1], -1))
t("comb str", lambda: it.combinations([1], "a"))
t("cwr neg", lambda: it.combinations_with_replacement([1], -1))
t("tee neg", lambda: it.tee([1], -1))
t("tee str", lambda: it.tee([1], "a"))
t("tee 0", lambda: it.tee())
t("tee int", lambda: it.tee(5))
t("accumulate 0", lambda: it.accumulate())
t("accumulate kw", lambda: it.accumulate([1], x=2))
t("accumulate add", lambda: list(it.accumulate([1, "a"])))
t("compress 1", lambda: it.compress([1]))
t("groupby 0", lambda: it.groupby())
t("groupby kw", lambda: it.groupby([1], x=1))
t("groupby key", lambda: list(it.groupby([1, 2], key=len)))
t("count add", lambda: next(it.count([], 1)))
