# kiln's `_collections`: `deque` (a ring buffer over a list) and `defaultdict`, with CPython's
# reprs and errors. Written in Python and compiled into the program like any module.
_MISSING = object()


class deque:
    __slots__ = ("_buf", "_head", "_len", "_maxlen", "_changes")

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError("an integer is required")
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
        self._maxlen = maxlen
        self._buf = [None] * 8
        self._head = 0
        self._len = 0
        self._changes = 0
        if iterable is not self:
            self.extend(iterable)
        else:
            self.extend(list(iterable))

    # -- storage ------------------------------------------------------------------------------
    def _grow(self):
        old, n, h = self._buf, len(self._buf), self._head
        self._buf = [old[(h + i) % n] for i in range(self._len)] + [None] * (n if n else 8)
        self._head = 0

    def _at(self, i):
        return (self._head + i) % len(self._buf)

    def _index(self, i):
        if not isinstance(i, int):
            try:
                i = i.__index__()
            except AttributeError:
                raise TypeError(
                    f"sequence index must be integer, not '{type(i).__name__}'") from None
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError("deque index out of range")
        return i

    # -- adding and removing ------------------------------------------------------------------
    def append(self, x, /):
        self._changes += 1
        if self._maxlen == 0:
            return
        if self._maxlen is not None and self._len == self._maxlen:
            self._buf[self._head] = None
            self._head = self._at(1)
            self._len -= 1
        if self._len == len(self._buf):
            self._grow()
        self._buf[self._at(self._len)] = x
        self._len += 1

    def appendleft(self, x, /):
        self._changes += 1
        if self._maxlen == 0:
            return
        if self._maxlen is not None and self._len == self._maxlen:
            self._buf[self._at(self._len - 1)] = None
            self._len -= 1
        if self._len == len(self._buf):
            self._grow()
        self._head = (self._head - 1) % len(self._buf)
        self._buf[self._head] = x
        self._len += 1

    def pop(self):
        if not self._len:
            raise IndexError("pop from an empty deque")
        self._changes += 1
        j = self._at(self._len - 1)
        x, self._buf[j] = self._buf[j], None
        self._len -= 1
        return x

    def popleft(self):
        if not self._len:
            raise IndexError("pop from an empty deque")
        self._changes += 1
        x, self._buf[self._head] = self._buf[self._head], None
        self._head = self._at(1)
        self._len -= 1
        return x

    def extend(self, iterable, /):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable, /):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def clear(self):
        self._changes += 1
        self._buf = [None] * 8
        self._head = 0
        self._len = 0

    def rotate(self, n=1, /):
        if self._len <= 1:
            return
        n %= self._len
        if n == 0:
            return
        items = list(self)
        items = items[-n:] + items[:-n]
        self._changes += 1
        self._buf = items + [None] * max(8, len(items))
        self._head = 0

    def remove(self, value, /):
        for i in range(self._len):
            if self._buf[self._at(i)] == value:
                del self[i]
                return
        raise ValueError(f"{value!r} is not in deque")

    def insert(self, i, x, /):
        if self._maxlen is not None and self._len == self._maxlen:
            raise IndexError("deque already at its maximum size")
        items = list(self)
        items.insert(i, x)
        self._changes += 1
        self._buf = items + [None] * max(8, len(items))
        self._head = 0
        self._len = len(items)

    def reverse(self):
        items = list(self)
        items.reverse()
        self._changes += 1
        self._buf = items + [None] * max(8, len(items))
        self._head = 0

    def count(self, value, /):
        return sum(1 for x in self if x is value or x == value)

    def index(self, value, start=0, stop=None, /):
        n = self._len
        if stop is None:
            stop = n
        if start < 0:
            start = max(0, start + n)
        if stop < 0:
            stop = max(0, stop + n)
        for i in range(start, min(stop, n)):
            x = self._buf[self._at(i)]
            if x is value or x == value:
                return i
        raise ValueError(f"{value!r} is not in deque")

    def copy(self):
        return type(self)(self, self._maxlen) if type(self) is not deque else deque(self, self._maxlen)

    __copy__ = copy

    @property
    def maxlen(self):
        return self._maxlen

    # -- the sequence protocol ----------------------------------------------------------------
    def __len__(self):
        return self._len

    def __bool__(self):
        return self._len > 0

    def __getitem__(self, i):
        return self._buf[self._at(self._index(i))]

    def __setitem__(self, i, x):
        self._buf[self._at(self._index(i))] = x

    def __delitem__(self, i):
        i = self._index(i)
        items = list(self)
        del items[i]
        self._changes += 1
        self._buf = items + [None] * max(8, len(items))
        self._head = 0
        self._len = len(items)

    def __iter__(self):
        changes = self._changes
        for i in range(self._len):
            if self._changes != changes:
                raise RuntimeError("deque mutated during iteration")
            yield self._buf[self._at(i)]
            if self._changes != changes:
                raise RuntimeError("deque mutated during iteration")

    def __reversed__(self):
        changes = self._changes
        for i in range(self._len - 1, -1, -1):
            if self._changes != changes:
                raise RuntimeError("deque mutated during iteration")
            yield self._buf[self._at(i)]

    def __contains__(self, value):
        for x in self:
            if x is value or x == value:
                return True
        return False

    def __repr__(self):
        if self._maxlen is None:
            return f"{type(self).__name__}({list(self)!r})"
        return f"{type(self).__name__}({list(self)!r}, maxlen={self._maxlen})"

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return list(self) == list(other)

    def __ne__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return list(self) != list(other)

    def __lt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return list(self) < list(other)

    def __le__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return list(self) <= list(other)

    def __gt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return list(self) > list(other)

    def __ge__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return list(self) >= list(other)

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError(
                f'can only concatenate deque (not "{type(other).__name__}") to deque')
        r = deque(self, self._maxlen)
        r.extend(other)
        return r

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        r = deque((), self._maxlen)
        for _ in range(n):
            r.extend(self)
        return r

    __rmul__ = __mul__

    def __imul__(self, n):
        items = list(self)
        self.clear()
        for _ in range(n):
            self.extend(items)
        return self

    def __reduce__(self):
        return type(self), (list(self), self._maxlen)

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


class defaultdict(dict):
    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        super().__init__(*args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        self[key] = value = self.default_factory()
        return value

    def __repr__(self):
        return f"{type(self).__name__}({self.default_factory!r}, {dict.__repr__(self)})"

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        return type(self), (self.default_factory,), None, None, iter(self.items())

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        r = self.copy()
        r.update(other)
        return r

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        r = type(self)(self.default_factory, other)
        r.update(self)
        return r


def _count_elements(mapping, iterable):
    get = mapping.get
    for elem in iterable:
        mapping[elem] = get(elem, 0) + 1

