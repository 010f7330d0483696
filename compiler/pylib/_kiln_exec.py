# kiln's run-time evaluator, part 3: runs the syntax trees of `_kiln_parse`. Each node is
# compiled once into a Python closure taking the activation record (`_Frame`); names are
# resolved when compiling, as CPython's symbol table does: a function's locals are slots of
# its frame, variables of enclosing functions are read through the chain of defining frames,
# other names are globals then builtins (module level: locals, globals, builtins). A function
# that the source defines is a real function object (`_kiln.interpreted`): the runtime binds
# its arguments with CPython's rules and messages, then hands them to the compiled body.
# Entry points: `exec_source`, `eval_source`, `compile_source` (for `_kiln_eval`).
import sys
import builtins as _builtins_module
import _kiln
import _kiln_parse as parse

_NEW_MESSAGES = sys.version_info >= (3, 11)
_CO_VARARGS = 0x04
_CO_VARKEYWORDS = 0x08


class _Signal:
    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name


_RETURN = _Signal("return")
_BREAK = _Signal("break")
_CONTINUE = _Signal("continue")


class _Unbound:
    __slots__ = ()


_UNBOUND = _Unbound()


class _Frame:
    __slots__ = ("fast", "up", "g", "b", "ns", "ret")


# --- scopes ---

class _Scope:
    """Where each name of one function (or the module level) lives."""

    def __init__(self, kind, parent, name, bound=(), declared_global=(), declared_nonlocal=()):
        self.kind = kind
        self.parent = parent
        self.name = name
        self.slots = {}
        self.globals = set(declared_global)
        self.nonlocals = set(declared_nonlocal)
        self.own_qualname = name
        for n in bound:
            if n not in self.slots and n not in self.globals and n not in self.nonlocals:
                self.slots[n] = len(self.slots)

    def qualname(self, name):
        s = self
        while s is not None and s.kind == "comp":
            s = s.parent
        if s is None or s.kind == "module":
            return name
        return f"{s.own_qualname}.<locals>.{name}"

    def resolve(self, name):
        if self.kind == "module":
            return ("name", name)
        if name in self.globals:
            return ("global", name)
        if name in self.slots:
            return ("fast", self.slots[name])
        depth = 1
        s = self.parent
        while s is not None and s.kind != "module":
            if name in s.slots and name not in s.globals:
                return ("free", depth, s.slots[name])
            if name in s.globals:
                break
            depth += 1
            s = s.parent
        if name in self.nonlocals:
            raise SyntaxError(f"no binding for nonlocal '{name}' found")
        return ("global", name)


def _bound_names(stmts, out, glob, nonloc):
    """Collects the names that statements bind in their own scope (not nested ones)."""
    for s in stmts:
        k = s[0]
        if k == "assign":
            for t in s[2]:
                _target_names(t, out)
        elif k in ("augassign", "annassign"):
            _target_names(s[2], out)
        elif k == "for":
            _target_names(s[2], out)
            _bound_names(s[4], out, glob, nonloc)
            _bound_names(s[5], out, glob, nonloc)
        elif k == "while":
            _bound_names(s[3], out, glob, nonloc)
            _bound_names(s[4], out, glob, nonloc)
        elif k == "if":
            _bound_names(s[3], out, glob, nonloc)
            _bound_names(s[4], out, glob, nonloc)
        elif k == "try":
            _bound_names(s[2], out, glob, nonloc)
            for _typ, name, body in s[3]:
                if name is not None:
                    out.append(name)
                _bound_names(body, out, glob, nonloc)
            _bound_names(s[4], out, glob, nonloc)
            _bound_names(s[5], out, glob, nonloc)
        elif k == "with":
            for _ctx, target in s[2]:
                if target is not None:
                    _target_names(target, out)
            _bound_names(s[3], out, glob, nonloc)
        elif k == "def":
            out.append(s[2])
        elif k == "del":
            for t in s[2]:
                _target_names(t, out)
        elif k == "import":
            for dotted, asname in s[2]:
                out.append(asname or dotted.partition(".")[0])
        elif k == "from":
            for name, asname in s[4] or ():
                out.append(asname or name)
        elif k == "global":
            glob.extend(s[2])
        elif k == "nonlocal":
            nonloc.extend(s[2])


