# `python -m store` runs this with __package__ == "store".
from .catalog import PRICES
from . import loaded_order

print("store.__main__:", __name__, __package__, sorted(PRICES), loaded_order)
