# Ends with sys.exit(0): status 0; code after it does not run; finally does run.
import sys
count = 0
for i in range(10):
    count += i
print("count", count)
def finish(code):
    print("finishing with", code)
    sys.exit(code)
try:
    finish(0)
finally:
    print("finally runs during exit")
print("never")
x = 1
y = x + 1
z = y + 1
print(z)
w = z * 2
print(w)
