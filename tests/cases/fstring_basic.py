# f-strings without format specs: str and repr conversions of many values.
name = "Ada"
age = 36
pi = 3.14159
items = [1, "two", 3.0]
info = {"k": (1, 2)}
print(f"{name} is {age} years old")
print(f"{name!r} and {age!r} and {pi!r}")
print(f"{name!s} {items} {info} {None} {True} {False}")
print(f"{items!r} {info!r}")
print(f"sum={age + 10} prod={age * 2} div={age / 8} neg={-age}")
print(f"{2 ** 100}")
print(f"{0.1 + 0.2} {1e16} {-0.0} {1 / 3}")
print(f"nested {f'inner {name}'} done")
print(f"{name[0]}{name[-1]} {items[1]} {info['k'][1]}")
print(f"{len(items)} items, max {max(3, 9)}")
apostrophe = "it's"
print(f"{'quoted'!r} {apostrophe!r} {apostrophe}")
print(f"{{literal braces}} {age}")
print(f"")
print(f"no fields")
print(f"{name}{name}{name}")
print(f"unicode {'日本'} {'é'!r} {'😀'}")
for i in range(3):
    print(f"row {i}: {i * i} {[i] * i}")
greeting = f"Hello, {name}!"
print(greeting, len(greeting))
x = 5
y = 7
print(f"{x} + {y} = {x + y}; {x} < {y} is {x < y}")
print(f"{x if x > y else y} is larger")
print(f"{name.upper()} {name.lower()} {' '.join(['a', 'b'])}")
print(f"{(1, 2)} {()} {range(3)} {[[]]}")
