# kiln-test: native-only
# io.TextIOWrapper over binary buffers of every kind: BytesIO, a file opened 'rb', a buffer
# class of the program's own; newline modes, encodings, line buffering, detach, seek/tell.
import io, os, tempfile
b = io.BytesIO("héllo\r\nworld\nlast".encode("utf-8"))
t = io.TextIOWrapper(b, encoding="utf-8")
print(repr(t.encoding), t.errors, t.line_buffering, isinstance(t, io.TextIOBase))
print(repr(t.readline()), repr(t.readline()), repr(t.readline()), repr(t.readline()))
print(repr(t.newlines))
t = io.TextIOWrapper(io.BytesIO(b"a\r\nb\rc\nd"), newline="")
print(list(t))
t = io.TextIOWrapper(io.BytesIO(b"a\r\nb\rc\nd"), newline="\r")
print(list(t))
t = io.TextIOWrapper(io.BytesIO(b"abcdefgh"), encoding="ascii")
print(t.read(3), t.read(2), t.read())
out = io.BytesIO()
t = io.TextIOWrapper(out, encoding="utf-8", newline="\r\n", line_buffering=True)
print(t.write("x\ny\n"), out.getvalue())
t.write("zé")
t.flush()
print(out.getvalue())
d = t.detach()
print(d is out)
try:
    t.write("q")
except ValueError as e:
    print("ValueError", e)
path = os.path.join(tempfile.mkdtemp(), "f.txt")
with open(path, "w") as f:
    f.write("one\ntwo\nthree\n")
print(isinstance(f, io.TextIOWrapper), isinstance(io.StringIO(), io.TextIOWrapper))
raw = open(path, "rb")
w = io.TextIOWrapper(raw, "utf-8", line_buffering=True)
w.mode = "r"
print(w.readline(), end="")
print(w.read())
print(w.tell())
w.seek(0)
print([l for l in w])
print(w.name == path, w.closed)
w.close()
print(w.closed, raw.closed)
class Raw:
    def __init__(self, data):
        self.data = data
        self.closed = False
    def readable(self): return True
    def writable(self): return False
    def seekable(self): return False
    def read(self, n=-1):
        r, self.data = self.data[:3], self.data[3:]
        return r
    def close(self): self.closed = True
    def flush(self): pass
w = io.TextIOWrapper(Raw("αβγ\nδ\n".encode()), encoding="utf-8")
print(w.readlines())
try:
    io.TextIOWrapper(io.BytesIO(), encoding=5)
except TypeError as e:
    print("TypeError", e)
try:
    io.TextIOWrapper(io.BytesIO(), newline="x")
except ValueError as e:
    print("ValueError", e)
try:
    io.TextIOWrapper(io.BytesIO(), encoding="nope")
except LookupError as e:
    print("LookupError", e)
print(repr(io.TextIOWrapper(io.BytesIO(), encoding="latin-1")))
print(io.TextIOWrapper(io.BytesIO(b"\xff\xfe"), encoding="utf-8", errors="replace").read())
