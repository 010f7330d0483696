# The main module of a program built by CMake (see CMakeLists.txt).
from tools import stats

data = [3, 1, 4, 1, 5, 9, 2, 6]
print("mean:", stats.mean(data))
print("sorted:", stats.ordered(data))
