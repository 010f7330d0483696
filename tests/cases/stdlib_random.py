# kiln-test: native-only
# random compiled from the interpreter's standard library over kiln's _random: the same
# sequences as CPython for int, str, bytes and float seeds, the distributions, state round
# trips, subclasses, and seeded simulations.
import random

random.seed(12345)
print(random.random(), random.randint(1, 100), random.randrange(0, 1000, 7), random.uniform(1.5, 2.5))
xs = list(range(20))
random.shuffle(xs)
print(xs)
print(random.choice("abcdefg"), random.choices(range(10), k=5), random.sample(range(100), 5))
print(random.gauss(0, 1), random.normalvariate(5, 2), random.expovariate(1.5), random.triangular(0, 10, 3))
print(random.betavariate(2, 3), random.gammavariate(2.5, 1.0), random.lognormvariate(0, 1))
print(random.vonmisesvariate(1, 2), random.paretovariate(3), random.weibullvariate(1, 1.5))
print(random.getrandbits(70), random.choices("ab", weights=[1, 9], k=6), random.choices("xyz", cum_weights=[1, 2, 10], k=4))
print(random.sample(["a", "b", "c", "d"], k=4), random.randrange(10), random.randrange(-5, 5))
random.seed("a string seed")
print(random.random())
random.seed(b"bytes seed")
print(random.random())
random.seed(3.5)
print(random.random())
random.seed(2 ** 100 + 3)
print(random.random(), random.randint(-10 ** 20, 10 ** 20))
s = random.getstate()
a = [random.random() for _ in range(5)]
random.setstate(s)
print(a == [random.random() for _ in range(5)], s[0], len(s[1]))
r = random.Random(99)
print(r.randint(0, 10 ** 30), r.random(), r.choice([None, 1, "x"]))

class MyRandom(random.Random):
    def __init__(self, seed, tag):
        super().__init__(seed)
        self.tag = tag

m = MyRandom(5, "t")
print(m.random(), m.tag, random.Random(5).random())
for bad in [lambda: random.randint(5, 1), lambda: random.choice([]), lambda: random.sample(range(3), 5),
            lambda: random.randrange(0), lambda: random.getrandbits(-1)]:
    try:
        print(bad())
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)

# Seeded simulations: dice statistics, a random walk, a Monte Carlo estimate of pi.
random.seed(7)
counts = [0] * 13
for _ in range(3000):
    counts[random.randint(1, 6) + random.randint(1, 6)] += 1
print(counts[2:])
walk = 0
for _ in range(1000):
    walk += random.choice((-1, 1))
print("walk", walk)
rng = random.Random(2024)
inside = sum(1 for _ in range(20000) if rng.random() ** 2 + rng.random() ** 2 <= 1.0)
print("pi ~", 4 * inside / 20000)
deck = [r + s for r in "A23456789TJQK" for s in "shdc"]
rng.shuffle(deck)
print(deck[:5], sorted(rng.sample(deck, 3)))
