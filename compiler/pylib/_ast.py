# kiln's `_ast`: the node classes of Python's abstract syntax (for `ast`, which `inspect`
# and `dataclasses` import), each with its `_fields` and `_attributes`, made from the
# grammar below for the bytecode's version. kiln has no parser at run time, so nothing
# makes trees from source (`compile(..., PyCF_ONLY_AST)` raises); trees built by hand work.
import sys

PyCF_ONLY_AST = 1024
PyCF_TYPE_COMMENTS = 4096
PyCF_ALLOW_TOP_LEVEL_AWAIT = 8192
if sys.version_info >= (3, 13):
    PyCF_OPTIMIZED_AST = 33792

_V = sys.version_info[:2]


class AST:
    _fields = ()
    _attributes = ()

    # The list fields, which 3.13 fills with [] when the constructor is not given them.
    _kiln_lists = ()

    def __init__(self, *args, **kwargs):
        fields = self._fields
        if len(args) > len(fields):
            raise TypeError("%s constructor takes at most %d positional argument%s"
                            % (type(self).__name__, len(fields),
                               "" if len(fields) == 1 else "s"))
        for name, value in zip(fields, args):
            setattr(self, name, value)
        for name, value in kwargs.items():
            setattr(self, name, value)
        if _V >= (3, 13):
            for name in self._kiln_lists:
                if name not in self.__dict__:
                    setattr(self, name, [])

    def __reduce__(self):
        return type(self), (), dict(self.__dict__)


# One line a group: `base: attributes` then its kinds `Name(field, field*, field?)`;
# `[3.10]` keeps a kind (or a group) to that version and later, `[-3.8]` to that version
# and earlier.
_LOC = 'lineno col_offset end_lineno end_col_offset'
_GRAMMAR = '''
mod: | Module(body*, type_ignores*) Interactive(body*) Expression(body)
  FunctionType(argtypes*, returns) Suite(body*)[-3.8]
stmt: LOC | FunctionDef(name, args, body*, decorator_list*, returns?, type_comment?, TP)
  AsyncFunctionDef(name, args, body*, decorator_list*, returns?, type_comment?, TP)
  ClassDef(name, bases*, keywords*, body*, decorator_list*, TP) Return(value?)
  Delete(targets*) Assign(targets*, value, type_comment?)
  TypeAlias(name, type_params*, value)[3.12] AugAssign(target, op, value)
  AnnAssign(target, annotation, value?, simple) For(target, iter, body*, orelse*, type_comment?)
  AsyncFor(target, iter, body*, orelse*, type_comment?) While(test, body*, orelse*)
  If(test, body*, orelse*) With(items*, body*, type_comment?)
  AsyncWith(items*, body*, type_comment?) Match(subject, cases*)[3.10] Raise(exc?, cause?)
  Try(body*, handlers*, orelse*, finalbody*) TryStar(body*, handlers*, orelse*, finalbody*)[3.11]
  Assert(test, msg?) Import(names*) ImportFrom(module?, names*, level?) Global(names*)
  Nonlocal(names*) Expr(value) Pass() Break() Continue()
expr: LOC | BoolOp(op, values*) NamedExpr(target, value) BinOp(left, op, right)
  UnaryOp(op, operand) Lambda(args, body) IfExp(test, body, orelse) Dict(keys*, values*)
  Set(elts*) ListComp(elt, generators*) SetComp(elt, generators*)
  DictComp(key, value, generators*) GeneratorExp(elt, generators*) Await(value)
  Yield(value?) YieldFrom(value) Compare(left, ops*, comparators*)
  Call(func, args*, keywords*) FormattedValue(value, conversion, format_spec?)
  JoinedStr(values*) Constant(value, kind?) Attribute(value, attr, ctx)
  Subscript(value, slice, ctx) Starred(value, ctx) Name(id, ctx) List(elts*, ctx)
  Tuple(elts*, ctx) Slice(lower?, upper?, step?)[3.9]
expr_context: | Load() Store() Del() AugLoad()[-3.8] AugStore()[-3.8] Param()[-3.8]
slice[-3.8]: | Slice(lower?, upper?, step?)[-3.8] ExtSlice(dims*)[-3.8] Index(value)[-3.8]
boolop: | And() Or()
operator: | Add() Sub() Mult() MatMult() Div() Mod() Pow() LShift() RShift() BitOr()
  BitXor() BitAnd() FloorDiv()
unaryop: | Invert() Not() UAdd() USub()
cmpop: | Eq() NotEq() Lt() LtE() Gt() GtE() Is() IsNot() In() NotIn()
excepthandler: LOC | ExceptHandler(type?, name?, body*)
pattern[3.10]: LOC | MatchValue(value)[3.10] MatchSingleton(value)[3.10]
  MatchSequence(patterns*)[3.10] MatchMapping(keys*, patterns*, rest?)[3.10]
  MatchClass(cls, patterns*, kwd_attrs*, kwd_patterns*)[3.10] MatchStar(name?)[3.10]
  MatchAs(pattern?, name?)[3.10] MatchOr(patterns*)[3.10]
type_ignore: | TypeIgnore(lineno, tag)
type_param[3.12]: LOC | TypeVar(name, bound?, DV)[3.12] ParamSpec(name, DV)[3.12]
  TypeVarTuple(name, DV)[3.12]
'''
# Kinds that are classes of their own, not alternatives of a sum.
_PRODUCTS = '''
comprehension(target, iter, ifs*, is_async) | 
arguments(posonlyargs*, args*, vararg?, kwonlyargs*, kw_defaults*, kwarg?, defaults*) | 
arg(arg, annotation?, type_comment?) | LOC
keyword(arg?, value) | LOC3.9
alias(name, asname?) | LOC3.10
withitem(context_expr, optional_vars?) | 
match_case(pattern, guard?, body*)[3.10] | 
'''


