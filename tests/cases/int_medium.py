# kiln-test: native-only
# Ints just past the small range (the i128 path) and beyond, their hashes, comparisons and
# int subclasses holding them.
vals = [2**62, -2**62 - 7, 2**64 + 3, -(2**70) + 11, 2**100, 2**127 - 1, -(2**127), 7, -7, 3]
for a in vals:
    for b in vals:
        print(a // b, a % b, a * b % (2**64), (a + b) & (2**48 - 1), a - b, a ^ b, a | b, a < b)
print([hash(v) for v in vals], len({v: 1 for v in vals + [2**62, 2**100]}))
seed = 12345
for _ in range(1000):
    seed = (seed * 0x5DEECE66D + 0xB) & ((1 << 48) - 1)
print(seed)


class Big(int):
    pass


b = Big(2**80 + 5)
b.tag = "kept"
print(b, b + 1, b.tag, type(b).__name__, isinstance(b, int), Big(-3) * 2**70)
