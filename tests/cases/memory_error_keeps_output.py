# kiln-test: native-only
# A request for more memory than any machine has, deep in the runtime's own code (the padding of
# a %-format), ends the program as an uncaught MemoryError does in CPython: the output printed
# before it is not lost, the status is 1 and the last line is MemoryError.
print("before the failed allocation")
for i in range(3):
    print("line", i)
s = "%35184372088832d" % 1
print("not reached")
