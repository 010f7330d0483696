# complex numbers: literals, arithmetic, repr, abs, attributes, comparisons, hashing.
z = 1 + 2j
w = 3 - 4j
print(z, w, 2j, -2j, 0j, 1j * 1j, complex(1.5, -0.0), -z, +z)
print(z + w, z - w, z * w, z / w, w / 2, 2 / w, z ** 2, z ** -1, (1 + 1j) ** 0.5)
print(abs(w), abs(3j), z.real, z.imag, z.conjugate(), type(z.real).__name__)
print(z == 1 + 2j, z != w, 2 + 0j == 2, 2.0 == 2 + 0j, (0j == 0), hash(2 + 0j) == hash(2), hash(1.5 + 0j) == hash(1.5))
print(complex('1+2j'), complex(' 3.5-1j '), complex('j'), complex('-j'), complex('2'), complex('(1+1j)'), complex('1e3j'))
print(complex(1, 2) * 2, 2 * complex(1, 2), z + 1, 1 + z, z * 0.5, z - 1.0, 1 - z)
print(repr(complex(0.1, 0.2)), complex(1e20, 1e-20), complex(float('inf'), float('nan')), complex(-0.0, 1))
print(bool(0j), bool(1j), [1j, 2j][0], {1j: 'x'}[1j], str(1 + 0j), format(1 + 2j, '.2f'))
print(pow(2j, 2), (2 + 3j) ** 3, 0j ** 0, (1 + 2j) ** 1, (-8) ** (1 / 3))
print(complex(1 + 2j, 3j), complex(2, 1j), isinstance(1j, complex), complex.__name__)
print(sum([1j, 2, 3.5]), (1j).imag, 1j.real, divmod(7, 2))
for bad in [lambda: 1j < 2j, lambda: 1 / 0j, lambda: 0j ** -1, lambda: complex('abc'), lambda: complex('1', 2),
            lambda: 1j // 2, lambda: 1j % 2, lambda: int(1j), lambda: float(2j)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
