# A misspelled attribute of a module: "module 'sys' has no attribute ..." with a suggestion.
import sys

print(sys.maxsize > 0)
sys.exitt(3)
