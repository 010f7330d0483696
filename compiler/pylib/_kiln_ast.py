# kiln's run-time evaluator, the syntax tree as `ast` nodes: what `compile(..., PyCF_ONLY_AST)`
# (so `ast.parse` and `ast.literal_eval`) returns. It converts the tree of `_kiln_parse` into
# the node classes of `_ast` for the bytecode's version. Nodes carry the line of the statement
# they belong to (lineno, end_lineno) but no columns: kiln's parser does not track them, and
# none is better than a wrong one.
import sys
import _ast

_V39 = sys.version_info >= (3, 9)
_V312 = sys.version_info >= (3, 12)
_BINOPS = {"+": "Add", "-": "Sub", "*": "Mult", "/": "Div", "//": "FloorDiv", "%": "Mod",
           "**": "Pow", "@": "MatMult", "&": "BitAnd", "|": "BitOr", "^": "BitXor",
           "<<": "LShift", ">>": "RShift"}
_CMPOPS = {"==": "Eq", "!=": "NotEq", "<": "Lt", "<=": "LtE", ">": "Gt", ">=": "GtE",
           "is": "Is", "is not": "IsNot", "in": "In", "not in": "NotIn"}
_UNARY = {"-": "USub", "+": "UAdd", "~": "Invert"}
_COMPS = {"list": "ListComp", "set": "SetComp", "gen": "GeneratorExp"}


_line = 1


def _node(_kind, /, **fields):
    cls = getattr(_ast, _kind)
    node = cls(**fields)
    if "lineno" in cls._attributes:
        node.lineno = node.end_lineno = _line
    return node


def _ctx(kind):
    return getattr(_ast, kind)()


def expr(e, ctx="Load"):
    k = e[0]
    if k == "const":
        return _node("Constant", value=e[1], kind=None)
    if k == "name":
        return _node("Name", id=e[1], ctx=_ctx(ctx))
    if k == "attr":
        return _node("Attribute", value=expr(e[1]), attr=e[2], ctx=_ctx(ctx))
    if k == "sub":
        index = expr(e[2])
        if not _V39 and e[2][0] != "slice":
            index = _node("Index", value=index)
        return _node("Subscript", value=expr(e[1]), slice=index, ctx=_ctx(ctx))
    if k == "slice":
        lo, hi, step = (expr(x) if x is not None else None for x in e[1:])
        return _node("Slice", lower=lo, upper=hi, step=step)
    if k == "call":
        return _node("Call", func=expr(e[1]), args=[expr(a) for a in e[2]],
                     keywords=[_node("keyword", arg=key, value=expr(v)) for key, v in e[3]])
    if k == "bin":
        return _node("BinOp", left=expr(e[2]), op=_ctx(_BINOPS[e[1]]), right=expr(e[3]))
    if k == "unary":
        return _node("UnaryOp", op=_ctx(_UNARY[e[1]]), operand=expr(e[2]))
    if k == "not":
        return _node("UnaryOp", op=_ctx("Not"), operand=expr(e[1]))
    if k == "bool":
        return _node("BoolOp", op=_ctx("And" if e[1] == "and" else "Or"),
                     values=[expr(x) for x in e[2]])
    if k == "cmp":
        return _node("Compare", left=expr(e[1]), ops=[_ctx(_CMPOPS[op]) for op, _ in e[2]],
                     comparators=[expr(x) for _, x in e[2]])
    if k == "ifexp":
        return _node("IfExp", test=expr(e[1]), body=expr(e[2]), orelse=expr(e[3]))
    if k == "tuple":
        return _node("Tuple", elts=[expr(x, ctx) for x in e[1]], ctx=_ctx(ctx))
    if k == "list":
        return _node("List", elts=[expr(x, ctx) for x in e[1]], ctx=_ctx(ctx))
    if k == "set":
        return _node("Set", elts=[expr(x) for x in e[1]])
    if k == "dict":
        return _node("Dict", keys=[expr(a) if a is not None else None for a, _ in e[1]],
                     values=[expr(b) for _, b in e[1]])
    if k == "star":
        return _node("Starred", value=expr(e[1], ctx), ctx=_ctx(ctx))
    if k == "fstr":
        return _joined(e[1])
    if k == "lambda":
        return _node("Lambda", args=_arguments(e[1]), body=expr(e[2]))
    if k == "comp":
        gens = []
        for c in e[3]:
            if c[0] == "for":
                gens.append(_node("comprehension", target=expr(c[1], "Store"), iter=expr(c[2]),
                                  ifs=[], is_async=0))
            else:
                gens[-1].ifs.append(expr(c[1]))
        if e[1] == "dict":
            return _node("DictComp", key=expr(e[2][0]), value=expr(e[2][1]), generators=gens)
        return _node(_COMPS[e[1]], elt=expr(e[2]), generators=gens)
    raise SyntaxError(f"kiln cannot build an ast node for {k}")


