# kiln's `posix`: the module `os` is made of, over the system calls of the runtime's
# `_kiln_posix`. This side gives them CPython's signatures (keywords, defaults, `fspath` of
# path-like objects) and result types (`stat_result`, `DirEntry`, `uname_result`); the calls
# and their OSErrors come from the runtime. Flags are Linux's generic values (x86-64, aarch64).
import _kiln_posix as _raw

error = OSError

F_OK = 0
R_OK = 4
W_OK = 2
X_OK = 1
O_RDONLY = 0
O_WRONLY = 1
O_RDWR = 2
O_ACCMODE = 3
O_CREAT = 0o100
O_EXCL = 0o200
O_NOCTTY = 0o400
O_TRUNC = 0o1000
O_APPEND = 0o2000
O_NONBLOCK = 0o4000
O_NDELAY = O_NONBLOCK
O_DSYNC = 0o10000
O_SYNC = 0o4010000
O_CLOEXEC = 0o2000000
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
EX_OK = 0
EX_USAGE = 64
EX_DATAERR = 65
EX_NOINPUT = 66
EX_SOFTWARE = 70
EX_OSERR = 71
EX_IOERR = 74
WNOHANG = 1
P_WAIT = 0
P_NOWAIT = 1

_have_functions = []


def fspath(path):
    if isinstance(path, (str, bytes)):
        return path
    path_type = type(path)
    try:
        path_repr = path_type.__fspath__(path)
    except AttributeError:
        if hasattr(path_type, '__fspath__'):
            raise
        raise TypeError("expected str, bytes or os.PathLike object, not "
                        + path_type.__name__) from None
    if isinstance(path_repr, (str, bytes)):
        return path_repr
    raise TypeError("expected {}.__fspath__() to return str or bytes, not {}"
                    .format(path_type.__name__, type(path_repr).__name__))


def _path(path, name='path'):
    if isinstance(path, (str, bytes)):
        return path
    if hasattr(type(path), '__fspath__'):
        return fspath(path)
    raise TypeError("{}: {} should be string, bytes or os.PathLike, not {}"
                    .format(name, 'path', type(path).__name__))


def _no_dir_fd(dir_fd):
    if dir_fd is not None:
        raise NotImplementedError("dir_fd unavailable on this platform")


class stat_result(tuple):
    n_sequence_fields = 10
    n_fields = 19
    n_unnamed_fields = 3
    _names = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid',
              'st_size', 'st_atime', 'st_mtime', 'st_ctime')

    def __new__(cls, seq, extra=None):
        seq = tuple(seq)
        if len(seq) < 10:
            raise TypeError("os.stat_result() takes an at least 10-sequence (%d-sequence given)"
                            % len(seq))
        self = tuple.__new__(cls, seq[:10])
        if extra:
            for name, value in extra.items():
                setattr(self, name, value)
        return self

    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])

    def __repr__(self):
        return 'os.stat_result(' + ', '.join(
            '%s=%r' % (n, v) for n, v in zip(self._names, self)) + ')'



