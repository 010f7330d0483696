# kiln's run-time evaluator, part 1: source text to tokens. The evaluator (`_kiln_exec`) runs
# the source that programs and the standard library hand to `exec`, `eval` and `compile`;
# this module splits it into tokens as CPython's tokenizer does: names, numbers, strings
# (decoded; f-strings kept raw for the parser), operators, and NEWLINE / INDENT / DEDENT from
# the layout. A token is a tuple (kind, value, line).

NAME = "name"
NUMBER = "number"
STRING = "string"
FSTRING = "fstring"
OP = "op"
NEWLINE = "newline"
INDENT = "indent"
DEDENT = "dedent"
END = "end"

_OPS3 = ("**=", "//=", ">>=", "<<=", "...")
_OPS2 = ("**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", "+=", "-=", "*=", "/=",
         "%=", "&=", "|=", "^=", "@=", ":=")
_OPS1 = "+-*/%@&|^~<>()[]{},:.;=!"
_OPEN = "([{"
_CLOSE = ")]}"
_PREFIXES = ("", "r", "u", "b", "br", "rb", "f", "fr", "rf")


def syntax_error(msg, line, filename="<string>"):
    e = SyntaxError(msg)
    e.filename = filename
    e.lineno = line
    e.msg = msg
    return e


def _is_name_start(c):
    return c.isalpha() or c == "_" or (c > "\x7f" and c.isidentifier())


def _is_name_char(c):
    return c.isalnum() or c == "_" or (c > "\x7f" and ("a" + c).isidentifier())


_SIMPLE_ESCAPES = {"\\": "\\", "'": "'", '"': '"', "a": "\a", "b": "\b", "f": "\f",
                   "n": "\n", "r": "\r", "t": "\t", "v": "\v"}


def decode_escapes(body, is_bytes, line):
    """The value of a non-raw string literal's body: its backslash escapes replaced."""
    if "\\" not in body:
        return body
    out = []
    i = 0
    n = len(body)
    while i < n:
        c = body[i]
        if c != "\\" or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        e = body[i + 1]
        i += 2
        if e in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[e])
        elif e == "\n":
            pass
        elif e in "01234567":
            j = i
            while j < n and j < i + 2 and body[j] in "01234567":
                j += 1
            out.append(chr(int(body[i - 1:j], 8)))
            i = j
        elif e == "x" or (not is_bytes and e in "uU"):
            width = {"x": 2, "u": 4, "U": 8}[e]
            digits = body[i:i + width]
            if len(digits) != width or any(d not in "0123456789abcdefABCDEF" for d in digits):
                kind = "bytes" if is_bytes else "unicode error"
                raise syntax_error(f"({kind}) truncated \\{e}{'X' * width} escape", line)
            code = int(digits, 16)
            if code > 0x10FFFF:
                raise syntax_error("(unicode error) illegal Unicode character", line)
            out.append(chr(code))
            i += width
        elif e == "N" and not is_bytes:
            raise syntax_error("kiln's evaluator does not support \\N{...} escapes", line)
        else:
            out.append("\\" + e)
    return "".join(out)


