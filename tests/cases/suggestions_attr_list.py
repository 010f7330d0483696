# A misspelled list method: "Did you mean: 'append'?" from dir(list).
items = [1, 2]
items.append(3)
print(items)
items.apend(4)
