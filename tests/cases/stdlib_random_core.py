# kiln-test: native-only
# _random (kiln's over the native Mersenne Twister) and the SHA-2 hashes that random.seed
# uses for str and bytes seeds: CPython's sequences for the same seeds, state round trips,
# subclasses, and a seeded simulation written over them.
import sys
import _random
if sys.version_info >= (3, 12):
    from _sha2 import sha512, sha256, sha384, sha224
else:
    from _sha512 import sha512, sha384
    from _sha256 import sha256, sha224

r = _random.Random()
r.seed(3)
print(r.random(), _random.Random(7).random(), _random.Random(2 ** 80 + 1).random())
r.seed(-5)
print(r.random(), r.getrandbits(5), r.getrandbits(32), r.getrandbits(100), r.getrandbits(64))
r.seed(0)
print([r.random() for i in range(3)])
st = r.getstate()
print(len(st), st[-1], st[:3])
a = [r.getrandbits(64) for i in range(700)]
r.setstate(st)
print(a == [r.getrandbits(64) for i in range(700)])

class R(_random.Random):
    def __init__(self, x):
        self.x = x
        self.seed(x * 2)
print(R(5).random(), R(5).x, isinstance(R(1), _random.Random))
for f in [lambda: type(_random.Random(1, 2)).__name__, lambda: r.setstate((1, 2)),
          lambda: r.setstate(tuple([0] * 624 + [625])), lambda: r.getrandbits(-1)]:
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

for h in (sha224, sha256, sha384, sha512):
    x = h(b"abc")
    print(x.name, x.digest_size, x.block_size, x.hexdigest())
x = sha512()
x.update(b"hello ")
y = x.copy()
x.update(b"world")
print(x.hexdigest()[:32], y.hexdigest()[:32], len(x.digest()))
print(sha256(bytearray(b"a" * 1000)).hexdigest())
try:
    sha256("text")
except TypeError as e:
    print("TypeError", e)

# A seeded Monte Carlo estimate of pi and a random walk, over the bare generator.
g = _random.Random()
g.seed(2024)
inside = 0
for _ in range(20000):
    px, py = g.random(), g.random()
    if px * px + py * py <= 1.0:
        inside += 1
print("pi ~", 4 * inside / 20000)
pos = 0
for _ in range(1000):
    pos += 1 if g.getrandbits(1) else -1
print("walk", pos)
