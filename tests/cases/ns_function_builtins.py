# A function's builtins come from its globals' __builtins__ when it is made.
FunctionType = type(lambda: 0)


def probe():
    return len("abc")


custom = {"__builtins__": {"len": lambda s: "custom len"}}
f = FunctionType(probe.__code__, custom)
print(f())
module_style = {"__builtins__": __builtins__}
print(FunctionType(probe.__code__, module_style)())
missing = {}
print(FunctionType(probe.__code__, missing)())  # 3.11: the creating frame's builtins


def show_name():
    return __name__


print(FunctionType(show_name.__code__, {"__name__": "elsewhere"})())
