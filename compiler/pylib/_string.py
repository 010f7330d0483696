"""_string: the format-string parsing under `string.Formatter` (kiln's own; CPython writes
it in C, in Objects/stringlib/unicode_format.h, whose steps and messages this follows).

formatter_parser(s) yields (literal, field_name, format_spec, conversion) for each piece of
`s`; formatter_field_name_split(name) splits a field name into its first part and an iterator
of (is_attribute, key) for the `.attr` and `[key]` parts after it.
"""


def _integer(text):
    """The value of `text` if it is all decimal digits, else -1 (as get_integer)."""
    if not text:
        return -1
    value = 0
    for ch in text:
        if not ch.isdecimal():
            return -1
        value = value * 10 + int(ch)
        if value > 9223372036854775807:
            raise ValueError("Too many decimal digits in format string")
    return value


def _parse_field(s, i, n):
    """Parses a replacement field from s[i:], just after its '{': (name, spec, conversion,
    index after the field)."""
    start = i
    c = ""
    ended = False
    while i < n:
        c = s[i]
        i += 1
        if c == "{":
            raise ValueError("unexpected '{' in field name")
        if c == "[":
            while i < n and s[i] != "]":
                i += 1
            continue
        if c in "}:!":
            ended = True
            break
    if not ended:
        raise ValueError("expected '}' before end of string")
    name = s[start:i - 1]
    conversion = None
    if c == "!" or c == ":":
        if c == "!":
            if i >= n:
                raise ValueError("end of string while looking for conversion specifier")
            conversion = s[i]
            i += 1
            if i < n:
                c2 = s[i]
                i += 1
                if c2 == "}":
                    return name, "", conversion, i
                if c2 != ":":
                    raise ValueError("expected ':' after conversion specifier")
        spec_start = i
        count = 1
        while i < n:
            c = s[i]
            i += 1
            if c == "{":
                count += 1
            elif c == "}":
                count -= 1
                if count == 0:
                    return name, s[spec_start:i - 1], conversion, i
        raise ValueError("unmatched '{' in format spec")
    return name, "", conversion, i


def _markup(s):
    if not isinstance(s, str):
        raise TypeError("descriptor 'formatter_parser' for 'str' objects doesn't apply to a '%s' object"
                        % type(s).__name__)
    n = len(s)
    i = 0
    while i < n:
        start = i
        c = ""
        markup = False
        while i < n:
            c = s[i]
            i += 1
            if c == "{" or c == "}":
                markup = True
                break
        at_end = i >= n
        length = i - start
        if c == "}" and markup and (at_end or s[i] != "}"):
            raise ValueError("Single '}' encountered in format string")
        if at_end and c == "{" and markup:
            raise ValueError("Single '{' encountered in format string")
        if not at_end and markup:
            if s[i] == c:
                i += 1
                markup = False
            else:
                length -= 1
        literal = s[start:start + length]
        if not markup:
            yield (literal, None, None, None)
            continue
        name, spec, conversion, i = _parse_field(s, i, n)
        yield (literal, name, spec, conversion)


def formatter_parser(s):
    return _markup(s)


def _rest(name, i):
    n = len(name)
    while i < n:
        c = name[i]
        i += 1
        if c == ".":
            start = i
            while i < n and name[i] not in ".[":
                i += 1
            key = name[start:i]
            is_attr = True
        elif c == "[":
            start = i
            while i < n and name[i] != "]":
                i += 1
            if i >= n:
                raise ValueError("Missing ']' in format string")
            key = name[start:i]
            i += 1
            is_attr = False
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
        if not key:
            raise ValueError("Empty attribute in format string")
        if not is_attr:
            index = _integer(key)
            if index != -1:
                key = index
        yield (is_attr, key)


def formatter_field_name_split(name):
    if not isinstance(name, str):
        raise TypeError("descriptor 'formatter_field_name_split' for 'str' objects doesn't apply to a '%s' object"
                        % type(name).__name__)
    i = 0
    n = len(name)
    while i < n and name[i] not in ".[":
        i += 1
    first = name[:i]
    index = _integer(first)
    return (index if index != -1 else first), _rest(name, i)
