# abs, min, max and int() conversions.
print(abs(-5), abs(5), abs(0), abs(-2 ** 70))
print(abs(-3.5), abs(2.25), abs(-0.0))
print(min(3, 1, 2), max(3, 1, 2), min(5, -5), max(-1, -2, -3))
print(min([4, 8, -2, 6]), max([4, 8, -2, 6]))
print(min(2 ** 80, 2 ** 79), max(-2 ** 80, 7))
print(min(1, 2.5), max(1, 2.5), max(3, 3.0), min(3.0, 3))
print(min("pear", "apple", "fig"), max(["pear", "apple", "fig"]))
print(max((1, 2), (1, 3)), min([[2], [1, 9]]))
print(min(range(5, 10)), max(range(5, 10)))
print(int("123"), int("-17"), int(" 42 "), int("+8"), int("0"))
print(int("ff", 16), int("FF", 16), int("777", 8), int("1010", 2), int("z", 36))
print(int("12345678901234567890123"), int("-000042"))
print(int(3.9), int(-3.9), int(0.5), int(-0.5), int(1e20))
print(int(True), int(False), int(7), int(-2 ** 65))
print(int("1_000_000"), int("\t99\n"))
values = ["10", "-3", "  7", "0012"]
total = 0
for v in values:
    total += int(v)
print("total", total)
print(int(2.0) + int("2") + int(True))
print(abs(min(-4, -9)), max(abs(-4), abs(-9)))
