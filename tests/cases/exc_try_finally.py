# try / except / else / finally ordering, and finally overriding returns.
def attempt(x):
    try:
        print("  try", x)
        r = 10 // x
    except ZeroDivisionError:
        print("  except")
        r = -1
    else:
        print("  else", r)
    finally:
        print("  finally")
    return r
print(attempt(2))
print(attempt(0))
def finally_wins():
    try:
        return "from try"
    finally:
        print("  finally runs before return")
print(finally_wins())
def finally_override():
    try:
        return 1
    finally:
        return 2
print(finally_override())
def finally_swallows():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(finally_swallows())
def loop_with_finally():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f" + str(i))
    return out
print(loop_with_finally())
def cleanup_on_error():
    try:
        try:
            raise KeyError("k")
        finally:
            print("  inner finally")
    except KeyError as e:
        print("  outer caught", e)
    return "ok"
print(cleanup_on_error())
count = 0
while count < 3:
    try:
        count += 1
        if count == 2:
            raise RuntimeError("second")
        print("iteration", count)
    except RuntimeError as e:
        print("caught", e)
    else:
        print("no error in", count)
    finally:
        print("finally", count)