def _target_names(t, out):
    k = t[0]
    if k == "name":
        out.append(t[1])
    elif k in ("tuple", "list"):
        for x in t[1]:
            _target_names(x, out)
    elif k == "star":
        _target_names(t[1], out)


def _function_scope(kind, parent, name, params, body):
    posonly, args, vararg, kwonly, kwarg = params
    names = [p[0] for p in posonly + args + kwonly]
    if vararg is not None:
        names.append(vararg[0])
    if kwarg is not None:
        names.append(kwarg[0])
    bound = list(names)
    glob, nonloc = [], []
    _bound_names(body, bound, glob, nonloc)
    for n in glob:
        if n in names:
            raise SyntaxError(f"name '{n}' is parameter and global")
    return _Scope(kind, parent, name, bound, glob, nonloc), names


# --- errors with CPython's messages ---

def _unbound_local(name):
    if _NEW_MESSAGES:
        return UnboundLocalError(
            f"cannot access local variable '{name}' where it is not associated with a value")
    return UnboundLocalError(f"local variable '{name}' referenced before assignment")


def _unbound_free(name):
    if _NEW_MESSAGES:
        return NameError(f"cannot access free variable '{name}' where it is not associated "
                         "with a value in enclosing scope")
    return NameError(f"free variable '{name}' referenced before assignment in enclosing scope")


def _not_defined(name):
    return NameError(f"name '{name}' is not defined")


# --- expressions ---

def _load(scope, name):
    where = scope.resolve(name)
    kind = where[0]
    if kind == "fast":
        i = where[1]

        def load_fast(fr):
            v = fr.fast[i]
            if v is _UNBOUND:
                raise _unbound_local(name)
            return v
        return load_fast
    if kind == "free":
        depth, i = where[1], where[2]

        def load_free(fr):
            f = fr.up
            for _ in range(depth - 1):
                f = f.up
            v = f.fast[i]
            if v is _UNBOUND:
                raise _unbound_free(name)
            return v
        return load_free
    if kind == "global":
        def load_global(fr):
            try:
                return fr.g[name]
            except KeyError:
                pass
            try:
                return fr.b[name]
            except KeyError:
                raise _not_defined(name) from None
        return load_global

    def load_name(fr):
        try:
            return fr.ns[name]
        except KeyError:
            pass
        try:
            return fr.g[name]
        except KeyError:
            pass
        try:
            return fr.b[name]
        except KeyError:
            raise _not_defined(name) from None
    return load_name


def _binop(op):
    if op == "+":
        return lambda a, b: a + b
    if op == "-":
        return lambda a, b: a - b
    if op == "*":
        return lambda a, b: a * b
    if op == "/":
        return lambda a, b: a / b
    if op == "//":
        return lambda a, b: a // b
    if op == "%":
        return lambda a, b: a % b
    if op == "**":
        return lambda a, b: a ** b
    if op == "@":
        return lambda a, b: a @ b
    if op == "&":
        return lambda a, b: a & b
    if op == "|":
        return lambda a, b: a | b
    if op == "^":
        return lambda a, b: a ^ b
    if op == "<<":
        return lambda a, b: a << b
    if op == ">>":
        return lambda a, b: a >> b
    raise SyntaxError(f"unknown operator {op}")


def _inplace(op):
    def iadd(a, b):
        a += b
        return a

    def isub(a, b):
        a -= b
        return a

    def imul(a, b):
        a *= b
        return a

    def itruediv(a, b):
        a /= b
        return a

    def ifloordiv(a, b):
        a //= b
        return a

    def imod(a, b):
        a %= b
        return a

    def ipow(a, b):
        a **= b
        return a

    def imatmul(a, b):
        a @= b
        return a

    def iand(a, b):
        a &= b
        return a

    def ior(a, b):
        a |= b
        return a

    def ixor(a, b):
        a ^= b
        return a

    def ilshift(a, b):
        a <<= b
        return a

    def irshift(a, b):
        a >>= b
        return a

    return {"+": iadd, "-": isub, "*": imul, "/": itruediv, "//": ifloordiv, "%": imod,
            "**": ipow, "@": imatmul, "&": iand, "|": ior, "^": ixor, "<<": ilshift,
            ">>": irshift}[op]


