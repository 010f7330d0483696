# Async generators driven by hand: __anext__/asend/athrow/aclose, async for, async comprehensions.


class Later:
    """An awaitable that suspends once, handing `tag` to the driver."""

    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        got = yield self.tag
        return got


def run(coro, sends=None):
    """Drives `coro` to the end, printing what it hands out; returns its result."""
    sends = list(sends or [])
    value = None
    while True:
        try:
            out = coro.send(value)
        except StopIteration as e:
            return e.value
        print("  driver got", out)
        value = sends.pop(0) if sends else None


async def counter(n):
    for i in range(n):
        yield i * 10


async def with_awaits():
    x = await Later("first")
    yield ("after first", x)
    y = await Later("second")
    yield ("after second", y)


async def main():
    out = []
    async for v in counter(4):
        out.append(v)
    print("async for:", out)
    print("comprehension:", [v async for v in counter(3)])
    print("filtered:", [v async for v in counter(6) if v % 20 == 0])
    async for item in with_awaits():
        print("item", item)
    return "main done"


print(run(main(), ["a", "b"]))

# The protocol by hand.
ag = counter(2)
print(type(ag).__name__, ag.__aiter__() is ag)
aw = ag.__anext__()
print(type(aw).__name__)
try:
    aw.send(None)
except StopIteration as e:
    print("anext value", e.value)
try:
    ag.__anext__().send(None)
except StopIteration as e:
    print("anext value", e.value)
try:
    ag.__anext__().send(None)
except StopAsyncIteration:
    print("exhausted: StopAsyncIteration")
try:
    ag.__anext__().send(None)
except StopAsyncIteration:
    print("still exhausted")


async def echo():
    received = "start"
    while True:
        try:
            received = yield received
        except ValueError as e:
            received = "caught " + str(e)


ag = echo()
for step in [ag.asend(None), ag.asend("hello"), ag.athrow(ValueError("bad")), ag.asend("x")]:
    try:
        step.send(None)
    except StopIteration as e:
        print("step ->", e.value)
close = ag.aclose()
try:
    close.send(None)
except StopIteration as e:
    print("closed", e.value)


async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2


ag = stubborn()
try:
    ag.__anext__().send(None)
except StopIteration as e:
    print("got", e.value)
try:
    ag.aclose().send(None)
except RuntimeError as e:
    print("RuntimeError:", e)


async def with_finally():
    try:
        yield "a"
        yield "b"
    finally:
        print("finally ran")


async def take_one():
    ag = with_finally()
    async for v in ag:
        print("took", v)
        break
    await ag.aclose()
    return "broke out"


print(run(take_one()))


async def raises_stop():
    yield 1
    raise StopAsyncIteration


ag = raises_stop()
try:
    ag.__anext__().send(None)
except StopIteration as e:
    print("first", e.value)
try:
    ag.__anext__().send(None)
except RuntimeError as e:
    print("RuntimeError:", e)


async def agen_return():
    yield 1
    return


async def consume():
    total = 0
    async for v in agen_return():
        total += v
    return total


print(run(consume()))
print(counter.__name__, counter(1).__qualname__)
