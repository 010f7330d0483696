# Coroutines driven by hand with send(None), await chains, async with and async for.
class Ready:
    def __init__(self, value):
        self.value = value

    def __await__(self):
        yield "suspended"
        return self.value


async def double(x):
    v = await Ready(x)
    return v * 2


async def total(n):
    s = 0
    for i in range(n):
        s += await double(i)
    return s


def run(coro):
    steps = 0
    try:
        while True:
            coro.send(None)
            steps += 1
    except StopIteration as e:
        return e.value, steps


print(run(total(5)))


class Manager:
    async def __aenter__(self):
        print("enter")
        return self

    async def __aexit__(self, *exc):
        print("exit", exc[0])
        return False


class Counter:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


async def main():
    async with Manager() as m:
        print("inside", type(m).__name__)
    out = []
    async for v in Counter(4):
        out.append(v)
    return out


print(run(main()))
