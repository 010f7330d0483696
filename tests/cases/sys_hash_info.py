# kiln-test: native-only
# sys.hash_info: the numeric hash's parameters (decimal and fractions hash by them).
import sys

h = sys.hash_info
print(h.width, h.modulus, h.inf, h.nan, h.imag, h.hash_bits, h.seed_bits, h.cutoff)
print(hash(float("inf")) == h.inf, hash(2**61 - 1), hash(h.modulus + 5), hash(-1), hash(1j) == h.imag)
print(h.algorithm in ("siphash13", "siphash24"))
