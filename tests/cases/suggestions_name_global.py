# A misspelled global used from a function: not a local, so the module's globals are searched.
configuration = {"depth": 3}


def depth():
    return configuraton["depth"]


print("depth is coming")
print(depth())
