# kiln-test: requires 3.10
# Structural pattern matching: literals, captures, sequences, mappings, classes, guards,
# or-patterns, star and double-star patterns.
class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


def describe(v):
    match v:
        case 0 | 1:
            return "small int"
        case int(n) if n < 0:
            return f"negative {n}"
        case str() as s:
            return f"string {s!r}"
        case [x, y]:
            return f"pair {x} {y}"
        case [first, *rest]:
            return f"list starting {first}, {len(rest)} more"
        case {"kind": "circle", "r": r}:
            return f"circle r={r}"
        case {"kind": k, **extra}:
            return f"shape {k} {sorted(extra)}"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on the y axis at {y}"
        case Point(x, y):
            return f"point {x},{y}"
        case None:
            return "nothing"
        case _:
            return "something else"


for v in [0, 1, -5, "hi", [1, 2], [1, 2, 3, 4], {"kind": "circle", "r": 2},
          {"kind": "square", "side": 3, "color": "red"}, Point(0, 0), Point(0, 7), Point(2, 3), None, 3.5, (9, 8)]:
    print(describe(v))
