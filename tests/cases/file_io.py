# kiln-test: native-only
# open(): text and binary files, reading, writing, iteration, with, errors.

path = '/tmp/kiln_case_file_io.txt'
with open(path, 'w') as f:
    print(type(f).__name__, f.name == path, f.mode, f.closed)
    n = f.write('first line\n')
    f.write('second line\r\nthird\rfourth\n')
    f.writelines(['a\n', 'b\n'])
    print('written', n)
    print('last', file=f)
print(f.closed)
with open(path) as f:
    print(repr(f.read()))
with open(path, newline='') as f:
    print(f.readlines())
with open(path) as f:
    print(repr(f.readline()), repr(f.readline()), f.read(5), repr(f.read(3)))
f = open(path)
for i, line in enumerate(f):
    print(i, repr(line))
f.close()
with open(path, 'a') as f:
    f.write('appended é€\n')
with open(path, encoding='utf-8') as f:
    lines = [l.rstrip('\n') for l in f]
print(lines[-2:], len(lines))
with open(path, 'rb') as f:
    data = f.read()
    print(type(data).__name__, len(data), data[:10], type(f).__name__)
with open(path, 'wb') as f:
    f.write(b'\x00\x01binary\xff')
    f.write(bytearray(b'!'))
with open(path, 'rb') as f:
    print(f.read(), f.read())
with open(path, 'r+b') as f:
    print(f.read(3), f.tell())
    f.seek(0)
    f.write(b'XY')
    f.seek(0)
    print(f.read())
with open(path, 'w') as f:
    f.write('0123456789')
with open(path) as f:
    f.seek(5)
    print(f.read(2), f.tell())
try:
    open('/nonexistent_dir_kiln/x.txt')
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
    print(e)
try:
    open(path, 'zz')
except ValueError as e:
    print(e)
try:
    open('/tmp')
except IsADirectoryError as e:
    print(e)
f = open(path)
f.close()
try:
    f.read()
except ValueError as e:
    print(e)
with open(path, 'w') as f:
    try:
        f.read()
    except OSError as e:
        print(type(e).__name__, e)
    try:
        f.write(b'bytes')
    except TypeError as e:
        print(e)
with open(path, 'x' if False else 'w') as f:
    pass
with open(path) as f:
    print(repr(f.read()), f.readline() == '')

try:
    open(path, 'x')
except FileExistsError as e:
    print(type(e).__name__, e.errno)
with open(path, 'w') as f:
    f.write('x')
print(open(path).read())
open(path, 'w').close()
print(open(path).read() == '')
