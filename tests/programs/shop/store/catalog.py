from . import loaded_order, _count
loaded_order.append("catalog")
_count[0] += 1
PRICES = {"apple": 30, "pear": 45, "plum": 12}


def price(item):
    return PRICES[item]
