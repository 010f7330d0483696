# An AttributeError raised inside a property names the inner lookup: the suggestion comes from
# the instance's attributes (`_value`), and a __dir__ override supplies the candidates.


class Box:
    def __init__(self):
        self._value = 1

    @property
    def value(self):
        return self._valeu


class Custom:
    def __dir__(self):
        return ["alpha", "beta"]


try:
    Custom().alpah
except AttributeError as e:
    print(e, e.name)
print(Box()._value)
print(Box().value)
