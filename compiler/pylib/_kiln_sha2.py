"""The SHA-2 hash objects of kiln's `_sha256`, `_sha512` and `_sha2` (CPython writes them in
C): the data fed so far is kept in a bytearray and digested by the native `_kiln_hash` when
asked (runtime/src/modules/hash.rs)."""

import sys
import _kiln_hash

_SIZES = {"sha224": (28, 64), "sha256": (32, 64), "sha384": (48, 128), "sha512": (64, 128)}


def _data_arg(data):
    if isinstance(data, str):
        if sys.version_info < (3, 9):
            raise TypeError("Unicode-objects must be encoded before hashing")
        raise TypeError("Strings must be encoded before hashing")
    try:
        return memoryview(data).tobytes()
    except TypeError:
        raise TypeError("object supporting the buffer API required") from None


class _Hash:
    _name = "sha256"

    def __init__(self, data=None):
        self._data = bytearray()
        if data is not None:
            self._data += _data_arg(data)

    @property
    def name(self):
        return self._name

    @property
    def digest_size(self):
        return _SIZES[self._name][0]

    @property
    def block_size(self):
        return _SIZES[self._name][1]

    def update(self, data):
        self._data += _data_arg(data)

    def digest(self):
        return _kiln_hash.digest(self._name, self._data)

    def hexdigest(self):
        return self.digest().hex()

    def copy(self):
        other = type(self).__new__(type(self))
        other._data = bytearray(self._data)
        return other


def _maker(name, type_name, module):
    cls = type(type_name, (_Hash,), {"_name": name, "__module__": module})

    def new(string=None, *, data=None, usedforsecurity=True):
        if string is not None and data is not None:
            raise TypeError("'data' and 'string' are mutually exclusive and support for "
                            "'string' keyword parameter is slated for removal in a future version.")
        return cls(string if string is not None else data)

    new.__name__ = name
    return cls, new
