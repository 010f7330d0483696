# kiln's `_io`, which `io` imports: the runtime's file objects (what `open` returns:
# BufferedReader, BufferedWriter, BufferedRandom, and text files) under their names, the base
# classes `io` derives its ABCs from, and in Python the in-memory streams StringIO and BytesIO,
# FileIO over descriptors, IncrementalNewlineDecoder, and TextIOWrapper over any binary
# buffer (the runtime's text files count as its instances).
import _kiln
import _kiln_posix
import sys

_FileText, BufferedReader, BufferedWriter, BufferedRandom, UnsupportedOperation = \
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


_Stream = type(getattr(sys, '__stdout__', None) or sys.stdout)


class _TextIOWrapperType(type):
    # The text files `open` makes and the standard streams are the runtime's own objects;
    # they answer to isinstance(f, TextIOWrapper) as CPython's do.
    def __instancecheck__(cls, obj):
        if cls is TextIOWrapper and isinstance(obj, (_FileText, _Stream)):
            return True
        return type.__instancecheck__(cls, obj)

    def __subclasscheck__(cls, sub):
        if cls is TextIOWrapper and sub in (_FileText, _Stream):
            return True
        return type.__subclasscheck__(cls, sub)


def _check_text_arg(name, value):
    if value is not None and not isinstance(value, str):
        raise TypeError("TextIOWrapper() argument '%s' must be str or None, not %s"
                        % (name, type(value).__name__))


