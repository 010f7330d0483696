def mean(xs):
    return sum(xs) / len(xs)


def ordered(xs):
    return sorted(xs)