def _compare(op):
    if op == "==":
        return lambda a, b: a == b
    if op == "!=":
        return lambda a, b: a != b
    if op == "<":
        return lambda a, b: a < b
    if op == "<=":
        return lambda a, b: a <= b
    if op == ">":
        return lambda a, b: a > b
    if op == ">=":
        return lambda a, b: a >= b
    if op == "is":
        return lambda a, b: a is b
    if op == "is not":
        return lambda a, b: a is not b
    if op == "in":
        return lambda a, b: a in b
    return lambda a, b: a not in b


def _expr(node, scope):
    k = node[0]
    if k == "const":
        v = node[1]
        return lambda fr: v
    if k == "name":
        return _load(scope, node[1])
    if k == "attr":
        obj = _expr(node[1], scope)
        name = node[2]
        return lambda fr: getattr(obj(fr), name)
    if k == "sub":
        obj = _expr(node[1], scope)
        index = _expr(node[2], scope)
        return lambda fr: obj(fr)[index(fr)]
    if k == "slice":
        lo, hi, step = (_expr(x, scope) if x is not None else None for x in node[1:])
        return lambda fr: slice(lo(fr) if lo else None, hi(fr) if hi else None,
                                step(fr) if step else None)
    if k == "call":
        return _call(node, scope)
    if k == "bin":
        fn = _binop(node[1])
        left = _expr(node[2], scope)
        right = _expr(node[3], scope)
        if node[1] == "+":
            return lambda fr: left(fr) + right(fr)
        return lambda fr: fn(left(fr), right(fr))
    if k == "unary":
        e = _expr(node[2], scope)
        if node[1] == "-":
            return lambda fr: -e(fr)
        if node[1] == "+":
            return lambda fr: +e(fr)
        return lambda fr: ~e(fr)
    if k == "not":
        e = _expr(node[1], scope)
        return lambda fr: not e(fr)
    if k == "bool":
        items = [_expr(x, scope) for x in node[2]]
        if node[1] == "and":
            def and_(fr):
                v = True
                for x in items:
                    v = x(fr)
                    if not v:
                        return v
                return v
            return and_

        def or_(fr):
            v = False
            for x in items:
                v = x(fr)
                if v:
                    return v
            return v
        return or_
    if k == "cmp":
        first = _expr(node[1], scope)
        rest = [(_compare(op), _expr(e, scope)) for op, e in node[2]]
        if len(rest) == 1:
            cmp, right = rest[0]
            return lambda fr: cmp(first(fr), right(fr))

        def chain(fr):
            a = first(fr)
            result = True
            for cmp, right in rest:
                b = right(fr)
                result = cmp(a, b)
                if not result:
                    return result
                a = b
            return result
        return chain
    if k == "ifexp":
        test, body, orelse = (_expr(x, scope) for x in node[1:])
        return lambda fr: body(fr) if test(fr) else orelse(fr)
    if k in ("tuple", "list", "set"):
        return _display(k, node[1], scope)
    if k == "dict":
        pairs = [(_expr(a, scope) if a is not None else None, _expr(b, scope))
                 for a, b in node[1]]

        def dict_(fr):
            d = {}
            for key, value in pairs:
                if key is None:
                    d.update(value(fr))
                else:
                    d[key(fr)] = value(fr)
            return d
        return dict_
    if k == "fstr":
        return _fstring(node[1], scope)
    if k == "lambda":
        return _function(node, scope, "<lambda>", node[1], [("return", 0, node[2])], None,
                         [], True)
    if k == "comp":
        return _comprehension(node, scope)
    if k == "star":
        raise SyntaxError("can't use starred expression here")
    raise SyntaxError(f"kiln's evaluator cannot run a {k} expression")


def _display(kind, items, scope):
    parts = [(x[0] == "star", _expr(x[1] if x[0] == "star" else x, scope)) for x in items]
    if not any(star for star, _ in parts):
        fns = [f for _, f in parts]
        if kind == "tuple":
            return lambda fr: tuple([f(fr) for f in fns])
        if kind == "list":
            return lambda fr: [f(fr) for f in fns]
        return lambda fr: {f(fr) for f in fns}

    def build(fr):
        out = []
        for star, f in parts:
            if star:
                out.extend(f(fr))
            else:
                out.append(f(fr))
        if kind == "tuple":
            return tuple(out)
        if kind == "list":
            return out
        return set(out)
    return build


