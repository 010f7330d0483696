# Raising and catching built-in exception types; except ... as e; e.args.
def check(kind):
    try:
        if kind == 1:
            raise ValueError("bad value")
        elif kind == 2:
            raise TypeError("bad type", 42)
        elif kind == 3:
            raise KeyError("missing")
        elif kind == 4:
            raise IndexError("out of range")
        elif kind == 5:
            raise RuntimeError()
        elif kind == 6:
            raise ZeroDivisionError("custom zero")
        elif kind == 7:
            raise Exception("generic", "with", "args")
        return "no error"
    except ValueError as e:
        return "ValueError: " + str(e)
    except TypeError as e:
        return "TypeError: " + str(e) + " " + str(e.args)
    except KeyError as e:
        return "KeyError: " + str(e) + " " + repr(e.args[0])
    except (IndexError, ZeroDivisionError) as e:
        return "Index/Zero: " + str(e)
    except Exception as e:
        return "Exception: " + str(e) + " " + str(len(e.args))
for k in range(8):
    print(k, check(k))
try:
    raise NameError("explicit name error")
except NameError as err:
    print("caught", err, err.args)
try:
    raise ValueError
except ValueError as e:
    print("class raised:", repr(str(e)), e.args)
try:
    raise RuntimeError("outer")
except Exception as e:
    print(type(e) is RuntimeError, isinstance(e, Exception), isinstance(e, ValueError))
try:
    raise KeyError(5)
except LookupError as e:
    print("LookupError catches KeyError", e)
try:
    raise IndexError("idx")
except LookupError as e:
    print("LookupError catches IndexError", e)
try:
    raise ZeroDivisionError("z")
except ArithmeticError as e:
    print("ArithmeticError catches ZeroDivisionError", e)
e = ValueError("not raised", 1, 2)
print(e, e.args, len(e.args))
print(str(Exception()), repr(str(KeyError("q"))), str(ValueError(3)))
