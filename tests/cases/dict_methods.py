# Dict methods: get, keys, values, items, update, pop; and dict() constructors.
inv = {"apple": 3, "pear": 0, "fig": 12}
print(inv.get("apple"), inv.get("kiwi"), inv.get("kiwi", -1), inv.get("pear", 99))
print(list(inv.keys()), list(inv.values()), list(inv.items()))
for k in inv.keys():
    print("key", k)
for v in inv.values():
    print("value", v)
for k, v in inv.items():
    print("item", k, v)
print("apple" in inv.keys(), 12 in inv.values(), ("fig", 12) in inv.items())
print(len(inv.keys()), sorted(inv.values()), sorted(inv.keys()))
inv.update({"kiwi": 7, "apple": 4})
print(inv)
inv.update([("plum", 1), ("fig", 0)])
print(inv)
print(inv.pop("pear"), inv)
print(inv.pop("nothing", "default"), inv.pop("plum", None), len(inv))
total = 0
for k, v in inv.items():
    total += v
print("total", total)
d = dict()
print(d)
d2 = dict([(1, "a"), (2, "b")])
print(d2)
d3 = dict(d2)
d3[3] = "c"
print(d2, d3, d2 == d3)
d4 = dict(zip(["x", "y", "z"], [1, 2, 3]))
print(d4)
keys = list(d4.keys())
keys.reverse()
print(keys)
pairs = list(d4.items())
print(pairs[0], pairs[-1])
restocked = {}
for name, qty in inv.items():
    if qty == 0:
        restocked[name] = 10
    else:
        restocked[name] = qty
print(restocked)
print(max(inv.values()), min(inv.keys()), sum(inv.values()))
