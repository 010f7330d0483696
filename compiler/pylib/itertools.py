# kiln's `itertools`: the iterator building blocks, as classes whose instances are their own
# iterators (so `type(count())` is `count`, as in CPython). Written in Python and compiled into
# the program like any module.
import sys as _sys

_MISSING = object()


def _index(n, what):
    try:
        return n.__index__()
    except AttributeError:
        raise TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer") from None


class _Iterator:
    __slots__ = ()

    def __iter__(self):
        return self


class count(_Iterator):
    __slots__ = ("_n", "_step")

    def __init__(self, start=0, step=1):
        for v in (start, step):
            if not isinstance(v, (int, float, complex)) and not hasattr(v, "__add__"):
                raise TypeError("a number is required")
        self._n = start
        self._step = step

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if self._step == 1 and type(self._step) is int:
            return f"count({self._n!r})"
        return f"count({self._n!r}, {self._step!r})"


class cycle(_Iterator):
    __slots__ = ("_it", "_saved", "_i", "_done")

    def __init__(self, iterable, /):
        self._it = iter(iterable)
        self._saved = []
        self._i = 0
        self._done = False

    def __next__(self):
        if not self._done:
            for x in self._it:
                self._saved.append(x)
                return x
            self._done = True
        if not self._saved:
            raise StopIteration
        x = self._saved[self._i]
        self._i = (self._i + 1) % len(self._saved)
        return x


class repeat(_Iterator):
    __slots__ = ("_obj", "_left")

    def __init__(self, object, times=None):
        self._obj = object
        self._left = None if times is None else max(0, _index(times, "times"))

    def __next__(self):
        if self._left is None:
            return self._obj
        if self._left <= 0:
            raise StopIteration
        self._left -= 1
        return self._obj

    def __length_hint__(self):
        if self._left is None:
            raise TypeError("len() of unsized object")
        return self._left

    def __repr__(self):
        if self._left is None:
            return f"repeat({self._obj!r})"
        return f"repeat({self._obj!r}, {self._left})"


class accumulate(_Iterator):
    __slots__ = ("_it", "_func", "_total", "_initial", "_started")

    def __init__(self, iterable, func=None, *, initial=None):
        self._it = iter(iterable)
        self._func = func
        self._initial = initial
        self._total = _MISSING
        self._started = False

    def __next__(self):
        if not self._started:
            self._started = True
            if self._initial is not None:
                self._total = self._initial
                return self._total
        x = next(self._it)
        if self._total is _MISSING:
            self._total = x
        elif self._func is None:
            self._total = self._total + x
        else:
            self._total = self._func(self._total, x)
        return self._total


class chain(_Iterator):
    __slots__ = ("_sources", "_active")

    def __init__(self, *iterables):
        self._sources = iter(iterables)
        self._active = None

    @classmethod
    def from_iterable(cls, iterable, /):
        self = cls.__new__(cls)
        self._sources = iter(iterable)
        self._active = None
        return self

    def __next__(self):
        while True:
            if self._active is None:
                self._active = iter(next(self._sources))
            for x in self._active:
                return x
            self._active = None


class compress(_Iterator):
    __slots__ = ("_data", "_selectors")

    def __init__(self, data, selectors):
        self._data = iter(data)
        self._selectors = iter(selectors)

    def __next__(self):
        while True:
            d = next(self._data)
            if next(self._selectors):
                return d


class dropwhile(_Iterator):
    __slots__ = ("_pred", "_it", "_dropping")

    def __init__(self, predicate, iterable, /):
        self._pred = predicate
        self._it = iter(iterable)
        self._dropping = True

    def __next__(self):
        if self._dropping:
            for x in self._it:
                if not self._pred(x):
                    self._dropping = False
                    return x
            raise StopIteration
        return next(self._it)


class takewhile(_Iterator):
    __slots__ = ("_pred", "_it", "_done")

    def __init__(self, predicate, iterable, /):
        self._pred = predicate
        self._it = iter(iterable)
        self._done = False

    def __next__(self):
        if self._done:
            raise StopIteration
        x = next(self._it)
        if self._pred(x):
            return x
        self._done = True
        raise StopIteration


class filterfalse(_Iterator):
    __slots__ = ("_pred", "_it")

    def __init__(self, function, iterable, /):
        self._pred = bool if function is None else function
        self._it = iter(iterable)

    def __next__(self):
        for x in self._it:
            if not self._pred(x):
                return x
        raise StopIteration


