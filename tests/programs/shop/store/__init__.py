loaded_order = []
loaded_order.append("store")
_count = [0]


def import_count():
    return _count[0]


from . import catalog
from .cart import Cart
loaded_order.append("store done")
