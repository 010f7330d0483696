# kiln's `_struct`, which `struct` imports: `Struct` objects and the module functions over the
# runtime's format engine `_kiln_struct` (parsing, packing, unpacking, CPython's messages).
"""Functions to convert between Python values and C structs."""
import _kiln_struct


class error(Exception):
    pass


error.__module__ = 'struct'
_kiln_struct.set_error(error)


def _buffer(buffer):
    if isinstance(buffer, (bytes, bytearray)):
        return buffer
    if isinstance(buffer, memoryview):
        return buffer.tobytes()
    tobytes = getattr(type(buffer), 'tobytes', None)
    if tobytes is not None:
        return tobytes(buffer)
    raise TypeError("a bytes-like object is required, not '%s'" % type(buffer).__name__)


class Struct:
    def __init__(self, format):
        if not isinstance(format, (str, bytes)):
            raise TypeError("Struct() argument 1 must be a str or bytes object, not %s"
                            % type(format).__name__)
        self._size = _kiln_struct.calcsize(format)
        self._format = format.decode('latin-1') if isinstance(format, bytes) else format

    @property
    def format(self):
        return self._format

    @property
    def size(self):
        return self._size

    def pack(self, *values):
        return _kiln_struct.pack(self._format, values)

    def pack_into(self, buffer, offset, *values):
        _kiln_struct.pack_into(self._format, buffer, offset, values)

    def unpack(self, buffer):
        return _kiln_struct.unpack_from(self._format, _buffer(buffer), 0, True)

    def unpack_from(self, buffer, offset=0):
        return _kiln_struct.unpack_from(self._format, _buffer(buffer), offset, False)

    def iter_unpack(self, buffer):
        data = _buffer(buffer)
        size = self._size
        if size == 0:
            raise error("cannot iteratively unpack with a struct of length 0")
        if len(data) % size:
            raise error("iterative unpacking requires a buffer of a multiple of %d bytes"
                        % size)
        return _unpack_iterator(self._format, data, size)

    def __repr__(self):
        return 'Struct(%r)' % (self._format,)


def _unpack_iterator(format, data, size):
    for offset in range(0, len(data), size):
        yield _kiln_struct.unpack_from(format, data, offset, False)


def _clearcache():
    pass


def calcsize(format):
    return _kiln_struct.calcsize(format)


def pack(format, *values):
    return _kiln_struct.pack(format, values)


def pack_into(format, buffer, offset, *values):
    _kiln_struct.pack_into(format, buffer, offset, values)


def unpack(format, buffer):
    return _kiln_struct.unpack_from(format, _buffer(buffer), 0, True)


def unpack_from(format, buffer, offset=0):
    return _kiln_struct.unpack_from(format, _buffer(buffer), offset, False)


def iter_unpack(format, buffer):
    return Struct(format).iter_unpack(buffer)
