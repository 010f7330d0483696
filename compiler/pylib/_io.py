# kiln's `_io`, which `io` imports: the runtime's file objects (what `open` returns:
# TextIOWrapper, BufferedReader, BufferedWriter, BufferedRandom) under their names, the base
# classes `io` derives its ABCs from, and in Python the in-memory streams StringIO and BytesIO,
# FileIO over descriptors, and IncrementalNewlineDecoder.
import _kiln
import _kiln_posix

TextIOWrapper, BufferedReader, BufferedWriter, BufferedRandom, UnsupportedOperation = \
    _kiln.io_types()

DEFAULT_BUFFER_SIZE = 8192
BlockingIOError = BlockingIOError
open = open


def open_code(path):
    if not isinstance(path, str):
        raise TypeError("open_code() argument 'path' must be str, not %s"
                        % type(path).__name__)
    return open(path, "rb")


def text_encoding(encoding, stacklevel=2):
    if encoding is None:
        return "locale"
    return encoding


class _IOBase:
    def _checkClosed(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readable(self):
        return False

    def writable(self):
        return False

    def seekable(self):
        return False

    def isatty(self):
        self._checkClosed()
        return False

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def flush(self):
        self._checkClosed()

    def close(self):
        self._closed = True

    @property
    def closed(self):
        return getattr(self, '_closed', False)

    def readlines(self, hint=-1):
        if hint is None or hint <= 0:
            return list(self)
        lines = []
        n = 0
        for line in self:
            lines.append(line)
            n += len(line)
            if n >= hint:
                break
        return lines

    def writelines(self, lines):
        self._checkClosed()
        for line in lines:
            self.write(line)

    def truncate(self, pos=None):
        raise UnsupportedOperation("truncate")

    def seek(self, pos, whence=0):
        raise UnsupportedOperation("seek")

    def tell(self):
        return self.seek(0, 1)


class _RawIOBase(_IOBase):
    def read(self, size=-1):
        if size is None or size < 0:
            return self.readall()
        b = bytearray(size)
        n = self.readinto(b)
        if n is None:
            return None
        return bytes(b[:n])

    def readall(self):
        res = bytearray()
        while True:
            data = self.read(DEFAULT_BUFFER_SIZE)
            if not data:
                break
            res += data
        return bytes(res)


class _BufferedIOBase(_IOBase):
    def detach(self):
        raise UnsupportedOperation("detach")


class _TextIOBase(_IOBase):
    encoding = None
    errors = None
    newlines = None

    def detach(self):
        raise UnsupportedOperation("detach")


class StringIO(_TextIOBase):
    def _checkClosed(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    def __init__(self, initial_value='', newline='\n'):
        if newline is not None and not isinstance(newline, str):
            raise TypeError("newline must be str or None, not %s" % type(newline).__name__)
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError("illegal newline value: %r" % (newline,))
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s"
                            % type(initial_value).__name__)
        self._newline = newline
        self._buf = ''
        self._chunks = []
        self._size = 0
        self._pos = 0
        self._closed = False
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    def _join(self):
        if self._chunks:
            self._buf += ''.join(self._chunks)
            self._chunks = []

    def _translate(self, s):
        nl = self._newline
        if nl is None:
            return s.replace('\r\n', '\n').replace('\r', '\n')
        if nl in ('\r', '\r\n'):
            return s.replace('\n', nl)
        return s

    def getvalue(self):
        self._checkClosed()
        self._join()
        return self._buf

    def write(self, s):
        self._checkClosed()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        n = len(s)
        s = self._translate(s)
        if self._pos == self._size:
            self._chunks.append(s)
            self._pos += len(s)
            self._size = self._pos
            return n
        self._join()
        buf = self._buf
        if self._pos > len(buf):
            buf += '\0' * (self._pos - len(buf))
        self._buf = buf[:self._pos] + s + buf[self._pos + len(s):]
        self._size = len(self._buf)
        self._pos += len(s)
        return n

    def read(self, size=-1):
        self._checkClosed()
        if size is not None and not isinstance(size, int):
            raise TypeError("argument should be integer or None, not '%s'" % type(size).__name__)
        self._join()
        if size is None or size < 0:
            size = len(self._buf)
        r = self._buf[self._pos:self._pos + size]
        self._pos += len(r)
        return r

    def readline(self, size=-1):
        self._checkClosed()
        if size is not None and not isinstance(size, int):
            raise TypeError("integer argument expected, got '%s'" % type(size).__name__)
        self._join()
        buf = self._buf
        end = len(buf)
        if self._newline == '':
            i = self._pos
            while i < end:
                c = buf[i]
                i += 1
                if c == '\n':
                    break
                if c == '\r':
                    if i < end and buf[i] == '\n':
                        i += 1
                    break
            stop = i
        else:
            nl = self._newline if self._newline in ('\r', '\r\n') else '\n'
            i = buf.find(nl, self._pos)
            stop = end if i < 0 else i + len(nl)
        if size is not None and size >= 0:
            stop = min(stop, self._pos + size)
        r = buf[self._pos:stop]
        self._pos = max(self._pos, stop) if r else self._pos
        return r

    def seek(self, pos, whence=0):
        self._checkClosed()
        if not isinstance(pos, int):
            raise TypeError("an integer is required")
        self._join()
        if whence == 0:
            if pos < 0:
                raise ValueError("Negative seek position %d" % pos)
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = len(self._buf)
        else:
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._pos

    def tell(self):
        self._checkClosed()
        return self._pos

    def truncate(self, pos=None):
        self._checkClosed()
        self._join()
        if pos is None:
            pos = self._pos
        if pos < 0:
            raise ValueError("Negative size value %d" % pos)
        self._buf = self._buf[:pos]
        self._size = len(self._buf)
        return pos

    def readable(self):
        self._checkClosed()
        return True

    def writable(self):
        self._checkClosed()
        return True

    def seekable(self):
        self._checkClosed()
        return True

    @property
    def line_buffering(self):
        return False

    @property
    def newlines(self):
        return None

    def close(self):
        self._closed = True
        self._buf = ''
        self._chunks = []

    @property
    def closed(self):
        return self._closed

    def __getstate__(self):
        raise TypeError("cannot pickle 'StringIO' object")


def _bytes_like(b):
    if isinstance(b, (bytes, bytearray)):
        return b
    if isinstance(b, memoryview):
        return b.tobytes()
    raise TypeError("a bytes-like object is required, not '%s'" % type(b).__name__)


class BytesIO(_BufferedIOBase):
    def __init__(self, initial_bytes=b''):
        self._buf = bytearray(_bytes_like(initial_bytes)) if initial_bytes is not None \
            else bytearray()
        self._pos = 0
        self._closed = False

    def getvalue(self):
        self._checkClosed()
        return bytes(self._buf)

    def getbuffer(self):
        self._checkClosed()
        return memoryview(self._buf)

    def write(self, b):
        self._checkClosed()
        b = _bytes_like(b)
        n = len(b)
        buf = self._buf
        pos = self._pos
        if pos == len(buf):
            buf += b
        else:
            if pos > len(buf):
                buf += bytes(pos - len(buf))
            buf[pos:pos + n] = b
        self._pos = pos + n
        return n

    def read(self, size=-1):
        self._checkClosed()
        if size is not None and not isinstance(size, int):
            raise TypeError("argument should be integer or None, not '%s'" % type(size).__name__)
        if size is None or size < 0:
            size = len(self._buf)
        r = bytes(self._buf[self._pos:self._pos + size])
        self._pos += len(r)
        return r

    read1 = read

    def readinto(self, b):
        data = self.read(len(b))
        n = len(data)
        b[:n] = data
        return n

    def readline(self, size=-1):
        self._checkClosed()
        buf = self._buf
        i = buf.find(b'\n', self._pos)
        stop = len(buf) if i < 0 else i + 1
        if size is not None and size >= 0:
            stop = min(stop, self._pos + size)
        r = bytes(buf[self._pos:stop])
        self._pos += len(r)
        return r

    def seek(self, pos, whence=0):
        self._checkClosed()
        if not isinstance(pos, int):
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(pos).__name__)
        if whence == 0:
            if pos < 0:
                raise ValueError("negative seek value %d" % pos)
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError("invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._pos

    def tell(self):
        self._checkClosed()
        return self._pos

    def truncate(self, pos=None):
        self._checkClosed()
        if pos is None:
            pos = self._pos
        if pos < 0:
            raise ValueError("negative size value %d" % pos)
        del self._buf[pos:]
        return pos

    def readable(self):
        self._checkClosed()
        return True

    def writable(self):
        self._checkClosed()
        return True

    def seekable(self):
        self._checkClosed()
        return True

    def close(self):
        self._closed = True

    @property
    def closed(self):
        return self._closed


class FileIO(_RawIOBase):
    def __init__(self, file, mode='r', closefd=True, opener=None):
        self._closed = True
        if isinstance(file, float):
            raise TypeError("integer argument expected, got float")
        plus = '+' in mode
        kind = mode.replace('b', '').replace('+', '')
        if kind not in ('r', 'w', 'a', 'x') or len(kind) != 1:
            raise ValueError("invalid mode: %s" % mode)
        self._readable = kind == 'r' or plus
        self._writable = kind != 'r' or plus
        flags = 2 if plus else (0 if kind == 'r' else 1)
        flags |= {'r': 0, 'w': 0o1100, 'a': 0o2100, 'x': 0o300}[kind]
        self._closefd = closefd
        if isinstance(file, int):
            self._fd = file
        else:
            if not closefd:
                raise ValueError("Cannot use closefd=False with file name")
            if opener is not None:
                self._fd = opener(file, flags)
            else:
                self._fd = _kiln_posix.open(file, flags, 0o666)
        self.name = file
        self.mode = {'r': 'rb', 'w': 'wb', 'a': 'ab', 'x': 'xb'}[kind] \
            if not plus else {'r': 'rb+', 'w': 'rb+', 'a': 'ab+', 'x': 'xb+'}[kind]
        self._closed = False

    def fileno(self):
        self._checkClosed()
        return self._fd

    def read(self, size=-1):
        self._checkClosed()
        if not self._readable:
            raise UnsupportedOperation("File not open for reading")
        if size is None or size < 0:
            return self.readall()
        return _kiln_posix.read(self._fd, size)

    def readall(self):
        chunks = []
        while True:
            data = _kiln_posix.read(self._fd, DEFAULT_BUFFER_SIZE)
            if not data:
                break
            chunks.append(data)
        return b''.join(chunks)

    def readinto(self, b):
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)

    def write(self, b):
        self._checkClosed()
        if not self._writable:
            raise UnsupportedOperation("File not open for writing")
        return _kiln_posix.write(self._fd, _bytes_like(b))

    def seek(self, pos, whence=0):
        self._checkClosed()
        return _kiln_posix.lseek(self._fd, pos, whence)

    def tell(self):
        return self.seek(0, 1)

    def truncate(self, size=None):
        if size is None:
            size = self.tell()
        _kiln_posix.ftruncate(self._fd, size)
        return size

    def readable(self):
        self._checkClosed()
        return self._readable

    def writable(self):
        self._checkClosed()
        return self._writable

    def seekable(self):
        self._checkClosed()
        return True

    def isatty(self):
        self._checkClosed()
        return _kiln_posix.isatty(self._fd)

    def close(self):
        if not self._closed:
            self._closed = True
            if self._closefd:
                _kiln_posix.close(self._fd)

    @property
    def closed(self):
        return self._closed

    @property
    def closefd(self):
        return self._closefd

    def __repr__(self):
        if self._closed:
            return "<_io.FileIO [closed]>"
        return "<_io.FileIO name=%r mode=%r closefd=%r>" % (self.name, self.mode, self._closefd)


