# kiln-test: native-only
# int and float methods, conversions, big ints and float formatting corner cases.
print((10).bit_length(), (-10).bit_length(), (0).bit_length(), (2**100).bit_length(), (255).bit_count(), (-7).bit_count())
print((255).to_bytes(2, 'big'), (255).to_bytes(2, 'little'), (-1).to_bytes(2, 'big', signed=True), (0).to_bytes(0, 'big'))
print((1024).to_bytes(4, byteorder='little'), (16).to_bytes(2), int.from_bytes(b'\x00\x10'), int.from_bytes(b'\xff\xff', 'little', signed=True))
print(int.from_bytes(b'\x01\x00', 'big'), int.from_bytes([1, 2, 3], 'little'), (2**64).to_bytes(9, 'big'))
for bad in [lambda: (256).to_bytes(1, 'big'), lambda: (-1).to_bytes(1, 'big'), lambda: (1).to_bytes(1, 'middle'),
            lambda: float('inf').as_integer_ratio(), lambda: float('nan').as_integer_ratio(), lambda: float.fromhex('zz'),
            lambda: int('12', 1), lambda: int('abc'), lambda: int('9', 8), lambda: float('x1'), lambda: int(float('inf')),
            lambda: int(float('nan')), lambda: 10 ** 400 * 1.0, lambda: (2**1100) / 1]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print((1.5).hex(), (0.0).hex(), (-0.1).hex(), (5e-324).hex(), float('inf').hex(), (1.0).hex(), (3.0).hex())
print(float.fromhex('0x1.8p1'), float.fromhex('-0x1p-2'), float.fromhex('inf'), float.fromhex('0x1.999999999999ap-4'))
print((0.75).as_integer_ratio(), (5).as_integer_ratio(), (-2.5).as_integer_ratio(), (0.1).as_integer_ratio(), (1e300).as_integer_ratio()[1])
print((3.0).is_integer(), (3.5).is_integer(), float('inf').is_integer())
print((2.5).__floor__(), (2.5).__ceil__(), (-2.5).__trunc__(), (7).__floor__(), (2.5).__round__(), (2.567).__round__(2), (7).__round__(-1))
print((3).conjugate(), (3.5).conjugate(), (3).real, (3.5).imag, True.numerator, (7).denominator, (True + True))
print(int('0x1f', 0), int('0o17', 0), int('0b11', 0), int('  -12  '), int('ff', 16), int('Z', 36), int('1_000_000'))
print(10 ** 30 // 7, 10 ** 30 % 7, divmod(-10 ** 30, 7), -(10 ** 30) // 7, (10 ** 30) / (10 ** 28), 2 ** -2, (-2) ** 3)
print(7 / 2, 7 // 2, -7 // 2, 7 % -3, -7 % 3, 7.5 // 2, -7.5 % 2, 1e308 * 10, -1e308 * 10)
print(float('nan') == float('nan'), float('nan') != float('nan'), float('inf') > 10 ** 400, 10 ** 400 > 1e308)
n = float('nan')
print(n in [n], [n] == [n], n is n, min(1.0, 2), max(1, 1.0), 1 == 1.0, {1: 'a', 1.0: 'b', True: 'c'})
print(0.1 + 0.2, 1e16, 1e-5, 123456789.123456789, 1.0e22, 5e-324, 2.0 ** 0.5, round(2.675, 2), -0.0, 0.0 == -0.0)
print(int(True), float(False), bool(0.0), bool(-0.0), abs(-0.0), (-0.0).hex() if False else 'skip')
print(hash(10 ** 20) == hash(float(10 ** 20)), hash(-1), hash(-2), hash(0.5), hash(2 ** 61 - 1), hash(2 ** 61))
print(format(1234.5678, ',.2f'), format(-42, '+05d'), format(0.000123, '.2e'), format(255, 'b'), format(3.5, '%'), format(12, 'c'))
print(round(0.5), round(1.5), round(-2.5), round(1e20), round(2.5, 0), round(-0.55, 1), round(123.456, -1))
