"""_sha512 of CPython 3.8-3.11 (kiln's own, over _kiln_sha2): sha384 and sha512."""

from _kiln_sha2 import _maker

sha384type, sha384 = _maker("sha384", "sha384", "_sha512")
sha512type, sha512 = _maker("sha512", "sha512", "_sha512")