def _stat_result(t):
    mode, ino, dev, nlink, uid, gid, size, atime_ns, mtime_ns, ctime_ns, blksize, blocks, rdev = t
    extra = {
        'st_atime': atime_ns / 1e9, 'st_mtime': mtime_ns / 1e9, 'st_ctime': ctime_ns / 1e9,
        'st_atime_ns': atime_ns, 'st_mtime_ns': mtime_ns, 'st_ctime_ns': ctime_ns,
        'st_blksize': blksize, 'st_blocks': blocks, 'st_rdev': rdev,
    }
    return stat_result((mode, ino, dev, nlink, uid, gid, size,
                        atime_ns // 1000000000, mtime_ns // 1000000000,
                        ctime_ns // 1000000000), extra)


def stat(path, *, dir_fd=None, follow_symlinks=True):
    _no_dir_fd(dir_fd)
    if not isinstance(path, int):
        path = _path(path)
    return _stat_result(_raw.stat(path, follow_symlinks))


def lstat(path, *, dir_fd=None):
    _no_dir_fd(dir_fd)
    return _stat_result(_raw.stat(_path(path), False))


def fstat(fd):
    return _stat_result(_raw.stat(fd, True))


class terminal_size(tuple):
    def __new__(cls, seq):
        return tuple.__new__(cls, seq)
    columns = property(lambda self: self[0])
    lines = property(lambda self: self[1])

    def __repr__(self):
        return 'os.terminal_size(columns=%r, lines=%r)' % tuple(self)


def get_terminal_size(fd=1):
    raise OSError(25, 'Inappropriate ioctl for device')


class uname_result(tuple):
    _names = ('sysname', 'nodename', 'release', 'version', 'machine')

    def __new__(cls, seq):
        return tuple.__new__(cls, seq)
    sysname = property(lambda self: self[0])
    nodename = property(lambda self: self[1])
    release = property(lambda self: self[2])
    version = property(lambda self: self[3])
    machine = property(lambda self: self[4])

    def __repr__(self):
        return 'posix.uname_result(' + ', '.join(
            '%s=%r' % (n, v) for n, v in zip(self._names, self)) + ')'


def uname():
    return uname_result(_raw.uname())


def listdir(path=None):
    if path is None:
        path = '.'
    return _raw.listdir(_path(path))


class DirEntry:
    def __init__(self, dirpath, name, kind):
        self.name = name
        if isinstance(name, bytes):
            self.path = dirpath + name if dirpath.endswith(b'/') else dirpath + b'/' + name
        else:
            self.path = dirpath + name if dirpath.endswith('/') else dirpath + '/' + name
        self._kind = kind
        self._stat = None
        self._lstat = None

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return '<DirEntry %r>' % (self.name,)

    def is_symlink(self):
        if self._kind:
            return self._kind == 2
        try:
            return self.stat(follow_symlinks=False).st_mode & 0o170000 == 0o120000
        except FileNotFoundError:
            return False

    def _is(self, fmt, follow_symlinks):
        if self._kind and self._kind != 2:
            return self._kind == (1 if fmt == 0o040000 else 3)
        if self._kind == 2 and not follow_symlinks:
            return False
        try:
            return self.stat(follow_symlinks=follow_symlinks).st_mode & 0o170000 == fmt
        except FileNotFoundError:
            return False

    def is_dir(self, *, follow_symlinks=True):
        return self._is(0o040000, follow_symlinks)

    def is_file(self, *, follow_symlinks=True):
        return self._is(0o100000, follow_symlinks)

    def is_junction(self):
        return False

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks:
            if self._stat is None:
                if self.is_symlink():
                    self._stat = stat(self.path)
                else:
                    self._stat = self.stat(follow_symlinks=False)
            return self._stat
        if self._lstat is None:
            self._lstat = lstat(self.path)
        return self._lstat

    def inode(self):
        return self.stat(follow_symlinks=False).st_ino

    @classmethod
    def __class_getitem__(cls, item):
        return cls


class _ScandirIterator:
    def __init__(self, path, entries):
        self._path = path
        self._entries = entries
        self._pos = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._entries is None or self._pos >= len(self._entries):
            raise StopIteration
        name, kind = self._entries[self._pos]
        self._pos += 1
        return DirEntry(self._path, name, kind)

    def close(self):
        self._entries = None

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def scandir(path=None):
    if path is None:
        path = '.'
    path = _path(path)
    return _ScandirIterator(path, _raw.dir_types(path))


def getcwd():
    return _raw.getcwd()


def getcwdb():
    return _raw.getcwdb()


def chdir(path):
    _raw.chdir(_path(path))


def mkdir(path, mode=0o777, *, dir_fd=None):
    _no_dir_fd(dir_fd)
    _raw.mkdir(_path(path), mode)


def rmdir(path, *, dir_fd=None):
    _no_dir_fd(dir_fd)
    _raw.rmdir(_path(path))


def unlink(path, *, dir_fd=None):
    _no_dir_fd(dir_fd)
    _raw.unlink(_path(path))


def remove(path, *, dir_fd=None):
    _no_dir_fd(dir_fd)
    _raw.unlink(_path(path))


def rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    _raw.rename(_path(src, 'src'), _path(dst, 'dst'))


def replace(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    _raw.rename(_path(src, 'src'), _path(dst, 'dst'))


def symlink(src, dst, target_is_directory=False, *, dir_fd=None):
    _raw.symlink(_path(src, 'src'), _path(dst, 'dst'))


def link(src, dst, *, src_dir_fd=None, dst_dir_fd=None, follow_symlinks=True):
    _raw.link(_path(src, 'src'), _path(dst, 'dst'))


def readlink(path, *, dir_fd=None):
    return _raw.readlink(_path(path))


def chmod(path, mode, *, dir_fd=None, follow_symlinks=True):
    _raw.chmod(_path(path), mode)


def utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True):
    if times is not None and ns is not None:
        raise ValueError("utime: you may specify either 'times' or 'ns' but not both")
    if ns is None:
        if times is None:
            import time
            now = time.time_ns()
            ns = (now, now)
        else:
            ns = (int(times[0] * 1e9), int(times[1] * 1e9))
    _raw.utime(_path(path), ns[0], ns[1])


def access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True):
    return _raw.access(_path(path), mode)


def open(path, flags, mode=0o777, *, dir_fd=None):
    _no_dir_fd(dir_fd)
    return _raw.open(_path(path), flags, mode)


def close(fd):
    _raw.close(fd)


def closerange(fd_low, fd_high):
    for fd in range(fd_low, fd_high):
        try:
            _raw.close(fd)
        except OSError:
            pass


def read(fd, length):
    return _raw.read(fd, length)


def write(fd, data):
    return _raw.write(fd, data)


def lseek(fd, position, whence):
    return _raw.lseek(fd, position, whence)


def dup(fd):
    return _raw.dup(fd)


def dup2(fd, fd2, inheritable=True):
    return _raw.dup2(fd, fd2)


def fsync(fd):
    if not isinstance(fd, int):
        fd = fd.fileno()
    _raw.fsync(fd)


def ftruncate(fd, length):
    _raw.ftruncate(fd, length)


def truncate(path, length):
    if isinstance(path, int):
        return _raw.ftruncate(path, length)
    fd = _raw.open(_path(path), O_WRONLY, 0)
    try:
        _raw.ftruncate(fd, length)
    finally:
        _raw.close(fd)


def isatty(fd):
    return _raw.isatty(fd)


def pipe():
    return _raw.pipe()


def get_inheritable(fd):
    return False


def set_inheritable(fd, inheritable):
    pass


def get_blocking(fd):
    return True


def device_encoding(fd):
    return None


def getpid():
    return _raw.ids()[0]


def getppid():
    return _raw.ids()[1]


def getuid():
    return _raw.ids()[2]


def geteuid():
    return _raw.ids()[3]


def getgid():
    return _raw.ids()[4]


def getegid():
    return _raw.ids()[5]


def umask(mask):
    return _raw.umask(mask)


def strerror(code):
    return _raw.strerror(code)


def urandom(size):
    return _raw.urandom(size)


def _exit(status):
    _raw._exit(status)


def kill(pid, signal):
    _raw.kill(pid, signal)


def putenv(name, value):
    _raw.putenv(name, value)


def unsetenv(name):
    _raw.unsetenv(name)


def cpu_count():
    return _raw.cpu_count()


def WIFEXITED(status):
    return status & 0x7f == 0


def WEXITSTATUS(status):
    return (status >> 8) & 0xff


def WIFSIGNALED(status):
    return ((status & 0x7f) + 1) >> 1 > 0 and status & 0x7f != 0x7f


def WTERMSIG(status):
    return status & 0x7f


def waitstatus_to_exitcode(status):
    if WIFEXITED(status):
        return WEXITSTATUS(status)
    if WIFSIGNALED(status):
        return -WTERMSIG(status)
    raise ValueError("invalid wait status: %r" % status)


environ = dict(_raw.environ())
