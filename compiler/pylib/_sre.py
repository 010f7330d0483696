"""_sre: the regular-expression objects under `re` (kiln's own; CPython writes it in C).

`re` (compiled from the standard library of the program's version) parses and compiles a
pattern into code words and hands them to `compile()` here. `Pattern` and `Match` are
written in Python after CPython's Modules/_sre; the matching itself runs in the native
module `_kiln_sre` (runtime/src/modules/sre.rs, over the crate rustpython-sre_engine), which
also renumbers the opcodes of 3.8-3.10's code. The constants follow the program's version.
"""

import sys
import _kiln_sre

_VERSION = sys.version_info[:2]

if _VERSION >= (3, 13):
    MAGIC = 20230612
elif _VERSION >= (3, 12):
    MAGIC = 20221023
elif _VERSION >= (3, 11):
    MAGIC = 20220615
else:
    MAGIC = 20171005
CODESIZE = 4
MAXREPEAT = 4294967295
MAXGROUPS = 2147483647 if _VERSION < (3, 11) else 1073741823
copyright = " SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "

_MAXSIZE = sys.maxsize

_FLAG_NAMES = [
    ("re.TEMPLATE", 1),
    ("re.IGNORECASE", 2),
    ("re.LOCALE", 4),
    ("re.MULTILINE", 8),
    ("re.DOTALL", 16),
    ("re.UNICODE", 32),
    ("re.VERBOSE", 64),
    ("re.DEBUG", 128),
    ("re.ASCII", 256),
]
if _VERSION >= (3, 13):
    del _FLAG_NAMES[0]

_MODE_MATCH = 0
_MODE_FULLMATCH = 1
_MODE_SEARCH = 2


def getcodesize():
    return CODESIZE


def ascii_iscased(ch):
    return ch < 128 and chr(ch).isalpha()


def unicode_iscased(ch):
    return ch != _kiln_sre.lower(ch) or ch != _kiln_sre.upper(ch)


def ascii_tolower(ch):
    if 65 <= ch <= 90:
        return ch + 32
    return ch


def unicode_tolower(ch):
    return _kiln_sre.lower(ch)


def _type_name(obj):
    return type(obj).__name__


def _subject(pattern, string):
    """The text the engine reads for `string`, checked against the pattern's kind."""
    if isinstance(string, str):
        if pattern._isbytes:
            raise TypeError("cannot use a bytes pattern on a string-like object")
        return string
    if isinstance(string, (bytes, bytearray)):
        data = string
    else:
        try:
            data = memoryview(string).tobytes()
        except TypeError:
            if _VERSION >= (3, 11):
                raise TypeError("expected string or bytes-like object, got %r"
                                % _type_name(string)) from None
            raise TypeError("expected string or bytes-like object") from None
    if not pattern._isbytes:
        raise TypeError("cannot use a string pattern on a bytes-like object")
    return data


def _bounds(data, pos, endpos):
    n = len(data)
    pos = pos.__index__()
    endpos = endpos.__index__()
    if pos < 0:
        pos = 0
    elif pos > n:
        pos = n
    if endpos < 0:
        endpos = 0
    elif endpos > n:
        endpos = n
    return pos, endpos


def _slice(string, start, end):
    """string[start:end] as CPython's _sre gives it: a str, or bytes for any bytes-like."""
    s = string[start:end]
    if type(s) is str or type(s) is bytes:
        return s
    if isinstance(s, str):
        return str(s)
    return bytes(s)


def _join(string, pieces):
    if isinstance(string, str):
        return "".join(pieces)
    return b"".join(pieces)


