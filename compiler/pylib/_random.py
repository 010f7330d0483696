"""_random: the Mersenne Twister generator class under `random` (kiln's own; CPython writes
it in C). The generator itself runs in the native module `_kiln_random`
(runtime/src/modules/random.rs), over a state kept in a bytearray, so that `random.Random`
and programs can subclass this class as they subclass CPython's."""

import sys
import _kiln_random


_VERSION = sys.version_info[:2]


class Random:
    # Where CPython seeds a new generator: 3.8 and 3.9 in __new__ from the hash of the
    # argument tuple, 3.10 in __new__ from the argument, 3.11 and later in __init__.
    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        self._kiln_mt = _kiln_random.new()
        if _VERSION < (3, 10):
            if cls is Random and kwargs:
                raise TypeError("Random() takes no keyword arguments")
            Random.seed(self, args)
        elif _VERSION < (3, 11):
            if cls is Random and kwargs:
                raise TypeError("Random()() takes no keyword arguments")
            if len(args) > 1:
                raise TypeError("Random() requires 0 or 1 argument")
            Random.seed(self, args[0] if args else None)
        return self

    def __init__(self, *args, **kwargs):
        if _VERSION >= (3, 11):
            if type(self) is Random and kwargs:
                raise TypeError("Random() takes no keyword arguments")
            if len(args) > 1:
                raise TypeError("Random() requires 0 or 1 argument")
            Random.seed(self, args[0] if args else None)

    def seed(self, n=None):
        if n is not None and not isinstance(n, int):
            h = hash(n)
            n = h if h >= 0 else h + (1 << 64)
        _kiln_random.seed(self._kiln_mt, n)

    def random(self):
        return _kiln_random.random(self._kiln_mt)

    def getrandbits(self, k):
        return _kiln_random.getrandbits(self._kiln_mt, k)

    def getstate(self):
        return _kiln_random.getstate(self._kiln_mt)

    def setstate(self, state):
        _kiln_random.setstate(self._kiln_mt, state)


Random.__module__ = "_random"
