# SystemExit is an exception: it can be caught; a later sys.exit(5) ends the program.
import sys
try:
    sys.exit(7)
except SystemExit as e:
    print("caught SystemExit with args", e.args)
try:
    sys.exit()
except SystemExit as e:
    print("args of bare exit:", e.args)
try:
    sys.exit(0)
except Exception:
    print("not an Exception subclass")
except SystemExit:
    print("SystemExit is not an Exception")
def work(n):
    if n > 3:
        sys.exit(5)
    return n * n
try:
    for i in range(10):
        print("work", work(i))
except ZeroDivisionError:
    print("never")
finally:
    print("cleanup before exit")
print("never")
