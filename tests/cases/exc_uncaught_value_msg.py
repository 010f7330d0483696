# Ends with an explicitly raised ValueError carrying a formatted message.
def parse_age(text):
    n = int(text)
    if n < 0:
        raise ValueError(f"age must be non-negative, got {n}")
    if n > 150:
        raise ValueError("age " + str(n) + " is not plausible")
    return n
for t in ["30", " 7 ", "0"]:
    print(t.strip(), "->", parse_age(t))
for t in ["-2", "abc", "200"]:
    try:
        parse_age(t)
    except ValueError as e:
        print("rejected", repr(t), ":", e)
ages = []
for t in ["12", "45", "99"]:
    ages.append(parse_age(t))
print("ages", ages, "sum", sum(ages))
print("final check")
parse_age("-17")
print("never")
x = 1
y = 2
print(x + y)
