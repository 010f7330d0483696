# A NameError with nothing close: no suggestion.
print("before")
print(zzqqxxyy)
