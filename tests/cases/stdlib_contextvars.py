# kiln-test: native-only
# contextvars over kiln's _contextvars: variables, tokens, contexts and copies.
import contextvars

v = contextvars.ContextVar("v", default=1)
w = contextvars.ContextVar("w")
print(v.name, v.get(), w.get("fallback"))
try:
    w.get()
except LookupError as e:
    print("LookupError", type(e.args[0]).__name__)
t = v.set(5)
print(v.get(), t.var is v, t.old_value is contextvars.Token.MISSING)
t2 = v.set(6)
print(v.get(), t2.old_value)
v.reset(t2)
print(v.get())
try:
    v.reset(t2)
except RuntimeError:
    print("RuntimeError used")
ctx = contextvars.copy_context()
print(v in ctx, ctx[v], len(ctx) >= 1, ctx.get(w, "none"))


def inside(x):
    v.set(x)
    w.set("in")
    return v.get(), w.get()


print(ctx.run(inside, 42), v.get(), w.get("outside"), ctx[v], ctx[w])
print(sorted(k.name for k in ctx.keys() if k in (v, w)))
c2 = contextvars.Context()
print(len(c2), c2.run(lambda: v.get()))
try:
    ctx.run(lambda: ctx.run(lambda: None))
except RuntimeError:
    print("RuntimeError entered")
v.reset(t)
print(v.get())
print(isinstance(ctx, contextvars.Context))
