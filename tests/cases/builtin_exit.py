# exit() and quit(), which CPython's site module adds to the builtins: SystemExit(code).
for name, f in (("exit", exit), ("quit", quit)):
    for args in ((), (3,), ("bye",), (None,)):
        try:
            f(*args)
        except SystemExit as e:
            print(name, args, "->", repr(e.code), e.args)
try:
    exit(code=5)
except SystemExit as e:
    print("keyword:", e.code)
print("about to exit")
exit(4)
print("not reached")
