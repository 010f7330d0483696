# Global variables read in functions and rebound with the global statement.
counter = 0
LIMIT = 5
log = []
def increment():
    global counter
    counter += 1
    return counter
def read_limit():
    return LIMIT * 2
def add_log(msg):
    log.append(msg)
def reset():
    global counter, log
    counter = 0
    log = ["reset"]
def shadow():
    counter = 100
    return counter
for i in range(3):
    increment()
print(counter, read_limit())
add_log("a")
add_log("b")
print(log)
print(shadow(), counter)
reset()
print(counter, log)
def set_limit(v):
    global LIMIT
    LIMIT = v
set_limit(50)
print(LIMIT, read_limit())
def make_new_global():
    global created_later
    created_later = "I exist"
make_new_global()
print(created_later)
total = 0
def accumulate(n):
    global total
    while n > 0:
        total += n
        n -= 1
accumulate(10)
print(total)
def uses_builtin_and_global():
    return len(log) + max(counter, LIMIT)
print(uses_builtin_and_global())
x = 1
def read_x():
    return x
print(read_x())
x = 2
print(read_x())
