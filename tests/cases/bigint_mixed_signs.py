# kiln-test: native-only
# (The digest uses hash(), whose modulus is 2**31-1 on 32-bit platforms such as Pyodide.)
# Heap-int + - * // % and comparisons with every sign combination, operands of one to many
# digits (around the 2**32 digit size and the 2**62 small-int edge), checked by a digest.
seed = 12345


def rand():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return seed


def number(i):
    bits = [1, 31, 32, 33, 61, 62, 63, 64, 65, 95, 127, 200, 1000, 3000][i % 14]
    x = 0
    while x.bit_length() < bits:
        x = (x << 64) | rand()
    x >>= x.bit_length() - bits
    if rand() % 5 == 0:
        x = (1 << bits) - 1
    if rand() % 7 == 0:
        x = 1 << (bits - 1)
    return -x if rand() % 2 else x


digest = 0
values = [number(i) for i in range(60)] + [0, 1, -1, 2**62, -2**62, 2**62 - 1, -2**62 + 1, 2**64, -2**64]
for a in values:
    for b in values:
        r = [a + b, a - b, a * b, a < b, a == b, a >= b]
        if b:
            r += [a // b, a % b, divmod(a, b)]
        for x in r:
            digest = (digest * 1000003 + hash(x)) % (1 << 61)
print(digest)
print(2**62 - 2**63, -2**62 - 1 + 1, (2**64 + 5) // -(2**32), (2**64 + 5) % -(2**32))
print(-(2**100) // 3, -(2**100) % 3, (10**40) // (10**20 + 1), (10**40) % -(10**20 + 1))
print(type(2**62 - 2**62), (2**62) * 0, 0 * -(2**70), -(2**62) - 0)
