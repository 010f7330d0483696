# Ends with a bare raise re-raising a runtime KeyError after a finally block.
inventory = {"apples": 5, "pears": 2}
def take(name, n):
    try:
        have = inventory[name]
        if have < n:
            raise ValueError("only " + str(have) + " " + name)
        inventory[name] = have - n
        return n
    finally:
        print("checked", name)
print(take("apples", 2), inventory)
try:
    take("pears", 5)
except ValueError as e:
    print("refused:", e)
try:
    take("plums", 1)
except KeyError as e:
    print("logging missing", e)
    raise
print("never")
