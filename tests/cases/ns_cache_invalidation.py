# Inline caches of LOAD_GLOBAL never return a stale value: adding, rebinding and deleting
# globals and builtins is seen at the very next lookup, also inside a running loop.
import builtins

LIMIT = 3


def read_limit():
    return LIMIT


def loop_rebinding():
    global LIMIT
    seen = []
    for i in range(6):
        seen.append(read_limit())
        LIMIT = LIMIT + 1
    return seen


print(loop_rebinding())


def shadow_len_in_loop():
    out = []
    g = globals()
    for i in range(4):
        out.append(len("abc"))
        if i == 1:
            g["len"] = lambda s: -1  # a global now shadows the builtin
        if i == 2:
            del g["len"]  # and the builtin is back
    return out


print(shadow_len_in_loop())


def builtin_changes():
    out = []
    original = builtins.abs
    for i in range(4):
        out.append(abs(-5))
        if i == 0:
            builtins.abs = lambda v: "patched"
        if i == 2:
            builtins.abs = original
    return out


print(builtin_changes())


def added_builtin():
    try:
        return brand_new_name
    except NameError as e:
        return str(e)


print(added_builtin())
builtins.brand_new_name = "now a builtin"
print(added_builtin())
del builtins.brand_new_name
print(added_builtin())


def global_appears():
    try:
        return later
    except NameError:
        return "missing"


print(global_appears())
later = "defined"
print(global_appears())
del later
print(global_appears())