def _call(node, scope):
    func = _expr(node[1], scope)
    args = node[2]
    kwargs = node[3]
    if not kwargs and not any(a[0] == "star" for a in args):
        fns = [_expr(a, scope) for a in args]
        if not fns:
            return lambda fr: func(fr)()
        if len(fns) == 1:
            a0 = fns[0]
            return lambda fr: func(fr)(a0(fr))
        if len(fns) == 2:
            a0, a1 = fns
            return lambda fr: func(fr)(a0(fr), a1(fr))
        return lambda fr: func(fr)(*[f(fr) for f in fns])
    pos = [(a[0] == "star", _expr(a[1] if a[0] == "star" else a, scope)) for a in args]
    kws = [(key, _expr(value, scope)) for key, value in kwargs]

    def call(fr):
        f = func(fr)
        positional = []
        for star, g in pos:
            if star:
                positional.extend(g(fr))
            else:
                positional.append(g(fr))
        keywords = {}
        for key, g in kws:
            if key is None:
                mapping = g(fr)
                for name in mapping.keys():
                    if name in keywords:
                        raise TypeError(
                            f"{_func_name(f)} got multiple values for keyword argument '{name}'")
                    keywords[name] = mapping[name]
            else:
                keywords[key] = g(fr)
        return f(*positional, **keywords)
    return call


def _func_name(f):
    name = getattr(f, "__qualname__", None) or type(f).__name__
    return f"{name}()"


def _fstring(parts, scope):
    pieces = []
    for p in parts:
        if isinstance(p, str):
            pieces.append(p)
        elif p[0] == "debug":
            pieces.append(p[1])
            pieces.append(_field(p[2], scope))
        else:
            pieces.append(_field(p, scope))

    def fstr(fr):
        out = []
        for p in pieces:
            out.append(p if isinstance(p, str) else p(fr))
        return "".join(out)
    return fstr


def _field(field, scope):
    expr, conv, spec = field
    e = _expr(expr, scope)
    spec_fn = _fstring(spec, scope) if spec is not None else None

    def value(fr):
        v = e(fr)
        if conv == "r":
            v = repr(v)
        elif conv == "s":
            v = str(v)
        elif conv == "a":
            v = ascii(v)
        return format(v, spec_fn(fr) if spec_fn is not None else "")
    return value


def _comprehension(node, outer):
    _k, kind, elt, clauses = node
    bound = []
    for c in clauses:
        if c[0] == "for":
            _target_names(c[1], bound)
    scope = _Scope("comp", outer, "<" + kind + "comp>", bound)
    first_iter = _expr(clauses[0][2], outer)
    steps = []
    for i, c in enumerate(clauses):
        if c[0] == "for":
            it = _expr(c[2], scope) if i else None
            steps.append(("for", _store(c[1], scope), it))
        else:
            steps.append(("if", _expr(c[1], scope)))
    if kind == "dict":
        key_fn = _expr(elt[0], scope)
        value_fn = _expr(elt[1], scope)
    else:
        elt_fn = _expr(elt, scope)
    nslots = len(scope.slots)

    def run(fr, it, emit, i=0):
        step = steps[i]
        last = i + 1 == len(steps)
        if step[0] == "if":
            if step[1](fr):
                if last:
                    emit(fr)
                else:
                    run(fr, None, emit, i + 1)
            return
        source = it if i == 0 else iter(step[2](fr))
        store = step[1]
        for v in source:
            store(fr, v)
            if last:
                emit(fr)
            else:
                run(fr, None, emit, i + 1)

    def new_frame(fr):
        inner = _Frame()
        inner.fast = [_UNBOUND] * nslots
        inner.up = fr
        inner.g = fr.g
        inner.b = fr.b
        inner.ns = None
        return inner

    if kind == "gen":
        def walk(fr, it, i):
            step = steps[i]
            last = i + 1 == len(steps)
            if step[0] == "if":
                if step[1](fr):
                    if last:
                        yield elt_fn(fr)
                    else:
                        yield from walk(fr, None, i + 1)
                return
            source = it if i == 0 else iter(step[2](fr))
            for v in source:
                step[1](fr, v)
                if last:
                    yield elt_fn(fr)
                else:
                    yield from walk(fr, None, i + 1)

        def genexpr(fr):
            return walk(new_frame(fr), iter(first_iter(fr)), 0)
        return genexpr

    def comp(fr):
        it = iter(first_iter(fr))
        inner = new_frame(fr)
        if kind == "list":
            out = []
            run(inner, it, lambda f: out.append(elt_fn(f)))
        elif kind == "set":
            out = set()
            run(inner, it, lambda f: out.add(elt_fn(f)))
        else:
            out = {}

            def put(f):
                out[key_fn(f)] = value_fn(f)
            run(inner, it, put)
        return out
    return comp


