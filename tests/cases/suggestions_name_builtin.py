# An uncaught NameError for a misspelled builtin: CPython 3.11 adds "Did you mean: 'print'?".
values = [3, 1, 2]
print(sorted(values))
pritn(values)
