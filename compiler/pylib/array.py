# kiln's `array`: typed arrays of numbers (and of characters, 'u' and 3.13's 'w'). Items are
# kept as Python values checked against the C type's range at every store; `tobytes` and
# `frombytes` go through the runtime's struct engine in the machine's order and sizes.
import sys as _sys
import _kiln_struct

_SIZES = {'b': 1, 'B': 1, 'u': 4, 'w': 4, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 8, 'L': 8,
          'q': 8, 'Q': 8, 'f': 4, 'd': 8}
_NAMES = {
    'b': 'signed char', 'B': 'unsigned byte integer', 'h': 'signed short integer',
    'H': 'unsigned short', 'i': 'signed integer', 'I': 'unsigned int',
}
_TYPECODES = 'bBuhHiIlLqQfd' if _sys.version_info < (3, 13) else 'bBuwhHiIlLqQfd'
typecodes = _TYPECODES


def _check(code, v):
    if code in 'fd':
        if isinstance(v, (int, float)):
            return float(v)
        f = getattr(type(v), '__float__', None)
        if f is None:
            raise TypeError("must be real number, not %s" % type(v).__name__)
        return f(v)
    if code in 'uw':
        if not isinstance(v, str) or len(v) != 1:
            raise TypeError("array item must be unicode character")
        return v
    if not isinstance(v, int):
        if isinstance(v, float) and _sys.version_info < (3, 10):
            raise TypeError("integer argument expected, got float")
        index = getattr(type(v), '__index__', None)
        if index is None:
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(v).__name__)
        v = index(v)
    bits = _SIZES[code] * 8
    if code.islower():
        lo, hi = -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    else:
        lo, hi = 0, (1 << bits) - 1
    if lo <= v <= hi:
        return int(v)
    name = _NAMES.get(code)
    if name is not None and code != 'I':
        raise OverflowError("%s is %s" % (name, "less than minimum" if v < lo
                                          else "greater than maximum"))
    if code in 'IL' and v < 0:
        raise OverflowError("can't convert negative value to unsigned int")
    if code == 'Q' and v < 0:
        raise OverflowError("can't convert negative int to unsigned")
    if code in 'qQ':
        raise OverflowError("int too big to convert")
    if code == 'I':
        raise OverflowError("unsigned int is greater than maximum")
    raise OverflowError("Python int too large to convert to C "
                        + ('long' if code == 'l' else 'unsigned long'))


