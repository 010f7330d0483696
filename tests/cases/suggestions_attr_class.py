# A misspelled class attribute looked up on the class itself, via getattr().


class Colors:
    RED = 1
    GREEN = 2
    BLUE = 3


print(Colors.GREEN)
print(getattr(Colors, "GREN"))
