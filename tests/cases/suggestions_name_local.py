# A misspelled local inside a function: the function's own variables are the first candidates.


def total(numbers):
    running_total = 0
    for number in numbers:
        running_total += number
    return runing_total


print("start")
print(total([1, 2, 3]))
