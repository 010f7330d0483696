# kiln-test: native-only
# functools compiled from the standard library; itertools from kiln's own module.
import functools
import itertools
import operator


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(60), fib.cache_info().hits > 0)
print(functools.reduce(operator.mul, range(1, 10)), functools.reduce(lambda a, b: a + b, [], 7))
p = functools.partial(int, base=2)
print(p("1011"), p.func is int, p.keywords)


@functools.total_ordering
class V:
    def __init__(self, n):
        self.n = n

    def __eq__(self, o):
        return self.n == o.n

    def __lt__(self, o):
        return self.n < o.n


print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))


def deco(f):
    @functools.wraps(f)
    def inner(*a):
        return f(*a) * 2
    return inner


@deco
def triple(x):
    "Triples x."
    return 3 * x


print(triple(2), triple.__name__, triple.__doc__, triple.__wrapped__(2))
print(sorted(["bb", "a", "ccc"], key=functools.cmp_to_key(lambda a, b: len(a) - len(b))))
print(list(itertools.islice(itertools.count(10, 5), 4)), list(itertools.repeat("x", 3)))
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([1, 2, 3], operator.mul)))
print(list(itertools.chain("ab", [1, 2])), list(itertools.chain.from_iterable(["xy", "z"])))
print(list(itertools.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(itertools.dropwhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.filterfalse(None, [0, 1, "", "a"])))
print([(k, list(g)) for k, g in itertools.groupby("aaabccdd")])
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.zip_longest("ab", "xyz", fillvalue="-")))
print(list(itertools.product("ab", repeat=2)), list(itertools.permutations(range(3), 2)))
print(list(itertools.combinations("abcd", 2)), list(itertools.combinations_with_replacement("ab", 2)))
a, b = itertools.tee(iter([1, 2, 3]))
print(list(a), list(b), list(itertools.islice("abcdefg", 1, 6, 2)), list(itertools.islice("abc", None)))
c = itertools.cycle("ab")
print([next(c) for _ in range(5)], repr(itertools.count(3)), repr(itertools.repeat(1, 2)))
