# A tour of built-in functions and their edge cases.
print(round(2.5), round(3.5), round(-0.5), round(1234, -2), round(1250, -2), round(1350, -2), round(2.675, 2))
print(round(5.5, -1), round(15.0, -1), round(0.125, 2), round(-1.5), round(7), round(7, 1), type(round(2.5, 0)).__name__)
print(pow(3, -1, 7), pow(-3, -1, 7), pow(3, -2, -7), pow(2, 10, 1), pow(2, 100, 97), pow(2, -1), pow(-8, 1/3) if False else pow(4, 0.5))
try:
    pow(2, -1, 4)
except ValueError as e:
    print(e)
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(10**20, 7), divmod(-10**20, 7))
print(sum([0.1] * 10), sum([1, 2, 3], 10), sum([[1], [2]], []), sum(range(101)))
print(max([3, 1, 2]), max(3, 1, 2), max([], default='none'), max(['aa', 'b'], key=len), min([4, 2], key=lambda v: -v))
print(min((), default=0), max("hello"), max([1, 2], [1, 3]))
try:
    max([])
except ValueError as e:
    print(e)
print(sorted([3, 1, 2], reverse=True), sorted("bca"), sorted(['Bb', 'a', 'C'], key=str.lower), sorted({3: 1, 1: 2}))
print(list(reversed([1, 2, 3])), list(reversed(range(4))), list(reversed("abc")), list(reversed({'a': 1, 'b': 2})))
print(list(zip([1, 2], 'ab', (True, False))), list(zip()), list(zip([1, 2, 3], [4])))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print(e)
try:
    list(zip([1], [3, 4], strict=True))
except ValueError as e:
    print(e)
print(list(enumerate('ab', start=1)), list(enumerate('xy', 10)))
print(list(map(pow, [2, 3], [3, 2])), list(filter(None, [0, 1, '', 'a'])), list(filter(lambda v: v > 1, [1, 2, 3])))
print(all([]), any([]), all([1, 0]), any([0, 2]), chr(65), ord('€'), chr(0x1F600), bin(-5), oct(8), hex(255))
print(ascii('héllo ☃'), repr('x'), hash(1) == hash(1.0), id(None) == id(None), callable(len), callable(1))
print(isinstance(3, (str, int)), isinstance(True, int), issubclass(bool, int), issubclass(int, (str, float)))
print(isinstance(3, int | str), isinstance('a', int | None), isinstance(None, int | None))
it = iter([5, 4, 3, 2, 1].pop, 3)
print(list(it))
calls = []
def gen():
    calls.append(1)
    return len(calls)
print(list(iter(gen, 4)))
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, [0, 1, 2, 3, 4, 5][s], slice(3), slice(None, 5).indices(10), s == slice(1, 10, 2))
print(format(3.14159, '.2f'), format(42, '08b'), format('x', '>4'), format(1234567, ','), format(0.5, '%'))
print(NotImplemented, Ellipsis, ..., type(NotImplemented).__name__, type(...).__name__)
g = globals()
print('g' in g, g['__name__'])
print(vars(type('K', (), {'a': 1}))['a'])
m = __import__('sys')
print(m.maxsize > 0, type(m).__name__)
print(abs(-3), abs(-2.5), abs(3+4j), int('0x1f', 0), int('0b101', 0), int('  42  '), int('1_000'), int(3.99), int(-3.99))
print(float('inf'), float('-inf'), float('nan') != float('nan'), float(' 1.5 '), float('1e3'))
print(complex(1, 2), complex('3-4j'), complex(), complex(2), bool(0j))
print(list(range(10, 0, -3)), range(5)[::-1], len(range(0, 100, 7)), 14 in range(0, 100, 7))
print(dir(str)[:3], len(dir([])) > 30, 'append' in dir(list))
print(bytes(2), bytearray(b'ab'), frozenset('aa'), set('ab') == {'a', 'b'})
print(type(property()).__name__, type(classmethod(len)).__name__, type(super).__name__)
print(getattr(1, 'real'), (1).imag, (2).numerator, (5).denominator, True.real)
print(min(1, 2, key=None), max('a', 'b', key=None))
try:
    hash([])
except TypeError as e:
    print(e)
try:
    iter(5)
except TypeError as e:
    print(e)
try:
    next(iter([]))
except StopIteration as e:
    print("StopIteration", repr(e))
print(next(iter([]), 'dflt'))
