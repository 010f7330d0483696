# cart and pricing import each other: the circular import works because each uses the other's
# names only when called.
from . import loaded_order
loaded_order.append("cart")
from . import pricing


class Cart:
    def __init__(self):
        self.items = []

    def add(self, item, n):
        self.items.append((item, n))

    def total(self):
        return pricing.total(self)