def _version_ok(tag):
    if not tag:
        return True
    if tag.startswith('-'):
        return _V <= tuple(int(x) for x in tag[1:].split('.'))
    return _V >= tuple(int(x) for x in tag.split('.'))


def _parse_kinds(text):
    # [(name, fields, version tag, optional fields, list fields)] of `Name(a?, b*)[3.10]`.
    out = []
    i = 0
    while i < len(text):
        if text[i].isspace():
            i += 1
            continue
        j = text.index('(', i)
        name = text[i:j]
        k = text.index(')', j)
        fields = []
        optional = []
        lists = []
        for f in text[j + 1:k].split(','):
            f = f.strip()
            if f == 'TP':
                f = 'type_params*' if _V >= (3, 12) else ''
            elif f == 'DV':
                f = 'default_value?' if _V >= (3, 13) else ''
            if not f:
                continue
            field = f.rstrip('*?')
            fields.append(field)
            if f.endswith('?'):
                optional.append(field)
            elif f.endswith('*'):
                lists.append(field)
        i = k + 1
        tag = ''
        if i < len(text) and text[i] == '[':
            e = text.index(']', i)
            tag = text[i + 1:e]
            i = e + 1
        out.append((name, tuple(fields), tag, optional, tuple(lists)))
    return out


def _attrs(text):
    # `LOC`, or `LOC3.9`: a position from that version on.
    text = text.strip()
    if not text.startswith('LOC') or not _version_ok(text[3:]):
        return ()
    return tuple(_LOC.split())


def _make(name, bases, fields, attributes, optional=(), lists=()):
    ns = {'_fields': fields, '_attributes': attributes, '_kiln_lists': lists,
          '__module__': '_ast' if _V < (3, 9) else 'ast'}
    # From 3.9 on, optional fields and the end of a node's position default to None.
    if _V >= (3, 9):
        for f in optional:
            ns[f] = None
        if 'end_lineno' in attributes:
            ns['end_lineno'] = ns['end_col_offset'] = None
    cls = type(name, bases, ns)
    globals()[name] = cls
    return cls


def _build():
    groups = []
    for line in _GRAMMAR.strip().split('\n'):
        if not line.startswith(' '):
            groups.append(line)
        else:
            groups[-1] += ' ' + line.strip()
    for g in groups:
        base_name, rest = g.split(':', 1)
        attrs, kinds = rest.split('|', 1)
        base_name, _, tag = base_name.partition('[')
        if not _version_ok(tag.rstrip(']')):
            continue
        base = _make(base_name, (AST,), (), _attrs(attrs))
        for name, fields, tag, optional, lists in _parse_kinds(kinds):
            if _version_ok(tag):
                _make(name, (base,), fields, base._attributes, optional, lists)
    for line in _PRODUCTS.strip().split('\n'):
        kind, attrs = line.split('|')
        for name, fields, tag, optional, lists in _parse_kinds(kind):
            if _version_ok(tag):
                _make(name, (AST,), fields, _attrs(attrs), optional, lists)


_build()
del _build, _make
