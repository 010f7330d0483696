# kiln-test: native-only
# typing's string annotations: ForwardRef compiles them (compile(..., "eval")) and
# get_type_hints evaluates them, both through kiln's run-time evaluator.
from typing import Dict, ForwardRef, List, Optional, get_type_hints


class Box:
    def put(self, item: "Optional[List[int]]", other: "Box") -> "Box":
        return self


def index(words: "Dict[str, List[int]]", limit: "int" = 3) -> "Optional[str]":
    return None


print(get_type_hints(Box.put))
print(get_type_hints(index))
print(Optional["Box"], ForwardRef("Box") == ForwardRef("Box"))
print(get_type_hints(Box.put, localns={"Box": int})["other"])
get_type_hints(lambda x: None)
ForwardRef("1 +")
