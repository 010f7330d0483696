# kiln-test: native-only
# json compiled from the interpreter's standard library, its Python scanner and encoder over
# kiln's _json (the C accelerator's scanstring and float error): dumps/loads round trips,
# options, hooks, custom encoders, errors.
import json
from collections import OrderedDict

data = {"name": "kiln", "version": [3, 11], "ok": True, "none": None, "pi": 3.14159,
        "nested": {"list": [1, 2.5, "three", [4], {}], "empty": []}, "esc": "tab\tquote\"nl\n\u00e9\u4e2d\U0001f600"}
s = json.dumps(data)
print(s)
print(json.loads(s) == data, json.loads(s)["esc"])
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, separators=(",", ":"), ensure_ascii=False))
print(json.dumps([1, "a", None], indent="\t"), json.dumps({"b": 1, "a": 2}, sort_keys=True))
print(json.dumps({1: "int key", 2.5: "float", True: "bool", None: "none"}))
print(json.dumps(float("inf")), json.dumps(-float("inf")), json.dumps(float("nan")), json.dumps(1e100), json.dumps(0.1))
print(json.loads("[1, -2, 3.5e2, 1E-3, true, false, null, \"\\u00e9\\ud83d\\ude00\"]"))
print(json.loads('{"a": {"b": [1, {"c": "d"}]}}'), json.loads("  42  "), json.loads('"\\\\ \\/ \\b\\f\\n\\r\\t"'))
print(json.loads("NaN"), json.loads("[Infinity, -Infinity]"), json.loads("123456789012345678901234567890"))
print(json.loads('{"x": 1.5}', parse_float=lambda t: "F" + t), json.loads("[7]", parse_int=lambda t: int(t) * 2))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=OrderedDict))
print(json.loads('{"__complex__": true, "re": 1, "im": 2}',
                 object_hook=lambda d: complex(d["re"], d["im"]) if "__complex__" in d else d))

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {"x": o.x, "y": o.y}
        return super().default(o)

print(json.dumps([Point(1, 2), Point(3, 4)], cls=PointEncoder))
print(json.dumps({"p": Point(0, 1)}, default=lambda o: [o.x, o.y]))
print(list(PointEncoder(indent=None).iterencode({"a": [1, 2]})))
dec = json.JSONDecoder()
print(dec.raw_decode('{"a": 1} trailing'), json.dumps("\x00\x1f\x7f"))
for bad in ['{"a": 1,}', "[1, 2", '{"a" 1}', "", "tru", '"unterminated', "[1] x", '{"a": 01}', "\"\\x\""]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e, e.pos, e.lineno, e.colno)
for bad in [lambda: json.dumps({(1, 2): 3}), lambda: json.dumps(object()), lambda: json.dumps(float("nan"), allow_nan=False)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
cyc = []
cyc.append(cyc)
try:
    json.dumps(cyc)
except ValueError as e:
    print("ValueError", e)
big = {"items": [{"id": i, "tags": ["t%d" % (i % 3)], "score": i / 7} for i in range(50)]}
print(json.loads(json.dumps(big)) == big, len(json.dumps(big, indent=1)))