def tokenize(src, filename="<string>"):
    toks = []
    indents = [0]
    depth = 0
    line = 1
    i = 0
    n = len(src)
    at_line_start = True
    while True:
        if at_line_start and depth == 0:
            # Measure the indentation; blank and comment-only lines do not count.
            col = 0
            j = i
            while j < n and src[j] in " \t\f":
                col = (col // 8 + 1) * 8 if src[j] == "\t" else col + 1
                j += 1
            if j < n and src[j] in "#\r\n":
                while j < n and src[j] != "\n":
                    j += 1
                i = j + 1
                line += 1
                if j >= n:
                    break
                continue
            if j >= n:
                break
            i = j
            if col > indents[-1]:
                indents.append(col)
                toks.append((INDENT, col, line))
            while col < indents[-1]:
                indents.pop()
                toks.append((DEDENT, col, line))
            if col != indents[-1]:
                raise syntax_error("unindent does not match any outer indentation level", line,
                                   filename)
            at_line_start = False
        if i >= n:
            break
        c = src[i]
        if c in " \t\f\r":
            i += 1
            continue
        if c == "#":
            while i < n and src[i] != "\n":
                i += 1
            continue
        if c == "\\" and i + 1 < n and src[i + 1] in "\r\n":
            i += 2 if src[i + 1] == "\n" else 3
            line += 1
            continue
        if c == "\n":
            i += 1
            if depth == 0:
                if toks and toks[-1][0] not in (NEWLINE, INDENT, DEDENT):
                    toks.append((NEWLINE, None, line))
                at_line_start = True
            line += 1
            continue
        if _is_name_start(c):
            j = i + 1
            while j < n and _is_name_char(src[j]):
                j += 1
            word = src[i:j]
            if j < n and src[j] in "'\"" and word.lower() in _PREFIXES:
                i, line = _string(src, j, word.lower(), line, toks, filename)
                continue
            toks.append((NAME, word, line))
            i = j
            continue
        if c in "'\"":
            i, line = _string(src, i, "", line, toks, filename)
            continue
        if c.isdigit() or (c == "." and i + 1 < n and src[i + 1].isdigit()):
            i = _number(src, i, line, toks, filename)
            continue
        op = src[i:i + 3]
        if op not in _OPS3:
            op = src[i:i + 2]
            if op not in _OPS2:
                op = c
                if op not in _OPS1:
                    raise syntax_error(f"invalid character '{c}' (U+{ord(c):04X})", line,
                                       filename)
        if op in _OPEN:
            depth += 1
        elif op in _CLOSE:
            depth = max(depth - 1, 0)
        toks.append((OP, op, line))
        i += len(op)
    if toks and toks[-1][0] not in (NEWLINE, DEDENT):
        toks.append((NEWLINE, None, line))
    while len(indents) > 1:
        indents.pop()
        toks.append((DEDENT, 0, line))
    toks.append((END, None, line))
    return toks


def _string(src, i, prefix, line, toks, filename):
    quote = src[i]
    triple = src[i:i + 3] == quote * 3
    delim = quote * 3 if triple else quote
    j = i + len(delim)
    start = j
    n = len(src)
    first_line = line
    while True:
        if j >= n:
            what = "triple-quoted string literal" if triple else "string literal"
            raise syntax_error(f"unterminated {what} (detected at line {line})", first_line,
                               filename)
        c = src[j]
        if c == "\\" and j + 1 < n:
            if src[j + 1] == "\n":
                line += 1
            j += 2
            continue
        if c == "\n":
            if not triple:
                raise syntax_error(f"unterminated string literal (detected at line {line})",
                                   line, filename)
            line += 1
        if src.startswith(delim, j):
            break
        j += 1
    body = src[start:j]
    raw = "r" in prefix
    if "f" in prefix:
        toks.append((FSTRING, (body, raw), first_line))
    else:
        is_bytes = "b" in prefix
        value = body if raw else decode_escapes(body, is_bytes, first_line)
        if is_bytes:
            if any(ord(ch) > 127 for ch in body):
                raise syntax_error("bytes can only contain ASCII literal characters", first_line,
                                   filename)
            value = value.encode("latin-1")
        toks.append((STRING, value, first_line))
    return j + len(delim), line


def _number(src, i, line, toks, filename):
    n = len(src)
    j = i
    if src[i] == "0" and i + 1 < n and src[i + 1] in "xXoObB":
        base = {"x": 16, "o": 8, "b": 2}[src[i + 1].lower()]
        j = i + 2
        while j < n and (src[j].isalnum() or src[j] == "_"):
            j += 1
        try:
            value = int(src[i + 2:j].replace("_", ""), base)
        except ValueError:
            raise syntax_error("invalid number literal", line, filename) from None
        toks.append((NUMBER, value, line))
        return j
    while j < n and (src[j].isdigit() or src[j] == "_"):
        j += 1
    is_float = False
    if j < n and src[j] == ".":
        is_float = True
        j += 1
        while j < n and (src[j].isdigit() or src[j] == "_"):
            j += 1
    if j < n and src[j] in "eE":
        k = j + 1
        if k < n and src[k] in "+-":
            k += 1
        if k < n and src[k].isdigit():
            is_float = True
            j = k
            while j < n and (src[j].isdigit() or src[j] == "_"):
                j += 1
    text = src[i:j].replace("_", "")
    if j < n and src[j] in "jJ":
        toks.append((NUMBER, complex(0, float(text)), line))
        return j + 1
    if is_float:
        toks.append((NUMBER, float(text), line))
    else:
        if len(text) > 1 and text[0] == "0" and text.strip("0"):
            raise syntax_error("leading zeros in decimal integer literals are not permitted; "
                               "use an 0o prefix for octal integers", line, filename)
        toks.append((NUMBER, int(text), line))
    return j
