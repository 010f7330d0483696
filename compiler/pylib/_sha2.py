"""_sha2 of CPython 3.12 and later (kiln's own, over _kiln_sha2): sha224, sha256, sha384 and
sha512."""

from _kiln_sha2 import _maker

SHA224Type, sha224 = _maker("sha224", "SHA224Type", "_sha2")
SHA256Type, sha256 = _maker("sha256", "SHA256Type", "_sha2")
SHA384Type, sha384 = _maker("sha384", "SHA384Type", "_sha2")
SHA512Type, sha512 = _maker("sha512", "SHA512Type", "_sha2")
