"""_json: the parts of CPython's C accelerator for `json` whose behaviour differs from the
pure-Python fallbacks that `json` (compiled from the standard library) uses otherwise
(kiln's own; CPython writes it in C, Modules/_json.c): `scanstring`, with the C version's
error positions and messages, and `make_encoder`, whose non-finite-float error is the C
one. The scanner and the string escaping come from json's Python code.
"""

import sys

_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r",
            "t": "\t"}
_HEX = "0123456789abcdefABCDEF"


def _error(msg, s, pos):
    from json.decoder import JSONDecodeError
    return JSONDecodeError(msg, s, pos)


def _hex4(s, start, end):
    """The value of the four hex digits s[start:start+4]; `end` is where the escape ends."""
    value = 0
    for k in range(start, start + 4):
        c = s[k]
        if c not in _HEX:
            raise _error("Invalid \\uXXXX escape", s, end - 5)
        value = value * 16 + int(c, 16)
    return value


def scanstring(s, end, strict=True):
    """The JSON string starting just after the quote at s[end - 1]: (text, index after it)."""
    if not isinstance(s, str):
        raise TypeError("first argument must be a string, not %.80s" % type(s).__name__)
    n = len(s)
    if end < 0 or n < end:
        raise ValueError("end is out of bounds")
    begin = end - 1
    chunks = []
    while True:
        nxt = end
        c = ""
        while nxt < n:
            c = s[nxt]
            if c == '"' or c == "\\":
                break
            if c <= "\x1f" and strict:
                raise _error("Invalid control character at", s, nxt)
            nxt += 1
        else:
            c = ""
        if c != '"' and c != "\\":
            raise _error("Unterminated string starting at", s, begin)
        if nxt != end:
            chunks.append(s[end:nxt])
        nxt += 1
        if c == '"':
            end = nxt
            break
        if nxt == n:
            raise _error("Unterminated string starting at", s, begin)
        c = s[nxt]
        if c != "u":
            end = nxt + 1
            ch = _ESCAPES.get(c)
            if ch is None:
                raise _error("Invalid \\escape", s, end - 2)
            chunks.append(ch)
            continue
        nxt += 1
        end = nxt + 4
        if end >= n:
            raise _error("Invalid \\uXXXX escape", s, nxt - 1)
        code = _hex4(s, nxt, end)
        nxt = end
        if 0xD800 <= code <= 0xDBFF and end + 6 < n and s[nxt] == "\\" and s[nxt + 1] == "u":
            end += 6
            low = _hex4(s, nxt + 2, end)
            if 0xDC00 <= low <= 0xDFFF:
                code = 0x10000 + (((code - 0xD800) << 10) | (low - 0xDC00))
            else:
                end -= 6
        chunks.append(chr(code))
    return "".join(chunks), end


class make_encoder:
    """The one-shot encoder `json.JSONEncoder.iterencode` uses when there is no indent."""

    def __init__(self, markers, default, encoder, indent, key_separator, item_separator,
                 sort_keys, skipkeys, allow_nan):
        self.markers = markers
        self.default = default
        self.encoder = encoder
        self.indent = indent
        self.key_separator = key_separator
        self.item_separator = item_separator
        self.sort_keys = sort_keys
        self.skipkeys = skipkeys
        self.allow_nan = allow_nan

    def _floatstr(self, o):
        if o != o:
            text = "NaN"
        elif o == float("inf"):
            text = "Infinity"
        elif o == -float("inf"):
            text = "-Infinity"
        else:
            return float.__repr__(o)
        if not self.allow_nan:
            if sys.version_info >= (3, 12):
                raise ValueError("Out of range float values are not JSON compliant: "
                                 + repr(o))
            raise ValueError("Out of range float values are not JSON compliant")
        return text

    def __call__(self, o, _current_indent_level):
        from json.encoder import _make_iterencode
        iterencode = _make_iterencode(
            self.markers, self.default, self.encoder, self.indent, self._floatstr,
            self.key_separator, self.item_separator, self.sort_keys, self.skipkeys, True)
        return tuple(iterencode(o, _current_indent_level))
