# Nested dicts; int, str and tuple keys; dict equality; building indexes.
db = {
    "alice": {"age": 30, "langs": ["python", "rust"]},
    "bob": {"age": 25, "langs": ["c"]},
}
print(db["alice"]["age"], db["bob"]["langs"][0], len(db["alice"]["langs"]))
db["carol"] = {"age": 35, "langs": []}
db["carol"]["langs"].append("go")
db["bob"]["age"] += 1
print(db)
for name, info in db.items():
    print(name, info["age"], ",".join(info["langs"]))
by_lang = {}
for name, info in db.items():
    for lang in info["langs"]:
        if lang not in by_lang:
            by_lang[lang] = []
        by_lang[lang].append(name)
print(by_lang)
sparse = {}
sparse[(0, 0)] = 1
sparse[(5, 7)] = 2
sparse[(5, 7)] += 10
print(sparse, sparse.get((1, 1), 0))
ids = {10: "ten", -3: "minus three", 0: "zero"}
print(ids[10], ids[-3], ids, sorted(ids))
tree = {"value": 1, "children": [{"value": 2, "children": []},
                                 {"value": 3, "children": [{"value": 4, "children": []}]}]}
def tree_sum(node):
    s = node["value"]
    for child in node["children"]:
        s += tree_sum(child)
    return s
print("tree sum", tree_sum(tree))
a = {"x": {"y": [1, 2, {"z": None}]}}
b = {"x": {"y": [1, 2, {"z": None}]}}
print(a == b, a["x"]["y"][2]["z"] is None)
b["x"]["y"][2]["z"] = 0
print(a == b, a, b)
print({1: {2: {3: 4}}}[1][2][3])
