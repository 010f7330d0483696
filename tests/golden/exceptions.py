def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError as e:
        print("caught", e)
        return None
    finally:
        print("done")


def checked(v):
    if v is None:
        raise ValueError("no value")
    return v


print(safe_div(6, 3), safe_div(1, 0))
