# kiln's `_weakref`: weak references over the collector's disappearing links (`_kiln`).
# Written in Python and compiled into the program like any module; kiln's runtime provides
# the primitive. Callbacks are kept (`__callback__`) but not called: the collector does not
# run Python code when an object dies.
import _kiln

_NOT_WEAKREFABLE = (int, float, complex, str, bytes, tuple, list, dict, bool, type(None))


def _check(ob):
    if type(ob) in _NOT_WEAKREFABLE:
        raise TypeError(f"cannot create weak reference to '{type(ob).__name__}' object")


# The weak references to each object, by id: lists of weak cells on the references themselves,
# so that getweakrefcount and getweakrefs can answer and a plain `ref(ob)` is shared, as in
# CPython. Entries of dead objects are swept every _SWEEP_EVERY registrations.
_refs_by_id = {}
_registrations = 0
_SWEEP_EVERY = 4096


def _referent(r):
    """What weak reference or proxy `r` refers to; None once it has died."""
    return _kiln.weak_get(object.__getattribute__(r, "_cell"))


def _live_refs(ob):
    """The live weak references and proxies to `ob`, oldest first."""
    out = []
    for c in _refs_by_id.get(id(ob), ()):
        r = _kiln.weak_get(c)
        if r is not None and _referent(r) is ob:
            out.append(r)
    return out


def _register(ob, r):
    global _registrations
    _registrations += 1
    if _registrations % _SWEEP_EVERY == 0:
        for key, cells in list(_refs_by_id.items()):
            cells = [c for c in cells
                     if (x := _kiln.weak_get(c)) is not None and _referent(x) is not None]
            if cells:
                _refs_by_id[key] = cells
            else:
                del _refs_by_id[key]
    cells = [c for c in _refs_by_id.get(id(ob), ())
             if (x := _kiln.weak_get(c)) is not None and _referent(x) is ob]
    cells.append(_kiln.weak_new(r))
    _refs_by_id[id(ob)] = cells


class ReferenceType:
    def __new__(cls, ob, callback=None, /, *args, **kwargs):
        _check(ob)
        if callback is None and cls is ReferenceType:
            for r in _live_refs(ob):
                if type(r) is ReferenceType and r.__callback__ is None:
                    return r
        self = object.__new__(cls)
        self._cell = _kiln.weak_new(ob)
        self._hash = None
        self.__callback__ = callback
        _register(ob, self)
        return self

    def __init__(self, ob, callback=None, /, *args, **kwargs):
        pass

    def __call__(self):
        return _kiln.weak_get(self._cell)

    def __hash__(self):
        if self._hash is None:
            ob = self()
            if ob is None:
                raise TypeError("weak object has gone away")
            self._hash = hash(ob)
        return self._hash

    def __eq__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        a, b = self(), other()
        if a is None or b is None:
            return self is other
        return a == b

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __repr__(self):
        ob = self()
        if ob is None:
            return f"<weakref at {hex(id(self))}; dead>"
        return f"<weakref at {hex(id(self))}; to '{type(ob).__name__}' at {hex(id(ob))}>"

    def __class_getitem__(cls, item):
        return cls


ref = ReferenceType


def _target(p):
    ob = _kiln.weak_get(object.__getattribute__(p, "_cell"))
    if ob is None:
        raise ReferenceError("weakly-referenced object no longer exists")
    return ob


class ProxyType:
    def __init__(self, ob, callback=None):
        object.__setattr__(self, "_cell", _kiln.weak_new(ob))
        object.__setattr__(self, "__callback__", callback)
        _register(ob, self)

    def __getattribute__(self, name):
        return getattr(_target(self), name)

    def __setattr__(self, name, value):
        setattr(_target(self), name, value)

    def __delattr__(self, name):
        delattr(_target(self), name)

    def __repr__(self):
        ob = _target(self)
        return f"<weakproxy at {hex(id(self))}; to '{type(ob).__name__}' at {hex(id(ob))}>"

    def __str__(self):
        return str(_target(self))

    def __bool__(self):
        return bool(_target(self))

    def __len__(self):
        return len(_target(self))

    def __iter__(self):
        return iter(_target(self))

    def __getitem__(self, key):
        return _target(self)[key]

    def __setitem__(self, key, value):
        _target(self)[key] = value

    def __eq__(self, other):
        return _target(self) == other

    def __hash__(self):
        raise TypeError(f"unhashable type: '{type(self).__name__}'")


class CallableProxyType(ProxyType):
    def __call__(self, *args, **kwargs):
        return _target(self)(*args, **kwargs)



def proxy(ob, callback=None, /):
    _check(ob)
    if callable(ob):
        return CallableProxyType(ob, callback)
    return ProxyType(ob, callback)


def getweakrefcount(ob, /):
    return len(_live_refs(ob))


def getweakrefs(ob, /):
    return _live_refs(ob)


def _remove_dead_weakref(d, key, /):
    wr = d.get(key)
    if wr is not None and wr() is None:
        del d[key]
