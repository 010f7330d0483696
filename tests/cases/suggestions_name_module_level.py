# A misspelled name at module level, with a case-only difference (the cheapest edit).
Counter = 10
print(Counter + 1)
print(counter)
