# kiln-test: native-only
# kiln-test: requires 3.11
# RecursionError at the limit (default 1000), a raised limit with deep recursion, and recursion
# through __repr__: always a catchable RecursionError, never a native stack overflow.
import sys
def down(n):
    return n if n == 0 else 1 + down(n - 1)
print(down(900))
try:
    down(5000)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(1_000_000)
try:
    print(down(10_000))
    down(10_000_000)
except RecursionError as e:
    print("deep RecursionError caught")
sys.setrecursionlimit(1000)


class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RecursionError:
    print("repr recursion caught")
