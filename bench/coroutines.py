# Coroutines: generator-based cooperative tasks on a round-robin scheduler, communicating
# through channels; consumers are primed and driven with send(), stopped with throw() and
# close(), and sub-generators return values through yield from. The checksum is what the
# consumers accumulated and the scheduler's step counts.
PRODUCERS = 40
ITEMS = 60_000


class Stop(Exception):
    pass


class Channel:
    def __init__(self):
        self.items = []
        self.head = 0

    def put(self, item):
        self.items.append(item)

    def ready(self):
        return self.head < len(self.items)

    def get(self):
        item = self.items[self.head]
        self.head += 1
        if self.head > 64 and self.head * 2 > len(self.items):
            del self.items[:self.head]
            self.head = 0
        return item


class Scheduler:
    def __init__(self):
        self.tasks = []
        self.steps = 0
        self.finished = []

    def spawn(self, name, gen):
        self.tasks.append((name, gen))

    def run(self):
        while self.tasks:
            still = []
            for name, gen in self.tasks:
                self.steps += 1
                try:
                    next(gen)
                except StopIteration as stop:
                    self.finished.append((name, stop.value))
                else:
                    still.append((name, gen))
            self.tasks = still


def averager():
    """A coroutine: send numbers in, get the running mean out; throw Stop to finish."""
    total = 0
    count = 0
    mean = None
    while True:
        try:
            value = yield mean
        except Stop:
            return total, count
        total += value
        count += 1
        mean = total // count


def histogram(buckets):
    counts = [0] * buckets
    try:
        while True:
            value = yield
            counts[value % buckets] += 1
    finally:
        histogram.closed += 1
        histogram.last = counts[:]


histogram.closed = 0
histogram.last = None


def chunked(channel, size):
    """Sub-generator: wait until `size` items arrived, return them as a list."""
    got = []
    while len(got) < size:
        while not channel.ready():
            yield "waiting"
        got.append(channel.get())
    return got


def producer(ident, channel, count):
    x = ident * 7919 + 1
    for i in range(count):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        channel.put((ident, x % 1000))
        if i % 3 == 0:
            yield
    channel.put((ident, None))
    return ident


def consumer(channel, producers, sinks):
    mean, hist = sinks
    open_producers = producers
    received = 0
    while open_producers:
        batch = yield from chunked(channel, 4)
        for ident, value in batch:
            if value is None:
                open_producers -= 1
                continue
            received += 1
            mean.send(value + ident)
            hist.send(value)
    return received


def main():
    scheduler = Scheduler()
    channel = Channel()
    mean = averager()
    next(mean)
    hist = histogram(17)
    next(hist)
    for p in range(PRODUCERS):
        scheduler.spawn(f"producer{p}", producer(p, channel, ITEMS + (p % 4) * 3))
    scheduler.spawn("consumer", consumer(channel, PRODUCERS, (mean, hist)))
    scheduler.run()
    try:
        mean.throw(Stop)
    except StopIteration as stop:
        total, count = stop.value
    hist.close()
    received = dict(scheduler.finished)["consumer"]
    print("received", received, "mean", total // count, "closed", histogram.closed)
    print("buckets", histogram.last)
    print("checksum", total, count, scheduler.steps, sum(i * c for i, c in enumerate(histogram.last)))


main()
