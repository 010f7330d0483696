# kiln-test: native-only
# weakref over kiln's _weakref: ref (callbacks not run: kiln's collector frees lazily, so the
# test keeps its referents alive), proxy, WeakValueDictionary, WeakKeyDictionary, WeakSet,
# finalize registration, and the errors for objects that cannot be weakly referenced.
import weakref


class Node:
    def __init__(self, name):
        self.name = name

    def hello(self):
        return "hello " + self.name

    def __repr__(self):
        return "Node(%r)" % self.name


a = Node("a")
r = weakref.ref(a)
print(r() is a, r().name, isinstance(r, weakref.ref), weakref.getweakrefcount(a) >= 1)
print(weakref.ref(a) == r, hash(r) == hash(a))
p = weakref.proxy(a)
print(p.name, p.hello(), type(p).__name__ in ("weakproxy", "ProxyType"))

wv = weakref.WeakValueDictionary()
b = Node("b")
wv["a"] = a
wv["b"] = b
print(sorted(wv.keys()), wv["a"] is a, "b" in wv, len(wv), wv.get("zz", "default"))

wk = weakref.WeakKeyDictionary()
wk[a] = 1
wk[b] = 2
print(sorted(wk.values()), wk[a], a in wk, len(wk))

ws = weakref.WeakSet([a, b])
print(len(ws), a in ws, sorted(n.name for n in ws))
ws.discard(b)
print(len(ws), b in ws)

f = weakref.finalize(a, print, "finalized")
print(f.alive, callable(f))
f()
print(f.alive)

m = weakref.WeakMethod(a.hello)
print(m()())

for bad in (1, "s", (1, 2), [1]):
    try:
        weakref.ref(bad)
    except TypeError as e:
        print("TypeError:", e)

print(weakref.ref(Node("gone")) is not None)
weakref.ref(3)
