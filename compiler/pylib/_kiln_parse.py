# kiln's run-time evaluator, part 2: tokens to a syntax tree, by recursive descent over
# Python's grammar. Nodes are tuples whose first item names the kind (see `_kiln_exec`, which
# runs them). The subset: every expression but `yield`, `await` and `:=`; the statements def
# (with decorators), return, if, while, for, try, with, raise, assert, del, pass, break,
# continue, global, nonlocal, import, assignments. Anything else (class, async, match, yield)
# raises NotImplementedError naming what is missing, never a wrong result.
import _kiln_lex as lex
from _kiln_lex import NAME, NUMBER, STRING, FSTRING, OP, NEWLINE, INDENT, DEDENT, END

_COMPARE = ("<", ">", "==", ">=", "<=", "!=", "in", "not in", "is", "is not")
_AUG = ("+=", "-=", "*=", "/=", "//=", "%=", "@=", "&=", "|=", "^=", ">>=", "<<=", "**=")
_KEYWORDS = frozenset((
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
    "try", "while", "with", "yield"))


def unsupported(what, line):
    return NotImplementedError(
        f"kiln: this source uses {what} (line {line}), which kiln's run-time evaluator "
        "does not support")


class Parser:
    def __init__(self, src, filename="<string>"):
        self.filename = filename
        self.toks = lex.tokenize(src, filename)
        self.pos = 0

    # --- token helpers ---
    def peek(self, k=0):
        return self.toks[min(self.pos + k, len(self.toks) - 1)]

    def line(self):
        return self.peek()[2]

    def next(self):
        t = self.toks[self.pos]
        if self.pos < len(self.toks) - 1:
            self.pos += 1
        return t

    def at(self, value, kind=OP):
        t = self.peek()
        return t[0] == kind and (value is None or t[1] == value)

    def at_kw(self, word):
        t = self.peek()
        return t[0] == NAME and t[1] == word

    def accept(self, value, kind=OP):
        if self.at(value, kind):
            self.next()
            return True
        return False

    def accept_kw(self, word):
        return self.accept(word, NAME)

    def error(self, msg="invalid syntax"):
        return lex.syntax_error(msg, self.line(), self.filename)

    def expect(self, value, kind=OP):
        if not self.accept(value, kind):
            raise self.error(f"expected '{value}'" if value != ":" else "expected ':'")

    def name(self):
        t = self.next()
        if t[0] != NAME or t[1] in _KEYWORDS:
            raise lex.syntax_error("invalid syntax", t[2], self.filename)
        return t[1]

    # --- entry points ---
    def file(self):
        body = []
        while self.peek()[0] != END:
            if self.accept(None, NEWLINE):
                continue
            body.extend(self.statement())
        return body

    def eval_input(self):
        while self.peek()[0] == NEWLINE:
            self.next()
        e = self.testlist()
        while self.peek()[0] in (NEWLINE, DEDENT):
            self.next()
        if self.peek()[0] != END:
            raise self.error()
        return e

    # --- statements ---
    def statement(self):
        t = self.peek()
        if t[0] == INDENT:
            raise self.error("unexpected indent")
        if t[0] == NAME:
            w = t[1]
            if w == "if":
                return [self.if_stmt()]
            if w == "while":
                return [self.while_stmt()]
            if w == "for":
                return [self.for_stmt()]
            if w == "def":
                return [self.def_stmt([])]
            if w == "try":
                return [self.try_stmt()]
            if w == "with":
                return [self.with_stmt()]
            if w in ("class", "async", "match") and self.peek(1)[0] == NAME:
                raise unsupported(f"'{w}' statements", t[2])
        if t[0] == OP and t[1] == "@":
            decorators = []
            while self.accept("@"):
                decorators.append(self.test())
                self.expect(None, NEWLINE)
            if not self.at_kw("def"):
                if self.at_kw("class") or self.at_kw("async"):
                    raise unsupported(f"decorated '{self.peek()[1]}' statements", self.line())
                raise self.error()
            return [self.def_stmt(decorators)]
        stmts = [self.small_stmt()]
        while self.accept(";"):
            if self.peek()[0] == NEWLINE:
                break
            stmts.append(self.small_stmt())
        if not self.accept(None, NEWLINE):
            raise self.error()
        return stmts

    def block(self):
        self.expect(":")
        if not self.accept(None, NEWLINE):
            stmts = [self.small_stmt()]
            while self.accept(";"):
                if self.peek()[0] == NEWLINE:
                    break
                stmts.append(self.small_stmt())
            self.expect(None, NEWLINE)
            return stmts
        if not self.accept(None, INDENT):
            raise self.error("expected an indented block")
        body = []
        while not self.accept(None, DEDENT):
            if self.peek()[0] == END:
                break
            body.extend(self.statement())
        return body

    def if_stmt(self):
        line = self.line()
        self.next()
        test = self.named_test()
        body = self.block()
        orelse = []
        if self.at_kw("elif"):
            orelse = [self.if_stmt()]
        elif self.accept_kw("else"):
            orelse = self.block()
        return ("if", line, test, body, orelse)

    def while_stmt(self):
        line = self.line()
        self.next()
        test = self.named_test()
        body = self.block()
        orelse = self.block() if self.accept_kw("else") else []
        return ("while", line, test, body, orelse)

    def for_stmt(self):
        line = self.line()
        self.next()
        target = self.target_list()
        if not self.accept_kw("in"):
            raise self.error("expected 'in'")
        it = self.testlist()
        body = self.block()
        orelse = self.block() if self.accept_kw("else") else []
        return ("for", line, target, it, body, orelse)

    def try_stmt(self):
        line = self.line()
        self.next()
        body = self.block()
        handlers = []
        while self.at_kw("except"):
            hline = self.line()
            self.next()
            if self.at("*"):
                raise unsupported("'except*'", hline)
            typ = name = None
            if not self.at(":"):
                typ = self.test()
                if self.accept(","):
                    items = [typ, self.test()]
                    while self.accept(","):
                        items.append(self.test())
                    typ = ("tuple", items)
                if self.accept_kw("as"):
                    name = self.name()
            handlers.append((typ, name, self.block()))
        orelse = self.block() if handlers and self.accept_kw("else") else []
        final = self.block() if self.accept_kw("finally") else []
        if not handlers and not final:
            raise self.error("expected 'except' or 'finally' block")
        return ("try", line, body, handlers, orelse, final)

    def with_stmt(self):
        line = self.line()
        self.next()
        items = []
        while True:
            ctx = self.test()
            target = self.target() if self.accept_kw("as") else None
            items.append((ctx, target))
            if not self.accept(","):
                break
        return ("with", line, items, self.block())

    def def_stmt(self, decorators):
        line = self.line()
        self.next()
        name = self.name()
        self.expect("(")
        params = self.params(")", True)
        self.expect(")")
        returns = self.test() if self.accept("->") else None
        body = self.block()
        return ("def", line, name, params, returns, body, decorators)

    def params(self, close, annotated):
        """Parameters up to `close`: (posonly, args, vararg, kwonly, kwarg), each parameter a
        tuple (name, annotation, default)."""
        posonly, args, kwonly = [], [], []
        vararg = kwarg = None
        star = False
        while not self.at(close):
            if self.accept("**"):
                kwarg = self.param(annotated, False)
            elif self.accept("*"):
                if star:
                    raise self.error("* argument may appear only once")
                star = True
                if not self.at(",") and not self.at(close):
                    vararg = self.param(annotated, False)
            elif self.accept("/"):
                if star or posonly or not args:
                    raise self.error()
                posonly, args = args, []
            else:
                p = self.param(annotated, True)
                group = kwonly if star else args
                if p[2] is None and group is args and any(a[2] is not None for a in posonly + args):
                    raise self.error("non-default argument follows default argument")
                group.append(p)
            if not self.accept(","):
                break
        return (posonly, args, vararg, kwonly, kwarg)

    def param(self, annotated, with_default):
        name = self.name()
        ann = self.test() if annotated and self.accept(":") else None
        default = self.test() if with_default and self.accept("=") else None
        return (name, ann, default)

    def small_stmt(self):
        t = self.peek()
        line = t[2]
        if t[0] == NAME:
            w = t[1]
            if w == "pass":
                self.next()
                return ("pass", line)
            if w == "break":
                self.next()
                return ("break", line)
            if w == "continue":
                self.next()
                return ("continue", line)
            if w == "return":
                self.next()
                value = None if self.at_end() else self.testlist_star()
                return ("return", line, value)
            if w == "raise":
                self.next()
                exc = cause = None
                if not self.at_end():
                    exc = self.test()
                    if self.accept_kw("from"):
                        cause = self.test()
                return ("raise", line, exc, cause)
            if w in ("global", "nonlocal"):
                self.next()
                names = [self.name()]
                while self.accept(","):
                    names.append(self.name())
                return (w, line, names)
            if w == "del":
                self.next()
                targets = [self.target()]
                while self.accept(","):
                    if self.at_end():
                        break
                    targets.append(self.target())
                return ("del", line, targets)
            if w == "assert":
                self.next()
                test = self.test()
                msg = self.test() if self.accept(",") else None
                return ("assert", line, test, msg)
            if w == "import":
                self.next()
                names = []
                while True:
                    dotted = self.dotted()
                    names.append((dotted, self.name() if self.accept_kw("as") else None))
                    if not self.accept(","):
                        break
                return ("import", line, names)
            if w == "from":
                return self.from_import(line)
            if w in ("yield", "await"):
                raise unsupported(f"'{w}'", line)
        first = self.testlist_star()
        if self.at(":"):
            self.next()
            ann = self.test()
            value = self.testlist_star() if self.accept("=") else None
            return ("annassign", line, self.check_target(first), ann, value)
        t = self.peek()
        if t[0] == OP and t[1] in _AUG:
            self.next()
            return ("augassign", line, self.check_target(first), t[1][:-1], self.testlist())
        if not self.at("="):
            return ("expr", line, first)
        targets = [first]
        while self.accept("="):
            if self.at_kw("yield"):
                raise unsupported("'yield'", line)
            targets.append(self.testlist_star())
        value = targets.pop()
        return ("assign", line, [self.check_target(x) for x in targets], value)

    def from_import(self, line):
        self.next()
        level = 0
        while self.at(".") or self.at("..."):
            level += len(self.next()[1])
        module = self.dotted() if not self.at_kw("import") else ""
        if not self.accept_kw("import"):
            raise self.error()
        if self.accept("*"):
            return ("from", line, module, level, None)
        paren = self.accept("(")
        names = []
        while True:
            n = self.name()
            names.append((n, self.name() if self.accept_kw("as") else None))
            if not self.accept(",") or (paren and self.at(")")):
                break
        if paren:
            self.expect(")")
        return ("from", line, module, level, names)

    def dotted(self):
        parts = [self.name()]
        while self.accept("."):
            parts.append(self.name())
        return ".".join(parts)

    def at_end(self):
        t = self.peek()
        return t[0] in (NEWLINE, END) or (t[0] == OP and t[1] == ";")

    def check_target(self, e):
        kind = e[0]
        if kind in ("name", "attr", "sub"):
            return e
        if kind in ("tuple", "list"):
            for x in e[1]:
                self.check_target(x[1] if x[0] == "star" else x)
            return e
        if kind == "star":
            return e
        what = {"call": "function call", "const": "literal"}.get(kind, "expression")
        raise self.error(f"cannot assign to {what}")

    def target(self):
        return self.check_target(self.expr_bitor())

    def target_list(self):
        items = [self.star_or(self.expr_bitor)]
        trailing = False
        while self.accept(","):
            trailing = True
            if self.at_kw("in") or self.at("="):
                break
            items.append(self.star_or(self.expr_bitor))
        if len(items) == 1 and not trailing:
            return self.check_target(items[0])
        return self.check_target(("tuple", items))

    # --- expressions ---
    def star_or(self, parse):
        if self.accept("*"):
            return ("star", self.expr_bitor())
        return parse()

    def testlist_star(self):
        first = self.star_or(self.test)
        if not self.at(","):
            return first
        items = [first]
        while self.accept(","):
            if self.at_end() or self.at("=") or self.at(")") or self.at(":"):
                break
            t = self.peek()
            if t[0] == OP and t[1] in _AUG:
                break
            items.append(self.star_or(self.test))
        return ("tuple", items)

    testlist = testlist_star

    def named_test(self):
        if self.peek()[0] == NAME and self.peek(1)[0] == OP and self.peek(1)[1] == ":=":
            raise unsupported("':='", self.line())
        return self.test()

    def test(self):
        if self.at_kw("lambda"):
            return self.lambda_expr()
        e = self.or_test()
        if self.accept_kw("if"):
            test = self.or_test()
            if not self.accept_kw("else"):
                raise self.error("expected 'else' after 'if' expression")
            return ("ifexp", test, e, self.test())
        return e

    def test_nocond(self):
        if self.at_kw("lambda"):
            return self.lambda_expr()
        return self.or_test()

    def lambda_expr(self):
        self.next()
        params = self.params(":", False)
        self.expect(":")
        return ("lambda", params, self.test())

    def or_test(self):
        e = self.and_test()
        if not self.at_kw("or"):
            return e
        items = [e]
        while self.accept_kw("or"):
            items.append(self.and_test())
        return ("bool", "or", items)

    def and_test(self):
        e = self.not_test()
        if not self.at_kw("and"):
            return e
        items = [e]
        while self.accept_kw("and"):
            items.append(self.not_test())
        return ("bool", "and", items)

    def not_test(self):
        if self.accept_kw("not"):
            return ("not", self.not_test())
        return self.comparison()

    def comparison(self):
        e = self.expr_bitor()
        rest = []
        while True:
            t = self.peek()
            op = None
            if t[0] == OP and t[1] in ("<", ">", "==", ">=", "<=", "!="):
                op = t[1]
                self.next()
            elif t[0] == NAME and t[1] == "in":
                op = "in"
                self.next()
            elif t[0] == NAME and t[1] == "not" and self.peek(1)[:2] == (NAME, "in"):
                op = "not in"
                self.next()
                self.next()
            elif t[0] == NAME and t[1] == "is":
                self.next()
                op = "is not" if self.accept_kw("not") else "is"
            if op is None:
                break
            rest.append((op, self.expr_bitor()))
        return ("cmp", e, rest) if rest else e

    def binary(self, ops, sub):
        e = sub()
        while True:
            t = self.peek()
            if t[0] != OP or t[1] not in ops:
                return e
            self.next()
            e = ("bin", t[1], e, sub())

    def expr_bitor(self):
        return self.binary(("|",), self.expr_xor)

    def expr_xor(self):
        return self.binary(("^",), self.expr_and)

    def expr_and(self):
        return self.binary(("&",), self.expr_shift)

    def expr_shift(self):
        return self.binary(("<<", ">>"), self.expr_arith)

    def expr_arith(self):
        return self.binary(("+", "-"), self.expr_term)

    def expr_term(self):
        return self.binary(("*", "/", "//", "%", "@"), self.factor)

    def factor(self):
        t = self.peek()
        if t[0] == OP and t[1] in ("+", "-", "~"):
            self.next()
            return ("unary", t[1], self.factor())
        return self.power()

    def power(self):
        if self.at_kw("await"):
            raise unsupported("'await'", self.line())
        e = self.atom_expr()
        if self.accept("**"):
            return ("bin", "**", e, self.factor())
        return e

    def atom_expr(self):
        e = self.atom()
        while True:
            if self.accept("."):
                e = ("attr", e, self.name())
            elif self.accept("("):
                e = self.call(e)
            elif self.accept("["):
                e = ("sub", e, self.subscript())
                self.expect("]")
            else:
                return e

    def call(self, func):
        args, kwargs = [], []
        while not self.at(")"):
            if self.accept("**"):
                kwargs.append((None, self.test()))
            elif self.accept("*"):
                args.append(("star", self.test()))
            elif self.peek()[0] == NAME and self.peek(1)[:2] == (OP, "="):
                key = self.name()
                self.next()
                kwargs.append((key, self.test()))
            else:
                e = self.named_test()
                if self.at_kw("for"):
                    e = self.comprehension("gen", e)
                if kwargs:
                    raise self.error("positional argument follows keyword argument")
                args.append(e)
            if not self.accept(","):
                break
        self.expect(")")
        return ("call", func, args, kwargs)

    def subscript(self):
        items = [self.slice_item()]
        trailing = False
        while self.accept(","):
            trailing = True
            if self.at("]"):
                break
            items.append(self.slice_item())
        if len(items) == 1 and not trailing:
            return items[0]
        return ("tuple", items)

    def slice_item(self):
        if self.at("*"):
            return self.star_or(self.test)
        lo = None if self.at(":") else self.test()
        if not self.accept(":"):
            return lo
        hi = None if self.at(":") or self.at("]") or self.at(",") else self.test()
        step = None
        if self.accept(":"):
            step = None if self.at("]") or self.at(",") else self.test()
        return ("slice", lo, hi, step)

    def atom(self):
        t = self.next()
        kind, value, line = t
        if kind == NAME:
            if value == "None":
                return ("const", None)
            if value == "True":
                return ("const", True)
            if value == "False":
                return ("const", False)
            if value in ("yield", "await"):
                raise unsupported(f"'{value}'", line)
            if value in _KEYWORDS:
                raise lex.syntax_error("invalid syntax", line, self.filename)
            return ("name", value)
        if kind == NUMBER:
            return ("const", value)
        if kind in (STRING, FSTRING):
            return self.strings(t)
        if kind == OP:
            if value == "(":
                if self.accept(")"):
                    return ("tuple", [])
                if self.at_kw("yield"):
                    raise unsupported("'yield'", line)
                first = self.star_or(self.named_test)
                if self.at_kw("for"):
                    e = self.comprehension("gen", first)
                    self.expect(")")
                    return e
                if not self.at(","):
                    self.expect(")")
                    return first
                items = [first]
                while self.accept(","):
                    if self.at(")"):
                        break
                    items.append(self.star_or(self.named_test))
                self.expect(")")
                return ("tuple", items)
            if value == "[":
                if self.accept("]"):
                    return ("list", [])
                first = self.star_or(self.named_test)
                if self.at_kw("for"):
                    e = self.comprehension("list", first)
                    self.expect("]")
                    return e
                items = [first]
                while self.accept(","):
                    if self.at("]"):
                        break
                    items.append(self.star_or(self.named_test))
                self.expect("]")
                return ("list", items)
            if value == "{":
                return self.braces()
            if value == "...":
                return ("const", Ellipsis)
        raise lex.syntax_error("invalid syntax", line, self.filename)

    def braces(self):
        if self.accept("}"):
            return ("dict", [])
        if self.accept("**"):
            first = (None, self.expr_bitor())
        else:
            e = self.star_or(self.named_test)
            if e[0] != "star" and self.accept(":"):
                first = (e, self.test())
            else:
                if self.at_kw("for"):
                    c = self.comprehension("set", e)
                    self.expect("}")
                    return c
                items = [e]
                while self.accept(","):
                    if self.at("}"):
                        break
                    items.append(self.star_or(self.named_test))
                self.expect("}")
                return ("set", items)
        if first[0] is not None and self.at_kw("for"):
            c = self.comprehension("dict", first)
            self.expect("}")
            return c
        pairs = [first]
        while self.accept(","):
            if self.at("}"):
                break
            if self.accept("**"):
                pairs.append((None, self.expr_bitor()))
            else:
                k = self.test()
                self.expect(":")
                pairs.append((k, self.test()))
        self.expect("}")
        return ("dict", pairs)

    def comprehension(self, kind, elt):
        clauses = []
        while True:
            if self.at_kw("async"):
                raise unsupported("'async for'", self.line())
            if self.accept_kw("for"):
                target = self.target_list()
                if not self.accept_kw("in"):
                    raise self.error("expected 'in'")
                clauses.append(("for", target, self.or_test()))
            elif self.accept_kw("if"):
                clauses.append(("if", self.test_nocond()))
            else:
                break
        return ("comp", kind, elt, clauses)

    def strings(self, t):
        parts = []
        is_bytes = None
        while True:
            kind, value, line = t
            if kind == STRING:
                b = isinstance(value, bytes)
                parts.append(value)
            else:
                b = False
                parts.extend(self.fstring(value[0], value[1], line))
            if is_bytes is not None and b != is_bytes:
                raise lex.syntax_error("cannot mix bytes and nonbytes literals", line,
                                       self.filename)
            is_bytes = b
            if self.peek()[0] not in (STRING, FSTRING):
                break
            t = self.next()
        if is_bytes:
            return ("const", b"".join(parts))
        if all(isinstance(p, str) for p in parts):
            return ("const", "".join(parts))
        return ("fstr", parts)

    def fstring(self, body, raw, line):
        """The parts of an f-string's body: str, or (expr, conversion, spec parts or None)."""
        parts = []
        text = []
        i = 0
        n = len(body)
        while i < n:
            c = body[i]
            if c == "{" and body.startswith("{{", i):
                text.append("{")
                i += 2
                continue
            if c == "}" and body.startswith("}}", i):
                text.append("}")
                i += 2
                continue
            if c == "}":
                raise lex.syntax_error("f-string: single '}' is not allowed", line, self.filename)
            if c != "{":
                text.append(c)
                i += 1
                continue
            if text:
                s = "".join(text)
                parts.append(s if raw else lex.decode_escapes(s, False, line))
                text = []
            field, i = self.fstring_field(body, i + 1, raw, line)
            parts.append(field)
        if text:
            s = "".join(text)
            parts.append(s if raw else lex.decode_escapes(s, False, line))
        return parts

    def fstring_field(self, body, i, raw, line):
        n = len(body)
        start = i
        depth = 0
        quote = None
        while i < n:
            c = body[i]
            if quote:
                if c == quote:
                    quote = None
            elif c in "'\"":
                quote = c
            elif c in "([{":
                depth += 1
            elif c in ")]}":
                if depth == 0:
                    break
                depth -= 1
            elif depth == 0 and (c == ":" or (c == "!" and body[i + 1:i + 2] != "=")):
                break
            i += 1
        expr_text = body[start:i]
        debug = None
        stripped = expr_text.rstrip()
        if stripped.endswith("=") and not stripped.endswith(("==", "!=", "<=", ">=")):
            debug = expr_text
            expr_text = stripped[:-1]
        if not expr_text.strip():
            raise lex.syntax_error("f-string: empty expression not allowed", line, self.filename)
        expr = Parser("(" + expr_text.strip() + ")", self.filename).eval_input()
        conv = None
        spec = None
        if i < n and body[i] == "!":
            conv = body[i + 1:i + 2]
            if conv not in ("r", "s", "a"):
                raise lex.syntax_error(
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'", line,
                    self.filename)
            i += 2
        if i < n and body[i] == ":":
            i += 1
            spec_start = i
            depth = 0
            while i < n:
                if body[i] == "{":
                    depth += 1
                elif body[i] == "}":
                    if depth == 0:
                        break
                    depth -= 1
                i += 1
            spec = self.fstring(body[spec_start:i], raw, line)
        if i >= n or body[i] != "}":
            raise lex.syntax_error("f-string: expecting '}'", line, self.filename)
        if debug is not None and conv is None and spec is None:
            conv = "r"
        field = (expr, conv, spec)
        if debug is not None:
            return ("debug", debug, field), i + 1
        return field, i + 1


def parse_file(src, filename="<string>"):
    return Parser(src, filename).file()


def parse_expression(src, filename="<string>"):
    return Parser(src, filename).eval_input()
