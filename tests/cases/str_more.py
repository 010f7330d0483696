# More str methods: format_map, casefold, expandtabs, translate/maketrans, removeprefix/suffix,
# is* predicates, splitlines, padding, % with dicts, repeat, repr of special characters.
print('{name} is {age}'.format_map({'name': 'Ann', 'age': 7}))
class Default(dict):
    def __missing__(self, k):
        return '<' + k + '>'
print('{a} {b}'.format_map(Default(a=1)))
print('Straße'.casefold(), 'ÀB'.casefold(), 'a\tb\tc'.expandtabs(), 'ab\tc'.expandtabs(4), repr('x\ty\n\tz'.expandtabs(2)))
t = str.maketrans('abc', 'xyz', 'd')
print(t, 'aabbccdd'.translate(t), 'hello'.translate({ord('l'): None, ord('o'): 'OO'}))
print(str.maketrans({'a': '1', 'b': None}), 'abc'.translate(str.maketrans({'a': '1', 'b': None})))
print('prefix_name'.removeprefix('prefix_'), 'file.txt'.removesuffix('.txt'), 'abc'.removeprefix('x'), 'abc'.removesuffix(''))
print('valid_id'.isidentifier(), '2bad'.isidentifier(), 'ok\n'.isprintable(), 'ok'.isprintable(), 'é'.isascii(), 'abc'.isascii())
print('Hello World'.istitle(), 'Hello world'.istitle(), 'HELLO'.istitle(), ''.istitle(), 'A1 B2'.istitle())
print('a\nb\r\nc\rd\x0be\x0cf\x1cg\u2028h'.splitlines(), 'x\ny\n'.splitlines(keepends=True), ''.splitlines(), '\n'.splitlines())
print('%(name)s has %(n)d items (%(pct).1f%%)' % {'name': 'box', 'n': 3, 'pct': 12.345})
print('ab' * 3, 3 * 'xy', 'a' * 0, 'abc' * -1, repr('tab\there'), repr("quote'single"), repr('both\'"'))
print(repr('\x00\x07\x1b\x7f\x80\xa0\xad'), repr('\u200b\u2028\ufeff'), repr('日本語'), repr('\U0001f600'), ascii('日本'))
print('title case words here'.title(), "they're bill's".title(), 'MiXeD'.swapcase(), 'hello'.capitalize())
print('center'.center(12, '*'), 'l'.ljust(3, '-'), 'r'.rjust(3, '-'), '7'.zfill(3), '-7'.zfill(4), '+7'.zfill(4))
print('a,b,,c'.split(','), 'a b  c'.split(), 'a-b-c'.rsplit('-', 1), '  x  '.strip(), 'xxhixx'.strip('x'))
print('hello'.count('l'), 'hello'.find('l', 3), 'hello'.rfind('l'), 'hello'.index('e'), 'hello'.startswith(('x', 'he')))
print('ß'.upper(), 'ǅ'.lower(), 'İ'.lower(), len('İ'.lower()), 'ﬁ'.upper())
print('a1b2'.isalnum(), '²'.isdigit(), '²'.isdecimal(), '½'.isnumeric(), ' \t\n'.isspace(), 'ABC'.isupper())
print(str(b'bytes', 'ascii'), str(123), str([1, 'a']), str(None), str(3.0), str(True))
print('x'.join(['a', 'b', 'c']), ''.join(map(str, range(5))), ', '.join(sorted({'b', 'a'})))
print('a=1;b=2'.partition(';'), 'no-sep'.partition('='), 'a.b.c'.rpartition('.'))
print('hello world'.replace('o', '0', 1), 'aaa'.replace('a', 'bb'), ''.replace('', 'x'), 'ab'.replace('', '-'))
print(f"{'left':<8}|{'right':>8}|{'mid':^9}|{42:+d}|{3.14159:.3}|{255:#x}|{1e6:,.0f}")
