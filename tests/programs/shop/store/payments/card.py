from ..catalog import PRICES
from . import __name__ as parent_name


def charge(cents):
    return f"charged {cents} via {__name__} in {parent_name} ({len(PRICES)} prices)"
