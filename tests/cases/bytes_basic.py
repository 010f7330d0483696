# bytes and bytearray: literals, repr, indexing, slicing, operators, methods.
b = b'\x00abc\'"\n\t\\\xff'
print(b, len(b), b[1], b[-1], b[1:4], b[::-1][:3])
print(repr(b"it's"), repr(b'say "hi"'), b'', bytes(3), bytes([65, 66, 67]), bytes(range(5)))
print(b'abc' + b'def', b'ab' * 3, 3 * b'x', b'b' in b'abc', 98 in b'abc', b'' in b'abc')
print(b'abc' == b'abc', b'abc' < b'abd', b'abc' != b'ab', b'a' == 'a')
print(list(b'hi'), [x for x in b'AZ'], tuple(bytearray(b'xy')))
print(hash(b'abc') == hash(b'abc'), {b'k': 1}[b'k'])
print(b'hello world'.split(), b'a,b,,c'.split(b','), b'a b c'.split(maxsplit=1), b'a.b.c'.rsplit(b'.', 1))
print(b'  pad  '.strip(), b'xxhixx'.strip(b'x'), b'  l'.lstrip(), b'r  '.rstrip())
print(b'hello'.startswith(b'he'), b'hello'.endswith((b'lo', b'x')), b'hello'.find(b'l'), b'hello'.rfind(b'l'), b'hello'.find(b'z'))
print(b'hello'.index(b'e'), b'hello'.count(b'l'), b'hello'.replace(b'l', b'L'), b'hello'.replace(b'l', b'', 1))
print(b'MiXeD'.upper(), b'MiXeD'.lower(), b'hello world'.title(), b'abc'.capitalize(), b'aBc'.swapcase())
print(b'123'.isdigit(), b'abc'.isalpha(), b'ab1'.isalnum(), b' \t'.isspace(), b'ABC'.isupper(), b'abc'.islower())
print(b','.join([b'a', b'b', bytearray(b'c')]), b'abc'.hex(), b'\x01\xff'.hex(':'), bytes.fromhex('de ad be ef'))
print(b'a=b'.partition(b'='), b'a=b=c'.rpartition(b'='), b'prefix-x'.removeprefix(b'prefix-'), b'x.py'.removesuffix(b'.py'))
print(b'ab'.center(6, b'*'), b'ab'.ljust(4), b'ab'.rjust(4, b'0'), b'42'.zfill(5), b'-42'.zfill(5))
print(b'l1\nl2\r\nl3'.splitlines(), b'l1\nl2\n'.splitlines(True))
ba = bytearray(b'abc')
ba.append(100)
ba.extend(b'ef')
ba.extend([103, 104])
ba[0] = 65
ba[1:3] = b'BC'
print(ba, len(ba), ba[0], ba[-1])
del ba[0]
del ba[1:3]
print(ba, ba.pop(), ba.pop(0), ba)
ba.insert(1, 120)
ba.remove(120)
ba.reverse()
print(ba, ba.copy(), bytearray(4), bytearray([1, 2]), bytearray(b'x') + b'y', b'y' + bytearray(b'x'))
ba2 = bytearray(b'12')
ba2 += b'34'
ba2 *= 2
print(ba2, ba2 == b'12341234', bytes(ba2))
for bad in [lambda: bytes('abc'), lambda: bytes([256]), lambda: b'ab'[5], lambda: bytearray(b'a').pop(3),
            lambda: b'a' + 'b', lambda: bytes.fromhex('zz'), lambda: bytes(-1), lambda: b'abc'.index(b'z'),
            lambda: bytearray().pop(), lambda: hash(bytearray()), lambda: 'a' in b'abc', lambda: b'a'.join([1])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
try:
    x = bytearray(b'a')
    x[0] = 300
except ValueError as e:
    print(e)
print(bytes(b'abc'), bytes(bytearray(b'q')), type(bytearray(b'a')[0:1]).__name__, type(b'a'[0:1]).__name__)