class Pattern:
    __slots__ = ("pattern", "flags", "groups", "_groupindex", "_indexgroup", "_code",
                 "_isbytes", "__weakref__")

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 're.Pattern' instances")

    @property
    def groupindex(self):
        return dict(self._groupindex)

    def __repr__(self):
        flags = self.flags
        if not self._isbytes and (flags & (4 | 32 | 256)) == 32:
            flags &= ~32
        names = []
        for name, value in _FLAG_NAMES:
            if flags & value:
                names.append(name)
                flags &= ~value
        if flags:
            names.append("0x%x" % flags)
        text = repr(self.pattern)[:200]
        if names:
            return "re.compile(%s, %s)" % (text, "|".join(names))
        return "re.compile(%s)" % text

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        if self is other:
            return True
        return (self.flags == other.flags and self._isbytes == other._isbytes
                and self._code == other._code and self.pattern == other.pattern)

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    def __hash__(self):
        return hash((self.pattern, self.flags, self._isbytes, self._code))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        import re
        return re._compile, (self.pattern, self.flags)

    def _run(self, string, pos, endpos, mode):
        data = _subject(self, string)
        pos, endpos = _bounds(data, pos, endpos)
        if mode == _MODE_SEARCH and pos > endpos:
            return None
        r = _kiln_sre.run(self._code, data, pos, endpos, mode, False)
        if r is None:
            return None
        return _new_match(self, string, pos, endpos, r)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, _MODE_MATCH)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, _MODE_FULLMATCH)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, _MODE_SEARCH)

    def _all(self, string, pos, endpos, limit):
        data = _subject(self, string)
        pos, endpos = _bounds(data, pos, endpos)
        if pos > endpos:
            return data, pos, endpos, []
        return data, pos, endpos, _kiln_sre.run_all(self._code, data, pos, endpos, limit)

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        data, pos, endpos, found = self._all(string, pos, endpos, 0)
        out = []
        groups = self.groups
        empty = string[:0]
        for r in found:
            if groups == 0:
                out.append(_slice(string, r[0], r[1]))
                continue
            items = []
            for i in range(1, groups + 1):
                j = 3 + 2 * (i - 1)
                if j + 1 < len(r) and r[j] >= 0 and r[j + 1] >= 0:
                    items.append(_slice(string, r[j], r[j + 1]))
                else:
                    items.append(_slice(empty, 0, 0))
            out.append(items[0] if groups == 1 else tuple(items))
        return out

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        data, pos, endpos, found = self._all(string, pos, endpos, 0)
        return iter([_new_match(self, string, pos, endpos, r) for r in found])

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        return SRE_Scanner(self, string, pos, endpos)

    def split(self, string, maxsplit=0):
        data, pos, endpos, found = self._all(string, 0, _MAXSIZE, max(maxsplit, 0))
        if maxsplit < 0:
            found = []
        out = []
        last = 0
        for r in found:
            out.append(_slice(string, last, r[0]))
            for i in range(1, self.groups + 1):
                j = 3 + 2 * (i - 1)
                if j + 1 < len(r) and r[j] >= 0 and r[j + 1] >= 0:
                    out.append(_slice(string, r[j], r[j + 1]))
                else:
                    out.append(None)
            last = r[1]
        out.append(_slice(string, last, len(string)))
        return out

    def _subx(self, repl, string, count):
        filter = repl
        is_callable = callable(repl)
        template = None
        if not is_callable:
            literal = repl
            if isinstance(repl, str):
                is_literal = "\\" not in repl
            else:
                try:
                    is_literal = b"\\" not in repl
                except TypeError:
                    is_literal = True
            if not is_literal:
                import re
                if _VERSION >= (3, 12):
                    template = re._compile_template(self, repl)
                    if len(template._items) == 1:
                        literal = template._items[0]
                        template = None
                else:
                    filter = re._subx(self, repl)
                    is_callable = callable(filter)
                    literal = filter
        data = _subject(self, string)
        found = _kiln_sre.run_all(self._code, data, 0, len(data), max(count, 0))
        if count < 0:
            found = []
        pieces = []
        last = 0
        for r in found:
            if last < r[0]:
                pieces.append(_slice(string, last, r[0]))
            if is_callable:
                item = filter(_new_match(self, string, 0, len(data), r))
                if item is not None:
                    pieces.append(item)
            elif template is not None:
                pieces.append(template._expand(_new_match(self, string, 0, len(data), r)))
            elif literal:
                pieces.append(literal)
            last = r[1]
        if last < len(data):
            pieces.append(_slice(string, last, len(data)))
        return _join(string, pieces), len(found)

    def sub(self, repl, string, count=0):
        return self._subx(repl, string, count)[0]

    def subn(self, repl, string, count=0):
        return self._subx(repl, string, count)

    if _VERSION >= (3, 9):
        import types as _types
        __class_getitem__ = classmethod(_types.GenericAlias)
        del _types


Pattern.__module__ = "re"


