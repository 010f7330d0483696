# int() of an object with only __trunc__: its result before 3.14 (deprecated from 3.11).
import sys


class T:
    def __trunc__(self):
        return 7


class I:
    def __index__(self):
        return 3


class TI:
    def __trunc__(self):
        return I()


if sys.version_info < (3, 14):
    print(int(T()), int(TI()))
else:
    try:
        int(T())
    except TypeError as e:
        print(e)
