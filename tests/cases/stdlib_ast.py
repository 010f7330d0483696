# kiln-test: native-only
# ast over kiln's run-time parser: literal_eval, parse and dump, walking and visiting the
# tree, nodes built by hand, unparse (3.9+), and literal_eval's errors.
import ast
import sys

for text in ["1", "-2.5", "'s'", "b'x'", "[1, (2, 3), {'k': None}]", "{1, 2}", "1+2j",
             "(True, False, None)", "{'a': [1, {'b': ()}]}", "-(1)"]:
    print(repr(ast.literal_eval(text)))
if sys.version_info >= (3, 9):
    print(ast.literal_eval("set()"))
else:
    print("set()")
for bad in ["x", "f(1)", "1 + x", "[1, y]"]:
    try:
        ast.literal_eval(bad)
    except ValueError as e:
        print("ValueError", str(e).split(":")[0])

tree = ast.parse("x = 1\nif x > 0:\n    print(f'{x!r:>3}', *args, key=2)\n")
print(type(tree).__name__, [type(s).__name__ for s in tree.body])
print(ast.dump(ast.parse("a.b[1] = c or d", mode="exec").body[0]))
print(ast.dump(ast.parse("lambda x, *y, z=1: x if y else z", mode="eval")))
print(sorted({type(n).__name__ for n in ast.walk(tree)}))


class Names(ast.NodeVisitor):
    def __init__(self):
        self.found = []

    def visit_Name(self, node):
        self.found.append((node.id, type(node.ctx).__name__))


v = Names()
v.visit(ast.parse("def f(a, b=2):\n    return [a + c for c in range(b)]\nq = f(1)\n"))
print(v.found)

node = ast.BinOp(left=ast.Constant(value=2), op=ast.Mult(), right=ast.Constant(value=21))
print(ast.dump(node), isinstance(node, ast.expr), ast.BinOp._fields)
if sys.version_info >= (3, 9):
    print(ast.unparse(ast.parse("for i in range(3):\n    total += i * 2\n")))
    print(ast.unparse(node))
else:
    print("for i in range(3):\n    total += i * 2\n2 * 21")
ast.parse("x").body[0].missing
