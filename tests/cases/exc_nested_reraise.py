# Nested try blocks, bare raise, except tuples, bare except, handler ordering.
def inner():
    try:
        raise ValueError("from inner")
    except ValueError:
        print("inner handler, re-raising")
        raise
def middle():
    try:
        inner()
    except TypeError:
        print("wrong handler")
    finally:
        print("middle finally")
try:
    middle()
except ValueError as e:
    print("top caught:", e)
try:
    try:
        raise IndexError("deep")
    except KeyError:
        print("not here")
    except (TypeError, IndexError) as e:
        print("tuple handler:", e)
        raise RuntimeError("converted")
except RuntimeError as e:
    print("outer:", e)
try:
    [][0]
except:
    print("bare except caught something")
def risky(n):
    if n == 0:
        raise ZeroDivisionError("zero!")
    if n < 0:
        raise ValueError("negative!")
    return 100 // n
for n in [5, 0, -1]:
    try:
        print("result", risky(n))
    except (ZeroDivisionError, ValueError) as e:
        print("handled", e)
try:
    try:
        risky(0)
    except ZeroDivisionError:
        try:
            risky(-1)
        except ValueError as e2:
            print("second-level", e2)
        print("back in first handler")
        raise
except ZeroDivisionError as e:
    print("re-raised original:", e)
try:
    raise KeyError("first")
except KeyError:
    pass
print("after pass handler")
def catch_all(f, arg):
    try:
        return f(arg)
    except Exception as e:
        return "error: " + str(e)
print(catch_all(risky, 4), catch_all(risky, 0), catch_all(int, "q"))