def _joined(parts):
    values = []
    for p in parts:
        if isinstance(p, str):
            values.append(_node("Constant", value=p, kind=None))
            continue
        if p[0] == "debug":
            values.append(_node("Constant", value=p[1], kind=None))
            p = p[2]
        e, conv, spec = p
        values.append(_node("FormattedValue", value=expr(e),
                            conversion=ord(conv) if conv else -1,
                            format_spec=_joined(spec) if spec is not None else None))
    return _node("JoinedStr", values=values)


def _arg(p):
    return _node("arg", arg=p[0], annotation=expr(p[1]) if p[1] is not None else None,
                 type_comment=None)


def _arguments(params):
    posonly, args, vararg, kwonly, kwarg = params
    return _node("arguments", posonlyargs=[_arg(p) for p in posonly],
                 args=[_arg(p) for p in args],
                 vararg=_arg(vararg) if vararg is not None else None,
                 kwonlyargs=[_arg(p) for p in kwonly],
                 kw_defaults=[expr(p[2]) if p[2] is not None else None for p in kwonly],
                 kwarg=_arg(kwarg) if kwarg is not None else None,
                 defaults=[expr(p[2]) for p in posonly + args if p[2] is not None])


def stmts(body):
    return [stmt(s) for s in body]


def stmt(s):
    global _line
    k = s[0]
    _line = s[1]
    if k == "expr":
        return _node("Expr", value=expr(s[2]))
    if k == "assign":
        return _node("Assign", targets=[expr(t, "Store") for t in s[2]], value=expr(s[3]),
                     type_comment=None)
    if k == "augassign":
        return _node("AugAssign", target=expr(s[2], "Store"), op=_ctx(_BINOPS[s[3]]),
                     value=expr(s[4]))
    if k == "annassign":
        return _node("AnnAssign", target=expr(s[2], "Store"), annotation=expr(s[3]),
                     value=expr(s[4]) if s[4] is not None else None,
                     simple=1 if s[2][0] == "name" else 0)
    if k == "return":
        return _node("Return", value=expr(s[2]) if s[2] is not None else None)
    if k in ("pass", "break", "continue"):
        return _node(k.capitalize())
    if k == "if":
        return _node("If", test=expr(s[2]), body=stmts(s[3]), orelse=stmts(s[4]))
    if k == "while":
        return _node("While", test=expr(s[2]), body=stmts(s[3]), orelse=stmts(s[4]))
    if k == "for":
        return _node("For", target=expr(s[2], "Store"), iter=expr(s[3]), body=stmts(s[4]),
                     orelse=stmts(s[5]), type_comment=None)
    if k == "raise":
        return _node("Raise", exc=expr(s[2]) if s[2] is not None else None,
                     cause=expr(s[3]) if s[3] is not None else None)
    if k == "try":
        handlers = [_node("ExceptHandler", type=expr(t) if t is not None else None, name=n,
                          body=stmts(b)) for t, n, b in s[3]]
        return _node("Try", body=stmts(s[2]), handlers=handlers, orelse=stmts(s[4]),
                     finalbody=stmts(s[5]))
    if k == "with":
        items = [_node("withitem", context_expr=expr(c),
                       optional_vars=expr(t, "Store") if t is not None else None)
                 for c, t in s[2]]
        return _node("With", items=items, body=stmts(s[3]), type_comment=None)
    if k == "def":
        _k, _line, name, params, returns, body, decorators = s
        fields = dict(name=name, args=_arguments(params), body=stmts(body),
                      decorator_list=[expr(d) for d in decorators],
                      returns=expr(returns) if returns is not None else None, type_comment=None)
        if _V312:
            fields["type_params"] = []
        return _node("FunctionDef", **fields)
    if k == "global":
        return _node("Global", names=list(s[2]))
    if k == "nonlocal":
        return _node("Nonlocal", names=list(s[2]))
    if k == "del":
        return _node("Delete", targets=[expr(t, "Del") for t in s[2]])
    if k == "assert":
        return _node("Assert", test=expr(s[2]), msg=expr(s[3]) if s[3] is not None else None)
    if k == "import":
        return _node("Import", names=[_node("alias", name=n, asname=a) for n, a in s[2]])
    if k == "from":
        names = [_node("alias", name="*", asname=None)] if s[4] is None else [
            _node("alias", name=n, asname=a) for n, a in s[4]]
        return _node("ImportFrom", module=s[2] or None, names=names, level=s[3])
    raise SyntaxError(f"kiln cannot build an ast node for {k}")


def module(body):
    return _node("Module", body=stmts(body), type_ignores=[])


def expression(e):
    global _line
    _line = 1
    return _node("Expression", body=expr(e))
