"""Writes the template functions of compiler/pylib/_kiln_eval.py (between its markers): one
`__new__` per field count for collections.namedtuple. Run after changing MAX_FIELDS."""
import pathlib
import sys

MAX_FIELDS = 48
path = pathlib.Path(__file__).resolve().parent.parent / "compiler" / "pylib" / "_kiln_eval.py"
text = path.read_text()
start = "# --- templates (tools/gen_kiln_eval_templates.py) ---\n"
end = "# --- end of templates ---\n"
head, rest = text.split(start)
_, tail = rest.split(end)
lines = []
for n in range(MAX_FIELDS + 1):
    params = "".join(f", a{i}" for i in range(n))
    items = "".join(f"a{i}, " for i in range(n))
    lines.append(f"def _new_{n}(_cls{params}):\n    return _tuple_new(_cls, ({items}))\n\n\n")
lines.append(f"_NEW = [{', '.join(f'_new_{n}' for n in range(MAX_FIELDS + 1))}]\n")
path.write_text(head + start + "".join(lines) + end + tail)
print(f"{path}: {MAX_FIELDS + 1} templates", file=sys.stderr)
