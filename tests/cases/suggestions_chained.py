# The last line of a chained traceback is the newest exception, with its own suggestion.


def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        return table.gett(key)


print(lookup({"a": 1}, "a"))
print(lookup({"a": 1}, "b"))