# --- stores ---

def _unpack(value, before, star, after):
    items = list(value) if star else None
    if not star:
        items = []
        it = iter(value)
        for v in it:
            items.append(v)
            if len(items) > before:
                raise ValueError(f"too many values to unpack (expected {before})")
        if len(items) < before:
            raise ValueError(
                f"not enough values to unpack (expected {before}, got {len(items)})")
        return items
    if len(items) < before + after:
        raise ValueError(f"not enough values to unpack (expected at least {before + after}, "
                         f"got {len(items)})")
    rest = len(items) - after
    return items[:before] + [items[before:rest]] + items[rest:]


def _store(t, scope):
    k = t[0]
    if k == "name":
        name = t[1]
        where = scope.resolve(name)
        if where[0] == "fast":
            i = where[1]

            def store_fast(fr, v):
                fr.fast[i] = v
            return store_fast
        if where[0] == "free":
            depth, i = where[1], where[2]

            def store_free(fr, v):
                f = fr.up
                for _ in range(depth - 1):
                    f = f.up
                f.fast[i] = v
            return store_free
        if where[0] == "global":
            def store_global(fr, v):
                fr.g[name] = v
            return store_global

        def store_name(fr, v):
            fr.ns[name] = v
        return store_name
    if k == "attr":
        obj = _expr(t[1], scope)
        attr = t[2]
        return lambda fr, v: setattr(obj(fr), attr, v)
    if k == "sub":
        obj = _expr(t[1], scope)
        index = _expr(t[2], scope)

        def store_item(fr, v):
            o = obj(fr)
            o[index(fr)] = v
        return store_item
    if k in ("tuple", "list"):
        elts = t[1]
        stars = [i for i, x in enumerate(elts) if x[0] == "star"]
        if len(stars) > 1:
            raise SyntaxError("multiple starred expressions in assignment")
        star = bool(stars)
        before = stars[0] if star else len(elts)
        after = len(elts) - before - 1 if star else 0
        stores = [_store(x[1] if x[0] == "star" else x, scope) for x in elts]

        def store_seq(fr, v):
            for s, item in zip(stores, _unpack(v, before, star, after)):
                s(fr, item)
        return store_seq
    raise SyntaxError("cannot assign to expression")


def _delete(t, scope):
    k = t[0]
    if k == "name":
        name = t[1]
        where = scope.resolve(name)
        if where[0] == "fast":
            i = where[1]

            def del_fast(fr):
                if fr.fast[i] is _UNBOUND:
                    raise _unbound_local(name)
                fr.fast[i] = _UNBOUND
            return del_fast
        if where[0] == "free":
            raise parse.unsupported("'del' of a variable of an enclosing function", 0)

        def del_name(fr):
            d = fr.g if where[0] == "global" else fr.ns
            try:
                del d[name]
            except KeyError:
                raise _not_defined(name) from None
        return del_name
    if k == "attr":
        obj = _expr(t[1], scope)
        attr = t[2]
        return lambda fr: delattr(obj(fr), attr)
    if k == "sub":
        obj = _expr(t[1], scope)
        index = _expr(t[2], scope)

        def del_item(fr):
            o = obj(fr)
            del o[index(fr)]
        return del_item
    if k in ("tuple", "list"):
        dels = [_delete(x, scope) for x in t[1]]

        def del_all(fr):
            for d in dels:
                d(fr)
        return del_all
    raise SyntaxError("cannot delete expression")


# --- statements ---

def _suite(stmts, scope):
    fns = [_stmt(s, scope) for s in stmts]
    if len(fns) == 1:
        return fns[0]

    def suite(fr):
        for f in fns:
            r = f(fr)
            if r is not None:
                return r
        return None
    return suite


def _reraise():
    raise


