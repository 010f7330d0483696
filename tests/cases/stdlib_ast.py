# kiln-test: native-only
# ast compiled from the interpreter's standard library over kiln's _ast: node classes with
# their fields, trees built by hand, ast.dump, NodeVisitor, NodeTransformer, fix_missing_locations,
# walk, and (3.9+) unparse. kiln has no parser at run time, so no ast.parse here.
import ast
import sys

print(ast.Module._fields, ast.BinOp._fields, ast.Name._attributes, ast.Load._fields)
print(issubclass(ast.BinOp, ast.expr), issubclass(ast.expr, ast.AST), ast.Add.__mro__[1].__name__)
print(ast.PyCF_ONLY_AST, ast.If.__name__)

tree = ast.Expression(body=ast.BinOp(left=ast.Constant(value=2), op=ast.Mult(),
                                      right=ast.Name(id="x", ctx=ast.Load())))
print(ast.dump(tree))
call = ast.Call(func=ast.Name(id="print", ctx=ast.Load()),
                args=[ast.Constant(value="hi"), ast.Name(id="n", ctx=ast.Load())], keywords=[])
stmt = ast.Expr(value=call)
mod = ast.Module(body=[stmt], type_ignores=[])
ast.fix_missing_locations(mod)
print(stmt.lineno, stmt.col_offset, call.args[0].lineno)
print(sorted(type(n).__name__ for n in ast.walk(mod)))


class Names(ast.NodeVisitor):
    def __init__(self):
        self.seen = []

    def visit_Name(self, node):
        self.seen.append(node.id)
        self.generic_visit(node)


v = Names()
v.visit(mod)
print(v.seen)


class Double(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.Constant(value=node.value * 2)
        return node


t2 = Double().visit(tree)
print(ast.dump(t2.body.left), list(ast.iter_fields(ast.Constant(value=1)))[:1])
if sys.version_info >= (3, 9):
    print(ast.unparse(tree), "|", ast.unparse(mod))
    f = ast.FunctionDef(name="f", args=ast.arguments(posonlyargs=[], args=[ast.arg(arg="a")],
                                                     kwonlyargs=[], kw_defaults=[], defaults=[]),
                        body=[ast.Return(value=ast.Name(id="a", ctx=ast.Load()))],
                        decorator_list=[], returns=None, type_params=[], lineno=1)
    print(ast.unparse(f))
else:
    print("2 * x | print('hi', n)")
    print("def f(a):\n    return a")
try:
    ast.Constant(1, 2, 3)
except TypeError as e:
    print("TypeError", e)
print(ast.get_docstring(ast.Module(body=[ast.Expr(value=ast.Constant(value="doc"))],
                                   type_ignores=[]), clean=False))
if sys.version_info >= (3, 9):
    print(ast.Constant(value=1).kind, ast.Name(id="a").end_lineno)
else:
    print(None, None)