class array:
    def __init__(self, typecode, initializer=None, /):
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError("array() argument 1 must be a unicode character, not %s"
                            % type(typecode).__name__)
        if typecode not in _TYPECODES:
            raise ValueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        self._code = typecode
        self._items = []
        if initializer is None:
            return
        if isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        elif isinstance(initializer, str):
            if typecode not in 'uw':
                raise TypeError("cannot use a str to initialize an array with typecode '%s'"
                                % typecode)
            self._items = list(initializer)
        elif isinstance(initializer, array):
            if initializer._code in 'uw' and typecode not in 'uw':
                raise TypeError("cannot use a unicode array to initialize an array with "
                                "typecode '%s'" % typecode)
            self._items = [_check(typecode, v) for v in initializer._items]
        else:
            self._items = [_check(typecode, v) for v in initializer]

    @property
    def typecode(self):
        return self._code

    @property
    def itemsize(self):
        return _SIZES[self._code]

    def _new(self, items):
        a = array(self._code)
        a._items = items
        return a

    def append(self, v):
        self._items.append(_check(self._code, v))

    def extend(self, iterable):
        if isinstance(iterable, array):
            if iterable._code != self._code:
                raise TypeError("can only extend with array of same kind")
            self._items.extend(iterable._items)
        else:
            self._items.extend([_check(self._code, v) for v in iterable])

    def insert(self, i, v):
        self._items.insert(i, _check(self._code, v))

    def pop(self, i=-1):
        if not self._items:
            raise IndexError("pop from empty array")
        try:
            return self._items.pop(i)
        except IndexError:
            raise IndexError("pop index out of range") from None

    def remove(self, v):
        try:
            self._items.remove(v)
        except ValueError:
            raise ValueError("array.remove(x): x not in array") from None

    def index(self, v, start=0, stop=_sys.maxsize):
        try:
            return self._items.index(v, start, stop)
        except ValueError:
            raise ValueError("array.index(x): x not in array") from None

    def count(self, v):
        return self._items.count(v)

    def reverse(self):
        self._items.reverse()

    def _format(self, n):
        code = 'I' if self._code in 'uw' else self._code
        return '@%d%s' % (n, code)

    def tobytes(self):
        items = self._items
        if self._code in 'uw':
            items = [ord(c) for c in items]
        return _kiln_struct.pack(self._format(len(items)), tuple(items))

    def frombytes(self, data):
        if isinstance(data, memoryview):
            data = data.tobytes()
        if isinstance(data, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        size = self.itemsize
        if len(data) % size:
            raise ValueError("bytes length not a multiple of item size")
        n = len(data) // size
        values = _kiln_struct.unpack_from(self._format(n), bytes(data), 0, True)
        if self._code in 'uw':
            values = [chr(v) for v in values]
        self._items.extend(values)

    def tolist(self):
        return list(self._items)

    def fromlist(self, items):
        if not isinstance(items, list):
            raise TypeError("arg must be list")
        self._items.extend([_check(self._code, v) for v in items])

    def tounicode(self):
        if self._code not in 'uw':
            raise ValueError("tounicode() may only be called on unicode type arrays")
        return ''.join(self._items)

    def fromunicode(self, s):
        if self._code not in 'uw':
            raise ValueError("fromunicode() may only be called on unicode type arrays")
        self._items.extend(s)

    def byteswap(self):
        size = self.itemsize
        if size == 1:
            return
        data = self.tobytes()
        swapped = b''.join(data[i:i + size][::-1] for i in range(0, len(data), size))
        self._items = []
        self.frombytes(swapped)

    def buffer_info(self):
        return (id(self), len(self._items))

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __contains__(self, v):
        return v in self._items

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self._new(self._items[i])
        try:
            return self._items[i]
        except IndexError:
            raise IndexError("array index out of range") from None

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            if not isinstance(v, array):
                raise TypeError("can only assign array (not \"%s\") to array slice"
                                % type(v).__name__)
            if v._code != self._code:
                raise TypeError("bad argument type for built-in operation")
            self._items[i] = v._items
            return
        v = _check(self._code, v)
        try:
            self._items[i] = v
        except IndexError:
            raise IndexError("array assignment index out of range") from None

    def __delitem__(self, i):
        try:
            del self._items[i]
        except IndexError:
            raise IndexError("array assignment index out of range") from None

    def __add__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        if other._code != self._code:
            raise TypeError("bad argument type for built-in operation")
        return self._new(self._items + other._items)

    def __iadd__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        self.extend(other)
        return self

    def __mul__(self, n):
        if not isinstance(n, int):
            return NotImplemented
        return self._new(self._items * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self._items *= n
        return self

    def __eq__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items == other._items

    def __ne__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items != other._items

    def __lt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items < other._items

    def __le__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items <= other._items

    def __gt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items > other._items

    def __ge__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items >= other._items

    __hash__ = None

    def __copy__(self):
        return self._new(list(self._items))

    def __deepcopy__(self, memo):
        return self._new(list(self._items))

    def __reduce_ex__(self, protocol):
        return (array, (self._code, self.tolist()))

    def __repr__(self):
        if not self._items:
            return "array('%s')" % self._code
        if self._code in 'uw':
            return "array('%s', %r)" % (self._code, ''.join(self._items))
        return "array('%s', %r)" % (self._code, self._items)

    @classmethod
    def __class_getitem__(cls, item):
        return cls


ArrayType = array
