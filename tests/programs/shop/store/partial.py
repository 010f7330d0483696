from .broken import value
helper = 1
