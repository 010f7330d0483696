from .. import cart as c2
from .card import charge


def refund(cart):
    return "refund " + charge(-cart.total()) + " " + str(isinstance(cart, c2.Cart))
