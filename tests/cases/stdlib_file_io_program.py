# kiln-test: native-only
# A program of many standard modules doing file I/O in a directory it makes and removes (at
# exit, through atexit): a binary record file with struct, a text index, descriptors and
# os.fdopen, io wrappers, checksums with binascii, typed arrays, a walk over the tree.
import array
import atexit
import binascii
import io
import os
import struct
import sys

WORK = os.path.abspath("kiln_program_%d" % os.getpid())
RECORD = struct.Struct("<I16sdh")


def cleanup():
    for root, dirs, files in os.walk(WORK, topdown=False):
        for f in files:
            os.unlink(os.path.join(root, f))
        for d in dirs:
            os.rmdir(os.path.join(root, d))
    os.rmdir(WORK)
    print("cleaned up:", not os.path.exists(WORK))


os.makedirs(os.path.join(WORK, "data", "raw"))
atexit.register(cleanup)

people = [(1, "ada", 36.5, -3), (2, "grace", 85.25, 12), (3, "linus", 0.125, 0), (4, "guido", 1e10, 99)]
path = os.path.join(WORK, "data", "people.bin")
with open(path, "wb") as f:
    for pid, name, score, delta in people:
        f.write(RECORD.pack(pid, name.encode(), score, delta))
print("size", os.path.getsize(path), os.stat(path).st_size == RECORD.size * len(people))

with open(path, "rb") as f:
    blob = f.read()
for rec in RECORD.iter_unpack(blob):
    pid, raw, score, delta = rec
    print(pid, raw.rstrip(b"\0").decode(), score, delta)
with open(path, "rb") as f:
    f.seek(RECORD.size * 2)
    print("third", RECORD.unpack(f.read(RECORD.size))[0], f.tell())
print("crc", binascii.crc32(blob), binascii.hexlify(blob[:8]))

index = os.path.join(WORK, "data", "index.txt")
with open(index, "w", encoding="utf-8", newline="\n") as out:
    for pid, name, score, _ in people:
        print(f"{pid:03d}\t{name:<8}\t{score:>14.3f}", file=out)
with open(index, encoding="utf-8") as f:
    lines = [line.rstrip("\n").split("\t") for line in f]
print(lines[1], len(lines))

fd = os.open(os.path.join(WORK, "data", "raw", "numbers.bin"), os.O_RDWR | os.O_CREAT, 0o600)
nums = array.array("d", (i * 0.5 for i in range(8)))
print("wrote", os.write(fd, nums.tobytes()))
os.lseek(fd, 0, os.SEEK_SET)
back = array.array("d")
back.frombytes(os.read(fd, 1024))
print(back == nums, back[3], sum(back))
os.close(fd)

with os.fdopen(os.open(index, os.O_RDONLY), encoding="utf-8") as f:
    print("fdopen", type(f).__name__, f.readline().split("\t")[1].strip())

opened = []
def opener(p, flags):
    opened.append(os.path.basename(p))
    return os.open(p, flags, 0o644)
with open(os.path.join(WORK, "via-opener.txt"), "w", opener=opener) as f:
    f.write("through the opener\n")
with open(os.path.join(WORK, "via-opener.txt"), opener=opener) as f:
    print(f.read().strip(), opened)

fd = os.open(index, os.O_RDONLY)
f = open(fd, "rb", closefd=False)
print(f.read(3), f.name == fd)
f.close()
print(os.read(fd, 3))
os.close(fd)

buf = io.StringIO()
for root, dirs, files in os.walk(WORK):
    dirs.sort()
    rel = os.path.relpath(root, WORK)
    for name in sorted(files):
        st = os.stat(os.path.join(root, name))
        buf.write("%s %s %d\n" % (rel, name, st.st_size))
print(buf.getvalue(), end="")

log = io.BytesIO()
log.write(struct.pack(">HH", 0xCAFE, len(people)))
log.write(b"".join(p[1].encode() + b"\n" for p in people))
log.seek(0)
magic, count = struct.unpack(">HH", log.read(4))
print(hex(magic), count, log.readline(), log.read().split())

try:
    open(os.path.join(WORK, "missing", "x.txt"))
except FileNotFoundError as e:
    print("missing:", e.errno, e.strerror)
try:
    os.rmdir(os.path.join(WORK, "data"))
except OSError as e:
    print("not empty:", type(e).__name__, e.errno)
sys.exit(0)
