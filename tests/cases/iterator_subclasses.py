# Subclasses of the built-in iterators: an overridden __next__ or __iter__ is what iteration
# uses, in for loops, list(), unpacking and builtins that consume iterables.


class Tens(map):
    def __next__(self):
        return super().__next__() * 10


print(list(Tens(abs, [-1, 2, -3])))
for v in Tens(int, "45"):
    print("for", v)
a, b = Tens(abs, [7, -8])
print(a, b, sum(Tens(abs, [1, -1])), sorted(Tens(abs, [3, -1, 2])))


class Evens(filter):
    count = 0

    def __next__(self):
        Evens.count += 1
        return super().__next__()


print(list(Evens(lambda x: x % 2 == 0, range(7))), Evens.count, isinstance(Evens(None, []), filter))


class Pairs(zip):
    def __next__(self):
        x, y = super().__next__()
        return f"{x}{y}"


print(list(Pairs([1, 2], "ab")), dict(zip(Pairs("ab", "cd"), range(2))))


class Numbered(enumerate):
    def __iter__(self):
        print("iter called")
        return self


print([t for t in Numbered("xy", 1)])


class Backwards(reversed):
    def __next__(self):
        return super().__next__().upper()


print("".join(Backwards("abc")))
