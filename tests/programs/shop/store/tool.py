# Run with `python -m store.tool`: __main__ inside a package, with relative imports.
from . import catalog
from .payments.card import charge

if __name__ == "__main__":
    import sys
    print("tool:", __name__, __package__, "store" in sys.modules, "store.tool" in sys.modules)
    print(charge(catalog.price("plum")))
    sys.exit(4)
