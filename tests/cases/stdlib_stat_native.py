# kiln-test: native-only
# The native _stat module and stat over it: constants, the file-type tests, S_IMODE/S_IFMT,
# filemode, and CPython's conversion errors for a mode.
import os
import _stat
import stat

print(stat.S_ISDIR is _stat.S_ISDIR, stat.filemode is _stat.filemode)
for n in ["S_IFDIR", "S_IFREG", "S_IFLNK", "S_IFSOCK", "S_IFIFO", "S_IFCHR", "S_IFBLK", "S_IFDOOR", "S_ISUID", "S_IRWXU", "UF_HIDDEN", "SF_SNAPSHOT", "ST_MTIME"]:
    print(n, getattr(_stat, n), getattr(stat, n))
modes = [0o040755, 0o100644, 0o120777, 0o140700, 0o010600, 0o020620, 0o060660, 0o104755, 0o102711, 0o041777, 0o100000, 0o170777, 0]
for m in modes:
    print(oct(m), _stat.filemode(m), stat.filemode(m), _stat.S_IMODE(m), _stat.S_IFMT(m),
          [f.__name__ for f in (_stat.S_ISDIR, _stat.S_ISREG, _stat.S_ISLNK, _stat.S_ISSOCK, _stat.S_ISFIFO, _stat.S_ISCHR, _stat.S_ISBLK, _stat.S_ISDOOR, _stat.S_ISPORT, _stat.S_ISWHT) if f(m)])
print(stat.S_ISDIR(os.stat(".").st_mode), stat.S_ISREG(os.stat(".").st_mode), _stat.S_ISDIR(True))
for f, a in [(_stat.S_ISDIR, "x"), (_stat.S_ISREG, -1), (_stat.S_IMODE, 2 ** 40), (_stat.filemode, 2 ** 32), (_stat.filemode, 2 ** 70), (_stat.S_IFMT, 1.5), (_stat.S_ISLNK, None)]:
    try:
        print(f(a))
    except Exception as e:
        print(type(e).__name__, e)
try:
    _stat.S_ISDIR(1, 2)
except TypeError as e:
    print("TypeError", str(e).replace("_stat.", ""))
stat.filemode("rw")
