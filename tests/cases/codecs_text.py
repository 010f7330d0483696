# str.encode and bytes.decode with utf-8, ascii, latin-1 and error handlers.
s = 'héllo wörld €'
u = s.encode()
print(u, len(u), u.decode(), u.decode('utf-8') == s)
print(s.encode('utf-8'), s.encode('UTF8'), 'abc'.encode('ascii'), 'abc'.encode('latin-1'))
print('café'.encode('latin-1'), b'caf\xe9'.decode('latin-1'), b'caf\xe9'.decode('iso-8859-1'))
print(s.encode('ascii', 'replace'), s.encode('ascii', 'ignore'), s.encode('ascii', 'backslashreplace'))
print(s.encode('ascii', 'xmlcharrefreplace'), '€'.encode('latin-1', 'replace'))
print(b'\xff\xfeabc'.decode('utf-8', 'replace'), b'\xff\xfeabc'.decode('utf-8', 'ignore'))
print(repr(b'a\x80b'.decode('utf-8', 'backslashreplace')), b'abc\x80'.decode('ascii', 'replace'))
print('😀'.encode(), b'\xf0\x9f\x98\x80'.decode(), len('😀'.encode('utf-8')))
for data, enc in [(b'\xff', 'utf-8'), (b'\xe2\x82', 'utf-8'), (b'a\xe2(', 'utf-8'), (b'\xe9', 'ascii'), (b'\xed\xa0\x80', 'utf-8')]:
    try:
        data.decode(enc)
    except UnicodeDecodeError as e:
        print(e)
        print(e.encoding, e.start, e.end, e.reason, e.object)
for text, enc in [('aé', 'ascii'), ('a\u20ac\u20acb', 'latin-1'), ('\U0001f600', 'ascii')]:
    try:
        text.encode(enc)
    except UnicodeEncodeError as e:
        print(e)
        print(e.start, e.end, e.reason)
try:
    b'x'.decode('no-such-codec')
except LookupError as e:
    print('LookupError', e)
print(str(b'abc', 'ascii'), str(b'\xc3\xa9', encoding='utf-8'), bytes('xyz', 'ascii'), bytearray('é', 'utf-8'))
print(isinstance(UnicodeDecodeError('utf-8', b'', 0, 1, 'x'), ValueError))