class starmap(_Iterator):
    __slots__ = ("_func", "_it")

    def __init__(self, function, iterable, /):
        self._func = function
        self._it = iter(iterable)

    def __next__(self):
        return self._func(*next(self._it))


class islice(_Iterator):
    __slots__ = ("_it", "_cnt", "_next", "_stop", "_step")

    def __init__(self, iterable, *args):
        if not 1 <= len(args) <= 3:
            raise TypeError(f"islice expected at most 4 arguments, got {len(args) + 1}")
        s = slice(*args)
        start, stop, step = s.start, s.stop, s.step
        if stop is not None and (not isinstance(stop, int) or stop < 0):
            raise ValueError(
                "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
        if start is not None and (not isinstance(start, int) or start < 0):
            raise ValueError(
                "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
        if step is not None and (not isinstance(step, int) or step <= 0):
            raise ValueError("Step for islice() must be a positive integer or None.")
        self._it = iter(iterable)
        self._cnt = 0
        self._next = 0 if start is None else start
        self._stop = stop
        self._step = 1 if step is None else step

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        stop = self._stop
        try:
            while self._cnt < self._next:
                next(it)
                self._cnt += 1
            if stop is not None and self._cnt >= stop:
                raise StopIteration
            x = next(it)
        except StopIteration:
            self._it = None
            raise
        self._cnt += 1
        self._next += self._step
        if stop is not None and self._next > stop:
            self._next = stop
        return x


class pairwise(_Iterator):
    __slots__ = ("_it", "_last")

    def __init__(self, iterable, /):
        self._it = iter(iterable)
        self._last = _MISSING

    def __next__(self):
        if self._last is _MISSING:
            self._last = next(self._it)
        b = next(self._it)
        a, self._last = self._last, b
        return a, b


class zip_longest(_Iterator):
    __slots__ = ("_its", "_fill", "_active")

    def __init__(self, *iterables, fillvalue=None):
        self._its = [iter(i) for i in iterables]
        self._fill = fillvalue
        self._active = len(self._its)

    def __next__(self):
        if not self._its or self._active == 0:
            raise StopIteration
        out = []
        for i, it in enumerate(self._its):
            if it is None:
                out.append(self._fill)
                continue
            try:
                out.append(next(it))
            except StopIteration:
                self._active -= 1
                if self._active == 0:
                    raise
                self._its[i] = None
                out.append(self._fill)
        return tuple(out)


class _Grouper(_Iterator):
    __slots__ = ("_parent", "_key")

    def __init__(self, parent, key):
        self._parent = parent
        self._key = key

    def __next__(self):
        p = self._parent
        if p._grouper is not self:
            raise StopIteration
        if p._cur is _MISSING:
            p._advance()
        if p._cur is _MISSING or p._curkey != self._key:
            raise StopIteration
        v = p._cur
        p._cur = _MISSING
        return v


class groupby(_Iterator):
    __slots__ = ("_it", "_keyfunc", "_cur", "_curkey", "_grouper", "_done")

    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._cur = _MISSING
        self._curkey = _MISSING
        self._grouper = None
        self._done = False

    def _advance(self):
        try:
            v = next(self._it)
        except StopIteration:
            self._done = True
            self._cur = _MISSING
            return
        self._cur = v
        self._curkey = v if self._keyfunc is None else self._keyfunc(v)

    def __next__(self):
        last = self._grouper._key if self._grouper is not None else _MISSING
        while True:
            if self._cur is _MISSING:
                if self._done:
                    raise StopIteration
                self._advance()
                if self._cur is _MISSING:
                    raise StopIteration
            if last is _MISSING or self._curkey != last:
                break
            self._cur = _MISSING
        self._grouper = _Grouper(self, self._curkey)
        return self._curkey, self._grouper


class _TeeLink:
    __slots__ = ("value", "next")

    def __init__(self):
        self.value = _MISSING
        self.next = None


class _tee(_Iterator):
    __slots__ = ("_source", "_link")

    def __init__(self, source, link):
        self._source = source
        self._link = link

    def __next__(self):
        link = self._link
        if link.next is None:
            link.value = next(self._source)
            link.next = _TeeLink()
        self._link = link.next
        return link.value

    def __copy__(self):
        return _tee(self._source, self._link)


def tee(iterable, n=2, /):
    if not isinstance(n, int):
        raise TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer")
    if n < 0:
        raise ValueError("n must be >= 0")
    if n == 0:
        return ()
    it = iter(iterable)
    if isinstance(it, _tee):
        first = it
    else:
        first = _tee(it, _TeeLink())
    return tuple([first] + [first.__copy__() for _ in range(n - 1)])


class product(_Iterator):
    __slots__ = ("_pools", "_indices", "_first", "_done")

    def __init__(self, *iterables, repeat=1):
        if repeat < 0:
            raise ValueError("repeat argument cannot be negative")
        self._pools = [tuple(p) for p in iterables] * repeat
        self._indices = [0] * len(self._pools)
        self._first = True
        self._done = any(len(p) == 0 for p in self._pools)

    def __next__(self):
        if self._done:
            raise StopIteration
        pools, idx = self._pools, self._indices
        if self._first:
            self._first = False
            return tuple(p[0] for p in pools)
        i = len(pools) - 1
        while i >= 0:
            idx[i] += 1
            if idx[i] < len(pools[i]):
                return tuple(pools[j][idx[j]] for j in range(len(pools)))
            idx[i] = 0
            i -= 1
        self._done = True
        raise StopIteration


class permutations(_Iterator):
    __slots__ = ("_pool", "_r", "_indices", "_cycles", "_first", "_done")

    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        n = len(pool)
        r = n if r is None else r
        if r < 0:
            raise ValueError("r must be non-negative")
        self._pool, self._r = pool, r
        self._indices = list(range(n))
        self._cycles = list(range(n, n - r, -1))
        self._first = True
        self._done = r > n

    def __next__(self):
        if self._done:
            raise StopIteration
        pool, r, idx, cyc = self._pool, self._r, self._indices, self._cycles
        if self._first:
            self._first = False
            return tuple(pool[i] for i in idx[:r])
        n = len(pool)
        for i in range(r - 1, -1, -1):
            cyc[i] -= 1
            if cyc[i] == 0:
                idx[i:] = idx[i + 1:] + idx[i:i + 1]
                cyc[i] = n - i
            else:
                j = cyc[i]
                idx[i], idx[-j] = idx[-j], idx[i]
                return tuple(pool[k] for k in idx[:r])
        self._done = True
        raise StopIteration


class combinations(_Iterator):
    __slots__ = ("_pool", "_r", "_indices", "_first", "_done")

    def __init__(self, iterable, r):
        if r < 0:
            raise ValueError("r must be non-negative")
        self._pool = tuple(iterable)
        self._r = r
        self._indices = list(range(r))
        self._first = True
        self._done = r > len(self._pool)

    def __next__(self):
        if self._done:
            raise StopIteration
        pool, r, idx = self._pool, self._r, self._indices
        if self._first:
            self._first = False
            return tuple(pool[i] for i in idx)
        n = len(pool)
        for i in range(r - 1, -1, -1):
            if idx[i] != i + n - r:
                idx[i] += 1
                for j in range(i + 1, r):
                    idx[j] = idx[j - 1] + 1
                return tuple(pool[k] for k in idx)
        self._done = True
        raise StopIteration


class combinations_with_replacement(_Iterator):
    __slots__ = ("_pool", "_r", "_indices", "_first", "_done")

    def __init__(self, iterable, r):
        if r < 0:
            raise ValueError("r must be non-negative")
        self._pool = tuple(iterable)
        self._r = r
        self._indices = [0] * r
        self._first = True
        self._done = not self._pool and r > 0

    def __next__(self):
        if self._done:
            raise StopIteration
        pool, r, idx = self._pool, self._r, self._indices
        if self._first:
            self._first = False
            return tuple(pool[i] for i in idx)
        n = len(pool)
        for i in range(r - 1, -1, -1):
            if idx[i] != n - 1:
                idx[i:] = [idx[i] + 1] * (r - i)
                return tuple(pool[k] for k in idx)
        self._done = True
        raise StopIteration


if _sys.version_info >= (3, 12):

    class batched(_Iterator):
        __slots__ = ("_it", "_n")

        def __init__(self, iterable, n):
            if n < 1:
                raise ValueError("n must be at least one")
            self._it = iter(iterable)
            self._n = n

        def __next__(self):
            batch = []
            for x in self._it:
                batch.append(x)
                if len(batch) == self._n:
                    break
            if not batch:
                raise StopIteration
            return tuple(batch)

if _sys.version_info < (3, 10):
    del pairwise
