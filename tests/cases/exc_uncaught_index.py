# Ends with an uncaught IndexError from indexing past the end of a list.
items = ["a", "b", "c"]
for i in range(len(items)):
    print(i, items[i])
print("negative", items[-3])
try:
    items[-4]
except IndexError as e:
    print("handled:", e)
def nth(xs, n):
    return xs[n]
print(nth(items, 1))
i = 0
while True:
    print("reading", nth(items, i))
    i += 1
