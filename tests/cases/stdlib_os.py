# kiln-test: native-only
# os and os.path over kiln's posix: files and directories in a temporary directory the
# program makes and removes, the environment, descriptors, errors.
import os
import os.path
import sys

print(os.name, os.sep, repr(os.linesep), os.curdir, os.pardir, os.pathsep, os.extsep)
print(os.path is sys.modules['os.path'], os.path.__name__)

# os.path, pure
print(os.path.join("a", "b", "c.txt"), os.path.join("/x", "/y", "z"), os.path.join("a/", "b"))
print(os.path.split("/usr/lib/python.py"), os.path.splitext("archive.tar.gz"))
print(os.path.basename("/a/b/c"), os.path.dirname("/a/b/c"), os.path.basename("/a/b/"))
print(os.path.normpath("/a//b/./c/../d"), os.path.normpath("a/../../b"))
print(os.path.isabs("/x"), os.path.isabs("x"), os.path.splitext(".bashrc"))
print(os.path.commonprefix(["/usr/lib", "/usr/local"]), os.path.commonpath(["/usr/lib", "/usr/local"]))
print(os.path.relpath("/a/b/c", "/a/d"), os.path.expanduser("x"), os.path.normcase("AbC"))
print(os.path.join(b"a", b"b"), os.path.splitext(b"f.py"))

# The working directory and a fresh directory of our own under it.
here = os.getcwd()
print(os.path.isabs(here), os.path.abspath("x") == os.path.join(here, "x"))
base = os.path.join(here, "kiln_os_case_%d" % os.getpid())
os.mkdir(base)
print(os.path.exists(base), os.path.isdir(base), os.path.isfile(base))
try:
    os.mkdir(base)
except FileExistsError as e:
    print("FileExistsError", e.errno, e.strerror, e.filename == base)

# Files written with open() and inspected with os.
p = os.path.join(base, "data.txt")
with open(p, "w") as f:
    f.write("hello\nworld\n")
st = os.stat(p)
print(st.st_size, st[6], len(st), type(st).__name__, st.st_mode & 0o170000 == 0o100000)
print(type(st.st_mtime).__name__, type(st.st_mtime_ns).__name__, st.st_mtime_ns // 10**9 == st[8])
print(os.path.getsize(p), os.path.isfile(p), os.path.exists(p + ".no"))
import stat
print(stat.S_ISREG(st.st_mode), stat.S_ISDIR(os.stat(base).st_mode), stat.filemode(st.st_mode)[0])
os.makedirs(os.path.join(base, "sub", "deeper"))
os.makedirs(os.path.join(base, "sub", "deeper"), exist_ok=True)
with open(os.path.join(base, "sub", "b.bin"), "wb") as f:
    f.write(bytes(range(10)))
print(sorted(os.listdir(base)), sorted(os.listdir(os.path.join(base, "sub"))))
with os.scandir(base) as it:
    ents = sorted((e.name, e.is_dir(), e.is_file()) for e in it)
print(ents)
for root, dirs, files in os.walk(base):
    dirs.sort()
    print(os.path.relpath(root, base), sorted(dirs), sorted(files))

# rename / replace / remove
q = os.path.join(base, "moved.txt")
os.rename(p, q)
print(os.path.exists(p), os.path.exists(q))
os.replace(q, p)
print(sorted(os.listdir(base)))

# Descriptors.
fd = os.open(os.path.join(base, "raw.bin"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print(os.write(fd, b"abcdef"), os.lseek(fd, 0, os.SEEK_CUR))
os.close(fd)
fd = os.open(os.path.join(base, "raw.bin"), os.O_RDONLY)
print(os.read(fd, 3), os.read(fd, 100), os.read(fd, 10), os.fstat(fd).st_size)
os.lseek(fd, 1, os.SEEK_SET)
print(os.read(fd, 2))
os.close(fd)

# Errors carry errno, strerror and filename; their message is CPython's.
for f, arg in [(os.stat, "nope"), (os.remove, "nope"), (os.rmdir, "nope"), (os.listdir, "nope")]:
    try:
        f(os.path.join(base, arg))
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, os.path.basename(e.filename))
try:
    os.stat("kiln-no-such-file")
except FileNotFoundError as e:
    print(e)
try:
    os.rename("kiln-no-such-a", "kiln-no-such-b")
except OSError as e:
    print(e)
try:
    os.rmdir(base)
except OSError as e:
    print(type(e).__name__, e.errno)
try:
    os.open("kiln-no-such-file", os.O_RDONLY)
except OSError as e:
    print(e)

# The environment.
os.environ["KILN_CASE_VAR"] = "value 1"
print(os.environ["KILN_CASE_VAR"], os.getenv("KILN_CASE_VAR"), os.environ.get("KILN_NOPE", "dflt"))
print("KILN_CASE_VAR" in os.environ, os.environb[b"KILN_CASE_VAR"])
del os.environ["KILN_CASE_VAR"]
print("KILN_CASE_VAR" in os.environ, os.getenv("KILN_CASE_VAR"))
print(type(os.environ).__name__, isinstance(os.environ.copy(), dict))

# Miscellany.
print(type(os.getpid()).__name__, len(os.urandom(16)), type(os.urandom(4)).__name__)
print(os.fspath("p"), os.fspath(b"p"))
class P:
    def __fspath__(self):
        return "from-fspath"
print(os.fspath(P()), os.path.join(P(), "x"))
try:
    os.fspath(3)
except TypeError as e:
    print(e)
print(os.strerror(2), os.cpu_count() > 0, os.access(base, os.W_OK))
print(os.fsencode("abc"), os.fsdecode(b"abc"))

# Clean up, bottom up.
for root, dirs, files in os.walk(base, topdown=False):
    for name in files:
        os.remove(os.path.join(root, name))
    for name in dirs:
        os.rmdir(os.path.join(root, name))
os.rmdir(base)
print(os.path.exists(base))
