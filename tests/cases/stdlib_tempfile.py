# kiln-test: native-only
# tempfile: temporary directories and files, made and removed (needs random, re and shutil).
import os
import tempfile

with tempfile.TemporaryDirectory() as d:
    print(os.path.isdir(d), os.listdir(d))
    p = os.path.join(d, "x.txt")
    with open(p, "w") as f:
        f.write("hi")
    os.makedirs(os.path.join(d, "sub", "deeper"))
    with open(os.path.join(d, "sub", "deeper", "y.bin"), "wb") as f:
        f.write(b"\0" * 10)
    print(sorted(os.listdir(d)))
print(os.path.exists(d))

t = tempfile.TemporaryDirectory(prefix="kiln-", suffix="-case")
name = os.path.basename(t.name)
print(name.startswith("kiln-"), name.endswith("-case"), os.path.isdir(t.name))
t.cleanup()
print(os.path.exists(t.name))

fd, path = tempfile.mkstemp(suffix=".dat", prefix="k")
print(type(fd).__name__, os.path.basename(path).startswith("k"), path.endswith(".dat"))
os.write(fd, b"abc")
os.close(fd)
print(os.path.getsize(path), oct(os.stat(path).st_mode & 0o777))
os.remove(path)

with tempfile.NamedTemporaryFile("w+", suffix=".txt") as f:
    f.write("data\nmore\n")
    f.flush()
    f.seek(0)
    print(f.read().split(), os.path.exists(f.name), f.name.endswith(".txt"))
    kept = f.name
print(os.path.exists(kept))

with tempfile.NamedTemporaryFile(delete=False) as f:
    f.write(b"stays")
    kept = f.name
with open(kept, "rb") as f:
    print(f.read())
os.unlink(kept)

d = tempfile.mkdtemp()
print(os.path.isdir(d), os.listdir(d), oct(os.stat(d).st_mode & 0o777))
os.rmdir(d)
print(os.path.isdir(tempfile.gettempdir()), type(tempfile.gettempprefix()).__name__)
with tempfile.TemporaryFile() as f:
    f.write(b"xyz")
    f.seek(0)
    print(f.read())
with tempfile.SpooledTemporaryFile(max_size=10) as f:
    f.write(b"spooled")
    print(f._rolled)
    f.write(b" past the limit")
    print(f._rolled)
    f.seek(0)
    print(f.read())
