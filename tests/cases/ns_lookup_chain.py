# The locals -> globals -> builtins chain: module level, functions, class bodies.
sum = sum  # reads the builtin, writes a global of the same name
print(sum([1, 2, 3]), "sum" in globals())

len_calls = []


def uses_builtin():
    return len("abcd")


class Shadow:
    len = 99  # class-level name shadows the builtin inside the body only
    inside = len

    def method(self):
        return len("xy")  # methods skip the class namespace


print(Shadow.inside, Shadow().method(), uses_builtin())


def make_global():
    global max
    max = max  # reads the builtin max, binds a global
    return max(3, 7)


print(make_global(), "max" in globals())
del max
print(max(1, 2))

x = "global x"


def outer():
    x = "enclosing x"

    class Inner:
        y = x  # LOAD_CLASSDEREF: the enclosing function's x

        def get(self):
            return x

    return Inner.y, Inner().get()


print(outer())


class UsesGlobal:
    z = x  # LOAD_NAME falls through to globals


print(UsesGlobal.z)


def unbound():
    print(y)
    y = 1


try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


def free_unbound():
    def inner():
        return w

    try:
        inner()
    except NameError as e:
        print("NameError:", e)
    w = 5
    return inner()


print(free_unbound())
try:
    print(not_defined_anywhere)
except NameError as e:
    print("NameError:", e)
