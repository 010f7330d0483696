# bytes % formatting: %s/%b, %r/%a, %c, numbers, widths, mapping keys and errors.
print(b"%%" % ())
print(b"=%d=" % 1, b"=%d=%d=" % (1, 2), b"=%s=" % b"str", b"=%r=" % b"str", b"%5s|%-5s|" % (b'ab', b'cd'))
print(b"%x %o %05.1f %c %c %a" % (255, 8, 3.14159, 65, b'z', 'é'), b"%(k)s-%(n)d" % {b'k': b'v', b'n': 3})
print(bytearray(b"%s!") % b'hi', b"%.2s" % b'abcdef', b"%*d" % (5, 42))
for bad in [lambda: b"%s" % 'str', lambda: b"%d" % b'x', lambda: b"abc" % 5, lambda: b"%s %s" % (b'a',)]:
    try:
        print(bad())
    except TypeError as e:
        print(e)
