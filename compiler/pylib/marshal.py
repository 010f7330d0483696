# kiln's `marshal`: CPython's serialization of values (format version 4) for the value types
# (None, bool, int, float, complex, str, bytes, tuple, list, dict, set, frozenset, Ellipsis,
# StopIteration). kiln executables hold no code objects in marshal form, so code objects are
# not marshallable here ("unmarshallable object"). Objects are written without back
# references, which every reader accepts; loads also reads the references CPython writes.
version = 4
_FLAG_REF = 0x80


def _w_long(out, n):
    out += (n & 0xFFFFFFFF).to_bytes(4, "little")


def _w(obj, out, depth):
    if depth > 2000:
        raise ValueError("object too deeply nested to marshal")
    t = type(obj)
    if obj is None:
        out += b"N"
    elif obj is False:
        out += b"F"
    elif obj is True:
        out += b"T"
    elif obj is StopIteration:
        out += b"S"
    elif obj is Ellipsis:
        out += b"."
    elif t is int:
        if -0x80000000 <= obj <= 0x7FFFFFFF:
            out += b"i"
            _w_long(out, obj)
        else:
            digits = []
            m = abs(obj)
            while m:
                digits.append(m & 0x7FFF)
                m >>= 15
            out += b"l"
            _w_long(out, len(digits) if obj > 0 else -len(digits))
            for d in digits:
                out += d.to_bytes(2, "little")
    elif t is float:
        import _struct
        out += b"g" + _struct.pack("<d", obj)
    elif t is complex:
        import _struct
        out += b"y" + _struct.pack("<dd", obj.real, obj.imag)
    elif t is str:
        data = obj.encode("utf-8")
        if obj.isascii():
            if len(data) < 256:
                out += b"z" + bytes((len(data),))
            else:
                out += b"a"
                _w_long(out, len(data))
        else:
            out += b"u"
            _w_long(out, len(data))
        out += data
    elif t in (bytes, bytearray, memoryview):
        data = bytes(obj)
        out += b"s"
        _w_long(out, len(data))
        out += data
    elif t is tuple:
        if len(obj) < 256:
            out += b")" + bytes((len(obj),))
        else:
            out += b"("
            _w_long(out, len(obj))
        for x in obj:
            _w(x, out, depth + 1)
    elif t is list:
        out += b"["
        _w_long(out, len(obj))
        for x in obj:
            _w(x, out, depth + 1)
    elif t is dict:
        out += b"{"
        for k, v in obj.items():
            _w(k, out, depth + 1)
            _w(v, out, depth + 1)
        out += b"0"
    elif t in (set, frozenset):
        out += b"<" if t is set else b">"
        _w_long(out, len(obj))
        for x in obj:
            _w(x, out, depth + 1)
    else:
        raise ValueError("unmarshallable object")


def dumps(value, version=version, /):
    out = bytearray()
    _w(value, out, 0)
    return bytes(out)


def dump(value, file, version=version, /):
    file.write(dumps(value, version))


class _Reader:
    def __init__(self, data):
        self.data = data
        self.pos = 0
        self.refs = []

    def take(self, n):
        if self.pos + n > len(self.data):
            raise EOFError("marshal data too short")
        chunk = self.data[self.pos:self.pos + n]
        self.pos += n
        return chunk

    def long(self):
        return int.from_bytes(self.take(4), "little", signed=True)

    def size(self):
        n = self.long()
        if n < 0:
            raise ValueError("bad marshal data (size out of range)")
        return n

    def read(self):
        if self.pos >= len(self.data):
            raise EOFError("EOF read where object expected")
        code = self.take(1)[0]
        flag = code & _FLAG_REF
        c = chr(code & ~_FLAG_REF)
        slot = None
        if flag:
            slot = len(self.refs)
            self.refs.append(None)
        v = self.value(c, slot)
        if flag:
            self.refs[slot] = v
        return v

    def value(self, c, slot):
        if c == "N":
            return None
        if c == "F":
            return False
        if c == "T":
            return True
        if c == "S":
            return StopIteration
        if c == ".":
            return Ellipsis
        if c == "i":
            return self.long()
        if c == "l":
            n = self.long()
            result = 0
            for i in range(abs(n)):
                result |= int.from_bytes(self.take(2), "little") << (15 * i)
            return -result if n < 0 else result
        if c == "g":
            import _struct
            return _struct.unpack("<d", self.take(8))[0]
        if c == "y":
            import _struct
            re, im = _struct.unpack("<dd", self.take(16))
            return complex(re, im)
        if c == "s":
            return bytes(self.take(self.size()))
        if c in "uta":
            data = self.take(self.size())
            return bytes(data).decode("utf-8" if c != "a" else "ascii")
        if c == "A":
            return bytes(self.take(self.size())).decode("ascii")
        if c in "zZ":
            return bytes(self.take(self.take(1)[0])).decode("ascii")
        if c in "()[":
            n = self.take(1)[0] if c == ")" else self.size()
            items = [self.read() for _ in range(n)]
            return items if c == "[" else tuple(items)
        if c == "{":
            d = {}
            if slot is not None:
                self.refs[slot] = d
            while True:
                if self.data[self.pos:self.pos + 1] == b"0":
                    self.pos += 1
                    return d
                k = self.read()
                d[k] = self.read()
        if c in "<>":
            n = self.size()
            items = [self.read() for _ in range(n)]
            return set(items) if c == "<" else frozenset(items)
        if c == "r":
            i = self.long()
            if not 0 <= i < len(self.refs) or self.refs[i] is None:
                raise ValueError("bad marshal data (invalid reference)")
            return self.refs[i]
        if c == "c":
            raise ValueError("kiln: marshal cannot load code objects")
        raise ValueError("bad marshal data (unknown type code)")


def loads(data, /, *, allow_code=True):
    return _Reader(bytes(memoryview(data))).read()


def load(file, /, *, allow_code=True):
    return loads(file.read())
