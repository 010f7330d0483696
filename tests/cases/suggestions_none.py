# No candidate is close enough: the message has no suggestion.
data = {"a": 1}
print(len(data))
print(data.frobnicate_everything)
