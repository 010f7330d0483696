# The innermost frame decides: `helper`'s variables, not the caller's.


def helper(item_count):
    return item_cont * 2


def caller():
    item_count_total = 5
    return helper(item_count_total)


try:
    caller()
except NameError as e:
    print("caught:", e, "| name =", e.name)
caller()