def _stmt(s, scope):
    k = s[0]
    if k == "expr":
        e = _expr(s[2], scope)

        def expr_stmt(fr):
            e(fr)
        return expr_stmt
    if k == "assign":
        value = _expr(s[3], scope)
        stores = [_store(t, scope) for t in s[2]]
        if len(stores) == 1:
            store = stores[0]

            def assign(fr):
                store(fr, value(fr))
            return assign

        def assign_many(fr):
            v = value(fr)
            for st in stores:
                st(fr, v)
        return assign_many
    if k == "augassign":
        return _augassign(s, scope)
    if k == "annassign":
        if s[4] is None:
            return lambda fr: None
        value = _expr(s[4], scope)
        store = _store(s[2], scope)

        def annassign(fr):
            store(fr, value(fr))
        return annassign
    if k == "return":
        value = _expr(s[2], scope) if s[2] is not None else None

        def return_(fr):
            fr.ret = value(fr) if value is not None else None
            return _RETURN
        return return_
    if k == "pass":
        return lambda fr: None
    if k == "break":
        return lambda fr: _BREAK
    if k == "continue":
        return lambda fr: _CONTINUE
    if k == "if":
        test = _expr(s[2], scope)
        body = _suite(s[3], scope)
        orelse = _suite(s[4], scope) if s[4] else None

        def if_(fr):
            if test(fr):
                return body(fr)
            if orelse is not None:
                return orelse(fr)
            return None
        return if_
    if k == "while":
        test = _expr(s[2], scope)
        body = _suite(s[3], scope)
        orelse = _suite(s[4], scope) if s[4] else None

        def while_(fr):
            while test(fr):
                r = body(fr)
                if r is not None:
                    if r is _BREAK:
                        return None
                    if r is not _CONTINUE:
                        return r
            if orelse is not None:
                return orelse(fr)
            return None
        return while_
    if k == "for":
        store = _store(s[2], scope)
        it = _expr(s[3], scope)
        body = _suite(s[4], scope)
        orelse = _suite(s[5], scope) if s[5] else None

        def for_(fr):
            for v in it(fr):
                store(fr, v)
                r = body(fr)
                if r is not None:
                    if r is _BREAK:
                        return None
                    if r is not _CONTINUE:
                        return r
            if orelse is not None:
                return orelse(fr)
            return None
        return for_
    if k == "raise":
        exc = _expr(s[2], scope) if s[2] is not None else None
        cause = _expr(s[3], scope) if s[3] is not None else None

        def raise_(fr):
            if exc is None:
                _reraise()
            e = exc(fr)
            if cause is not None:
                raise e from cause(fr)
            raise e
        return raise_
    if k == "try":
        return _try(s, scope)
    if k == "with":
        return _with(s[2], _suite(s[3], scope), scope)
    if k == "def":
        _line, name, params, returns, body, decorators = s[1:]
        make = _function(s, scope, name, params, body, returns, decorators, False)
        store = _store(("name", name), scope)

        def def_(fr):
            store(fr, make(fr))
        return def_
    if k in ("global", "nonlocal"):
        return lambda fr: None
    if k == "del":
        return _delete(("tuple", s[2]), scope)
    if k == "assert":
        test = _expr(s[2], scope)
        msg = _expr(s[3], scope) if s[3] is not None else None

        def assert_(fr):
            if not test(fr):
                if msg is None:
                    raise AssertionError
                raise AssertionError(msg(fr))
        return assert_
    if k == "import":
        return _import(s, scope)
    if k == "from":
        return _from_import(s, scope)
    raise SyntaxError(f"kiln's evaluator cannot run a {k} statement")


def _augassign(s, scope):
    target, op, value = s[2], s[3], _expr(s[4], scope)
    fn = _inplace(op)
    k = target[0]
    if k == "name":
        load = _load(scope, target[1])
        store = _store(target, scope)

        def aug_name(fr):
            store(fr, fn(load(fr), value(fr)))
        return aug_name
    obj = _expr(target[1], scope)
    if k == "attr":
        attr = target[2]

        def aug_attr(fr):
            o = obj(fr)
            setattr(o, attr, fn(getattr(o, attr), value(fr)))
        return aug_attr
    index = _expr(target[2], scope)

    def aug_item(fr):
        o = obj(fr)
        i = index(fr)
        o[i] = fn(o[i], value(fr))
    return aug_item


