# kiln-test: native-only
# io: open() in text and binary modes, encodings, line iteration, seek/tell, StringIO,
# BytesIO, the io classes; files live in a directory the program makes and removes.
import io
import os

base = "kiln_io_case_%d" % os.getpid()
os.mkdir(base)
p = os.path.join(base, "t.txt")

with open(p, "w", encoding="utf-8") as f:
    print(type(f).__name__, isinstance(f, io.TextIOWrapper), isinstance(f, io.TextIOBase))
    print(isinstance(f, io.IOBase), f.writable(), f.readable(), f.encoding, f.mode)
    print(f.write("héllo\n"), f.write("second line\nthird"))
    f.writelines(["\n", "fourth\n"])
print(f.closed)
with open(p, encoding="utf-8") as f:
    print(f.readline(), end="")
    print(f.readlines())
with open(p, encoding="utf-8") as f:
    for i, line in enumerate(f):
        print(i, repr(line))
with open(p, "rb") as f:
    print(type(f).__name__, isinstance(f, io.BufferedReader), isinstance(f, io.BufferedIOBase))
    data = f.read()
    print(len(data), data[:7], f.tell())
    f.seek(2)
    print(f.read(3), f.tell())
    f.seek(-3, io.SEEK_END)
    print(f.read())
with open(p, "ab") as f:
    print(type(f).__name__, f.write(b"tail\n"))
with open(p, "r+b") as f:
    print(type(f).__name__, f.read(1))
with open(p, encoding="latin-1") as f:
    print(repr(f.read(4)))
with open(os.path.join(base, "a.txt"), "w", encoding="ascii") as f:
    f.write("plain")
try:
    with open(os.path.join(base, "a.txt"), "w", encoding="ascii") as f:
        f.write("é")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e.reason)
try:
    open(os.path.join(base, "missing.txt"))
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.strerror)
with open(p, "rb", buffering=0) as f:
    print(f.read(2))
with open(p) as f:
    try:
        f.write("x")
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation", e, isinstance(e, OSError), isinstance(e, ValueError))

# StringIO
s = io.StringIO()
print(s.write("abc"), s.write("\ndef\n"), s.tell())
print(repr(s.getvalue()))
s.seek(0)
print(repr(s.readline()), repr(s.read()), repr(s.read()))
s = io.StringIO("one\ntwo\nthree")
print(list(s), s.readable(), s.seekable())
s.seek(4)
s.write("TWO")
print(repr(s.getvalue()), s.tell())
s.truncate(3)
print(repr(s.getvalue()))
with io.StringIO("x\ny\n") as s:
    print(s.readlines())
print(s.closed)
try:
    s.read()
except ValueError as e:
    print(e)
try:
    io.StringIO().write(b"x")
except TypeError as e:
    print(e)
print(repr(io.StringIO("a\r\nb", newline=None).read()))
print(print("to a StringIO", file=(buf := io.StringIO())), repr(buf.getvalue()))

# BytesIO
b = io.BytesIO(b"0123456789")
print(b.read(3), b.tell(), b.seek(-2, 2), b.read(), b.read())
b.seek(0)
b.write(b"ab")
print(b.getvalue(), b.tell())
b.seek(12)
b.write(b"Z")
print(b.getvalue())
b = io.BytesIO()
b.write(b"line1\nline2\n")
b.seek(0)
print(b.readline(), list(b))
try:
    b.write("str")
except TypeError as e:
    print(e)
print(isinstance(b, io.BufferedIOBase), isinstance(io.StringIO(), io.TextIOBase))
print(io.DEFAULT_BUFFER_SIZE, io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)

for name in sorted(os.listdir(base)):
    os.remove(os.path.join(base, name))
os.rmdir(base)
print(os.path.exists(base))
