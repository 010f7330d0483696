# A module the main program imports: kiln compiles it into the same executable.
def greet(who):
    return f"hello from {who}, compiled by kiln"


def square(n):
    return n * n