class Match:
    __slots__ = ("string", "re", "pos", "endpos", "lastindex", "_regs")

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 're.Match' instances")

    def _index(self, group):
        if not isinstance(group, str) and hasattr(type(group), "__index__"):
            i = group.__index__()
            if 0 <= i < len(self._regs):
                return i
            raise IndexError("no such group")
        i = self.re._groupindex.get(group) if _hashable(group) else None
        if isinstance(i, int):
            return i
        raise IndexError("no such group")

    def _get(self, i, default=None):
        a, b = self._regs[i]
        if a < 0 or b < 0:
            return default
        return _slice(self.string, a, b)

    def group(self, *groups):
        if not groups:
            return self._get(0)
        if len(groups) == 1:
            return self._get(self._index(groups[0]))
        return tuple(self._get(self._index(g)) for g in groups)

    def __getitem__(self, group):
        return self._get(self._index(group))

    def groups(self, default=None):
        return tuple(self._get(i, default) for i in range(1, len(self._regs)))

    def groupdict(self, default=None):
        return {name: self._get(self._index(name), default) for name in self.re._groupindex}

    def start(self, group=0):
        return self._regs[self._index(group)][0]

    def end(self, group=0):
        return self._regs[self._index(group)][1]

    def span(self, group=0):
        return self._regs[self._index(group)]

    @property
    def regs(self):
        return tuple(self._regs)

    @property
    def lastgroup(self):
        if self.lastindex is None:
            return None
        names = self.re._indexgroup
        if self.lastindex < len(names):
            return names[self.lastindex]
        return None

    def expand(self, template):
        import re
        if _VERSION >= (3, 12):
            return re._compile_template(self.re, template)._expand(self)
        return re._expand(self.re, self, template)

    def __repr__(self):
        a, b = self._regs[0]
        return "<re.Match object; span=(%d, %d), match=%s>" % (a, b, repr(self.group(0))[:50])

    def __bool__(self):
        return True

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    if _VERSION >= (3, 9):
        import types as _types
        __class_getitem__ = classmethod(_types.GenericAlias)
        del _types


Match.__module__ = "re"


def _hashable(obj):
    try:
        hash(obj)
    except TypeError:
        return False
    return True


def _new_match(pattern, string, pos, endpos, r):
    m = object.__new__(Match)
    m.string = string
    m.re = pattern
    m.pos = pos
    m.endpos = endpos
    m.lastindex = r[2] if r[2] >= 0 else None
    regs = [(r[0], r[1])]
    n = len(r)
    for i in range(pattern.groups):
        j = 3 + 2 * i
        if j + 1 < n and r[j] >= 0 and r[j + 1] >= 0:
            regs.append((r[j], r[j + 1]))
        else:
            regs.append((-1, -1))
    m._regs = regs
    return m


class SRE_Scanner:
    def __init__(self, pattern, string, pos, endpos):
        self.pattern = pattern
        self._string = string
        self._data = _subject(pattern, string)
        self._pos, self._endpos = _bounds(self._data, pos, endpos)
        self._must_advance = False
        self._done = False

    def _next(self, mode):
        if self._done or self._pos > self._endpos:
            self._done = True
            return None
        r = _kiln_sre.run(self.pattern._code, self._data, self._pos, self._endpos, mode,
                          self._must_advance)
        if r is None:
            self._done = True
            return None
        m = _new_match(self.pattern, self._string, self._pos, self._endpos, r)
        self._must_advance = r[1] == r[0]
        self._pos = r[1]
        return m

    def match(self):
        return self._next(_MODE_MATCH)

    def search(self):
        return self._next(_MODE_SEARCH)


SRE_Scanner.__module__ = "_sre"


class _Template:
    """A replacement template of 3.12 and later: literals and group indices in turn."""

    def __init__(self, pattern, items):
        self._items = items

    def _expand(self, match):
        items = self._items
        pieces = []
        for k, item in enumerate(items):
            if k % 2 == 0:
                if item:
                    pieces.append(item)
            else:
                value = match.group(item)
                if value:
                    pieces.append(value)
        return _join(match.string, pieces)


def template(pattern, template):
    return _Template(pattern, list(template))


def compile(pattern, flags, code, groups, groupindex, indexgroup):
    p = object.__new__(Pattern)
    p.pattern = pattern
    p.flags = flags
    p.groups = groups
    p._groupindex = dict(groupindex)
    p._indexgroup = tuple(indexgroup)
    p._code = _kiln_sre.code(list(code))
    p._isbytes = pattern is not None and not isinstance(pattern, str)
    return p