def _try(s, scope):
    _k, _line, body, handlers, orelse, final = s
    body_fn = _suite(body, scope)
    hs = []
    for typ, name, hbody in handlers:
        hs.append((_expr(typ, scope) if typ is not None else None,
                   _store(("name", name), scope) if name is not None else None,
                   _delete(("name", name), scope) if name is not None else None,
                   _suite(hbody, scope)))
    else_fn = _suite(orelse, scope) if orelse else None
    final_fn = _suite(final, scope) if final else None

    def try_except(fr):
        try:
            r = body_fn(fr)
        except BaseException as e:
            for typ, store, delete, handler in hs:
                if typ is None or isinstance(e, typ(fr)):
                    if store is not None:
                        store(fr, e)
                        try:
                            return handler(fr)
                        finally:
                            store(fr, None)
                            delete(fr)
                    return handler(fr)
            raise
        if else_fn is not None:
            return else_fn(fr)
        return r

    inner = try_except if hs else body_fn
    if final_fn is None:
        return inner

    def try_finally(fr):
        try:
            r = inner(fr)
        finally:
            rf = final_fn(fr)
            if rf is not None:
                return rf
        return r
    return try_finally


def _with(items, body, scope):
    ctx_expr, target = items[0]
    ctx = _expr(ctx_expr, scope)
    store = _store(target, scope) if target is not None else None
    rest = _with(items[1:], body, scope) if len(items) > 1 else body

    def with_(fr):
        mgr = ctx(fr)
        cls = type(mgr)
        try:
            enter = cls.__enter__
            exit_ = cls.__exit__
        except AttributeError:
            if _NEW_MESSAGES:
                raise TypeError(f"'{cls.__name__}' object does not support the context "
                                "manager protocol") from None
            raise
        value = enter(mgr)
        if store is not None:
            store(fr, value)
        try:
            r = rest(fr)
        except BaseException as e:
            if not exit_(mgr, type(e), e, e.__traceback__):
                raise
            return None
        exit_(mgr, None, None, None)
        return r
    return with_


def _import(s, scope):
    names = [(dotted, asname, _store(("name", asname or dotted.partition(".")[0]), scope))
             for dotted, asname in s[2]]

    def import_(fr):
        imp = fr.b["__import__"]
        for dotted, asname, store in names:
            m = imp(dotted, fr.g, fr.ns, None, 0)
            if asname is not None:
                for part in dotted.split(".")[1:]:
                    m = getattr(m, part)
            store(fr, m)
    return import_


def _from_import(s, scope):
    _k, _line, module, level, names = s
    if names is None:
        if scope.kind != "module":
            raise SyntaxError("import * only allowed at module level")

        def import_star(fr):
            m = fr.b["__import__"](module, fr.g, fr.ns, ("*",), level)
            public = getattr(m, "__all__", None)
            if public is None:
                public = [n for n in m.__dict__ if not n.startswith("_")]
            for n in public:
                fr.ns[n] = getattr(m, n)
        return import_star
    stores = [(name, _store(("name", asname or name), scope)) for name, asname in names]
    fromlist = tuple(name for name, _ in names)

    def import_from(fr):
        m = fr.b["__import__"](module, fr.g, fr.ns, fromlist, level)
        for name, store in stores:
            try:
                v = getattr(m, name)
            except AttributeError:
                raise ImportError(
                    f"cannot import name '{name}' from '{m.__name__}'") from None
            store(fr, v)
    return import_from


# --- functions ---

