# dir() of an exception instance lists its attributes (args, __traceback__, ...): a misspelled
# one gets a suggestion.


class ParseError(Exception):
    pass


try:
    raise ParseError("bad input", 3)
except ParseError as err:
    print(err.args)
    print(err.arg)
