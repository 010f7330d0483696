# A program of several modules: a package with subpackages, relative imports, a circular
# import between two modules, `import a.b.c`, `from . import x`, module state shared through
# sys.modules, and the ImportError/ModuleNotFoundError messages of CPython.
import sys
import store
import store.payments.card
from store import catalog, cart as cart_mod
from store.payments import refund

print("main:", __name__, __package__)
print("store loaded:", store.loaded_order)
print("store.__package__:", store.__package__, "catalog.__package__:", catalog.__package__)
print("card via attributes:", store.payments.card.charge(250))
c = cart_mod.Cart()
c.add("apple", 3)
c.add("pear", 2)
print("cart total:", c.total())
print("refund:", refund.refund(c))
print("same module object:", sys.modules["store.catalog"] is catalog)
print("submodules bound:", hasattr(store, "cart"), hasattr(store.payments, "card"))
print("is package:", hasattr(store, "__path__"), hasattr(catalog, "__path__"))
print("repr kinds:", repr(sys).startswith("<module 'sys'"), type(catalog).__name__)
print("import count:", store.import_count())
import store.catalog as again
print("imported once:", store.import_count(), again is catalog)

try:
    import store.nonexistent
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
try:
    from store import nothing_here
except ImportError as e:
    print("ImportError:", type(e).__name__, str(e).split(" (")[0])
try:
    import store.catalog.deeper
except ModuleNotFoundError as e:
    print("not a package:", e)
try:
    import no_such_module_anywhere
except ImportError as e:
    print(type(e).__name__, e)
mod = __import__("store.cart", fromlist=["Cart"])
print("__import__:", mod.__name__, mod.Cart.__name__)
top = __import__("store.payments")
print("__import__ top:", top.__name__)

from store.broken import value
