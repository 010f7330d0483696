from .. import loaded_order
loaded_order.append("payments")