class TextIOWrapper(_TextIOBase, metaclass=_TextIOWrapperType):
    _CHUNK_SIZE = DEFAULT_BUFFER_SIZE

    def __init__(self, buffer, encoding=None, errors=None, newline=None,
                 line_buffering=False, write_through=False):
        self._buffer = None
        _check_text_arg('encoding', encoding)
        _check_text_arg('errors', errors)
        _check_text_arg('newline', newline)
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError("illegal newline value: %s" % (newline,))
        if encoding is None or encoding == 'locale':
            encoding = 'utf-8' if sys.version_info >= (3, 11) else 'UTF-8'
        import codecs
        info = codecs.lookup(encoding)
        if getattr(info, '_is_text_encoding', True) is False:
            raise LookupError("%r is not a text encoding; use codecs.open() to handle "
                              "arbitrary codecs" % encoding)
        if errors is None:
            errors = 'strict'
        self._buffer = buffer
        self._encoding = encoding
        self._errors = errors
        self._info = info
        self._readuniversal = not newline
        self._readtranslate = newline is None
        self._readnl = newline
        self._writetranslate = newline != ''
        self._writenl = newline or '\n'
        self._line_buffering = bool(line_buffering)
        self._write_through = bool(write_through)
        self._decoder = None
        self._encoder = None
        # Decoded text not yet handed out, from the character `_pos` on.
        self._text = ''
        self._pos = 0
        self._eof = False

    # The buffer, and what the wrapper reports of it.

    def _checkAttached(self):
        if self._buffer is None:
            raise ValueError("underlying buffer has been detached")
        return self._buffer

    def _checkClosed(self):
        if self._checkAttached().closed:
            raise ValueError("I/O operation on closed file.")

    @property
    def buffer(self):
        return self._checkAttached()

    @property
    def encoding(self):
        return self._encoding

    @property
    def errors(self):
        return self._errors

    @property
    def line_buffering(self):
        return self._line_buffering

    @property
    def write_through(self):
        return self._write_through

    @property
    def name(self):
        return self._checkAttached().name

    @property
    def closed(self):
        return self._checkAttached().closed

    @property
    def newlines(self):
        d = self._decoder
        return d.newlines if d is not None and self._readuniversal else None

    def fileno(self):
        return self._checkAttached().fileno()

    def isatty(self):
        return self._checkAttached().isatty()

    def readable(self):
        return self._checkAttached().readable()

    def writable(self):
        return self._checkAttached().writable()

    def seekable(self):
        return self._checkAttached().seekable()

    def flush(self):
        self._checkClosed()
        self._buffer.flush()

    def close(self):
        buf = self._checkAttached()
        if not buf.closed:
            try:
                self.flush()
            finally:
                buf.close()

    def detach(self):
        buf = self._checkAttached()
        self.flush()
        self._buffer = None
        return buf

    def __repr__(self):
        r = "<_io.TextIOWrapper"
        try:
            name = self.name
        except Exception:
            pass
        else:
            r += " name=%r" % (name,)
        try:
            mode = self.mode
        except Exception:
            pass
        else:
            r += " mode=%r" % (mode,)
        return r + " encoding=%r>" % (self._encoding,)

    def __getstate__(self):
        raise TypeError("cannot pickle 'TextIOWrapper' object")

    # Writing.

    def write(self, s):
        self._checkClosed()
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        n = len(s)
        flush = self._line_buffering and ('\n' in s or '\r' in s)
        if self._writetranslate and self._writenl != '\n':
            s = s.replace('\n', self._writenl)
        if self._encoder is None:
            self._encoder = self._info.incrementalencoder(self._errors)
        if self._text:
            # Text read ahead is dropped: the buffer's position is where writing goes on.
            self._rewind()
        self._buffer.write(self._encoder.encode(s))
        if flush or self._write_through:
            self._buffer.flush()
        return n

    # Reading.

    def _get_decoder(self):
        if self._decoder is None:
            d = self._info.incrementaldecoder(self._errors)
            if self._readuniversal:
                d = IncrementalNewlineDecoder(d, self._readtranslate)
            self._decoder = d
        return self._decoder

    def _read_chunk(self):
        # Decodes one more chunk of the buffer; False at the end of it.
        if self._eof:
            return False
        buf = self._buffer
        read1 = getattr(buf, 'read1', None)
        data = read1(self._CHUNK_SIZE) if read1 is not None else buf.read(self._CHUNK_SIZE)
        if data is None:
            data = b''
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError("underlying read1() should have returned a bytes-like object, "
                            "not '%s'" % type(data).__name__)
        final = not data
        text = self._get_decoder().decode(bytes(data), final)
        if self._pos:
            self._text = self._text[self._pos:]
            self._pos = 0
        self._text += text
        if final:
            self._eof = True
        return not final

    def _take(self, n):
        r = self._text[self._pos:self._pos + n]
        self._pos += len(r)
        return r

    def read(self, size=-1):
        self._checkClosed()
        if size is not None and not isinstance(size, int):
            raise TypeError("argument should be integer or None, not '%s'"
                            % type(size).__name__)
        if not self._buffer.readable():
            raise UnsupportedOperation("not readable")
        if size is None or size < 0:
            while self._read_chunk():
                pass
            return self._take(len(self._text))
        while len(self._text) - self._pos < size and self._read_chunk():
            pass
        return self._take(size)

    def _line_end(self, start):
        # Where the line from `start` ends in the decoded text (after its terminator), or -1
        # when the text has no terminator yet.
        t = self._text
        if self._readtranslate:
            i = t.find('\n', start)
            return -1 if i < 0 else i + 1
        if self._readuniversal:
            n = t.find('\n', start)
            r = t.find('\r', start)
            if r < 0 or (0 <= n < r):
                return -1 if n < 0 else n + 1
            if r + 1 < len(t):
                return r + 2 if t[r + 1] == '\n' else r + 1
            # A '\r' at the end: a '\n' may follow in the next chunk.
            return r + 1 if self._eof else -1
        i = t.find(self._readnl, start)
        return -1 if i < 0 else i + len(self._readnl)

    def readline(self, size=-1):
        self._checkClosed()
        if size is not None and not isinstance(size, int):
            raise TypeError("integer argument expected, got '%s'" % type(size).__name__)
        if size is None:
            size = -1
        while True:
            end = self._line_end(self._pos)
            if end >= 0 or 0 <= size <= len(self._text) - self._pos:
                break
            if not self._read_chunk():
                end = self._line_end(self._pos)
                break
        if end < 0:
            end = len(self._text)
        n = end - self._pos
        if 0 <= size < n:
            n = size
        return self._take(n)

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def _rewind(self):
        # Moves the buffer back over the bytes of the text read ahead and not handed out
        # (counted by encoding that text again, exact unless newlines were translated).
        rest = self._text[self._pos:]
        self._text = ''
        self._pos = 0
        self._eof = False
        if self._decoder is not None:
            self._decoder.reset()
        if rest:
            back = len(rest.encode(self._encoding, self._errors))
            self._buffer.seek(-back, 1)

    def tell(self):
        self._checkClosed()
        if not self._buffer.seekable():
            raise UnsupportedOperation("underlying stream is not seekable")
        self.flush()
        pos = self._buffer.tell()
        rest = self._text[self._pos:]
        if rest:
            pos -= len(rest.encode(self._encoding, self._errors))
        return pos

    def seek(self, cookie, whence=0):
        self._checkClosed()
        if not self._buffer.seekable():
            raise UnsupportedOperation("underlying stream is not seekable")
        if whence == 1:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero cur-relative seeks")
            cookie = self.tell()
            whence = 0
        elif whence == 2:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero end-relative seeks")
        elif whence != 0:
            raise ValueError("invalid whence (%r, should be 0, 1 or 2)" % (whence,))
        elif cookie < 0:
            raise ValueError("negative seek position %r" % (cookie,))
        self.flush()
        self._text = ''
        self._pos = 0
        self._eof = False
        self._decoder = None
        self._encoder = None
        return self._buffer.seek(cookie, whence)

    def truncate(self, pos=None):
        self.flush()
        if pos is None:
            pos = self.tell()
        return self._checkAttached().truncate(pos)