class BufferedRWPair(_BufferedIOBase):
    def __init__(self, reader, writer, buffer_size=DEFAULT_BUFFER_SIZE):
        self.reader = reader
        self.writer = writer

    def read(self, size=-1):
        return self.reader.read(size)

    def write(self, b):
        return self.writer.write(b)

    def close(self):
        self.writer.close()
        self.reader.close()

    @property
    def closed(self):
        return self.writer.closed


class IncrementalNewlineDecoder:
    def __init__(self, decoder, translate, errors='strict'):
        self.decoder = decoder
        self.translate = translate
        self.errors = errors
        self.pendingcr = False
        self._seen = 0

    def decode(self, input, final=False):
        output = input if self.decoder is None else self.decoder.decode(input, final=final)
        if self.pendingcr and (output or final):
            output = '\r' + output
            self.pendingcr = False
        if output.endswith('\r') and not final:
            output = output[:-1]
            self.pendingcr = True
        crlf = output.count('\r\n')
        cr = output.count('\r') - crlf
        lf = output.count('\n') - crlf
        self._seen |= (lf and 1) | (cr and 2) | (crlf and 4)
        if self.translate:
            if crlf:
                output = output.replace('\r\n', '\n')
            if cr:
                output = output.replace('\r', '\n')
        return output

    def getstate(self):
        return (b'', 1 if self.pendingcr else 0)

    def setstate(self, state):
        self.pendingcr = bool(state[1] & 1)

    def reset(self):
        self._seen = 0
        self.pendingcr = False

    @property
    def newlines(self):
        return (None, "\n", "\r", ("\r", "\n"), "\r\n", ("\n", "\r\n"),
                ("\r", "\r\n"), ("\r", "\n", "\r\n"))[self._seen]