def _function(node, scope, name, params, body, returns, decorators, is_lambda):
    fscope, names = _function_scope("function", scope, name, params, body)
    qualname = scope.qualname(name)
    fscope.own_qualname = qualname
    posonly, args, vararg, kwonly, kwarg = params
    counts = (len(posonly) + len(args), len(posonly), len(kwonly))
    flags = (_CO_VARARGS if vararg is not None else 0) | (
        _CO_VARKEYWORDS if kwarg is not None else 0)
    defaults = [_expr(p[2], scope) for p in posonly + args if p[2] is not None]
    kwdefaults = [(p[0], _expr(p[2], scope)) for p in kwonly if p[2] is not None]
    annotated = [(p[0], _expr(p[1], scope)) for p in posonly + args + kwonly
                 + [vararg, kwarg] if p is not None and p[1] is not None]
    if returns is not None:
        annotated.append(("return", _expr(returns, scope)))
    decorator_fns = [_expr(d, scope) for d in decorators]
    doc = None
    if not is_lambda and body and body[0][0] == "expr" and body[0][2][0] == "const" \
            and isinstance(body[0][2][1], str):
        doc = body[0][2][1]
    code = _suite(body, fscope)
    extra = len(fscope.slots) - len(names)
    names_tuple = tuple(names)
    line = node[1] if not is_lambda else 1

    def make(fr):
        decorated = [d(fr) for d in decorator_fns]
        defined_in = fr

        def run(bound):
            inner = _Frame()
            inner.fast = list(bound) + [_UNBOUND] * extra if extra else list(bound)
            inner.up = defined_in
            inner.g = defined_in.g
            inner.b = defined_in.b
            inner.ns = None
            inner.ret = None
            if code(inner) is _RETURN:
                return inner.ret
            return None

        f = _kiln.interpreted(run, name, qualname, "<string>", line, names_tuple, counts,
                              flags, fr.g)
        if defaults:
            f.__defaults__ = tuple([d(fr) for d in defaults])
        if kwdefaults:
            f.__kwdefaults__ = {k: d(fr) for k, d in kwdefaults}
        if annotated:
            f.__annotations__ = {k: a(fr) for k, a in annotated}
        f.__doc__ = doc
        for d in reversed(decorated):
            f = d(f)
        return f
    return make


# --- entry points ---

class SourceCode:
    """What kiln's `compile()` returns: source text parsed for `exec` or `eval`."""

    def __init__(self, tree, mode, filename):
        self.tree = tree
        self.mode = mode
        self.co_filename = filename
        self.co_name = "<module>"

    def __repr__(self):
        return f'<code object <module> at {hex(id(self))}, file "{self.co_filename}", line 1>'


def _builtins_of(globals):
    b = globals.get("__builtins__")
    if b is None:
        b = _builtins_module.__dict__
        globals["__builtins__"] = b
    if not isinstance(b, dict):
        b = b.__dict__
    return b


def _module_frame(globals, locals):
    fr = _Frame()
    fr.fast = None
    fr.up = None
    fr.g = globals
    fr.b = _builtins_of(globals)
    fr.ns = globals if locals is None else locals
    fr.ret = None
    return fr


def source_text(source, what):
    if isinstance(source, (bytes, bytearray)):
        source = bytes(source).decode("utf-8")
    if not isinstance(source, str):
        raise TypeError(f"{what}() arg 1 must be a string, bytes or code object")
    if "\0" in source:
        raise SyntaxError("source code string cannot contain null bytes")
    return source


def filename_of(filename):
    """compile()'s filename argument: a str, or bytes or a path-like naming one."""
    if isinstance(filename, bytes):
        return filename.decode("utf-8", "replace")
    if not isinstance(filename, str) and hasattr(filename, "__fspath__"):
        filename = filename.__fspath__()
    if not isinstance(filename, str):
        raise TypeError("compile() argument 'filename' must be str, bytes or os.PathLike, "
                        f"not {type(filename).__name__}")
    return filename


def compile_source(source, filename, mode):
    if isinstance(source, SourceCode):
        return source
    text = source_text(source, "compile")
    if mode == "eval":
        return SourceCode(parse.parse_expression(text.lstrip(" \t"), filename), mode, filename)
    if mode in ("exec", "single"):
        return SourceCode(parse.parse_file(text, filename), mode, filename)
    raise ValueError("compile() mode must be 'exec', 'eval' or 'single'")


def exec_source(source, globals, locals):
    code = source if isinstance(source, SourceCode) else compile_source(
        source_text(source, "exec"), "<string>", "exec")
    scope = _Scope("module", None, "<module>")
    fr = _module_frame(globals, locals)
    if code.mode == "eval":
        _expr(code.tree, scope)(fr)
        return None
    _suite(code.tree, scope)(fr)
    return None


def eval_source(source, globals, locals):
    if isinstance(source, SourceCode):
        code = source
    else:
        text = source_text(source, "eval")
        code = compile_source(text.lstrip(" \t"), "<string>", "eval")
    scope = _Scope("module", None, "<module>")
    fr = _module_frame(globals, locals)
    if code.mode == "eval":
        return _expr(code.tree, scope)(fr)
    _suite(code.tree, scope)(fr)
    return None
