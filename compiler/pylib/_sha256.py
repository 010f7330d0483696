"""_sha256 of CPython 3.8-3.11 (kiln's own, over _kiln_sha2): sha224 and sha256."""

from _kiln_sha2 import _maker

sha224type, sha224 = _maker("sha224", "sha224", "_sha256")
sha256type, sha256 = _maker("sha256", "sha256", "_sha256")
