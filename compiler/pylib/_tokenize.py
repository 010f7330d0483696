# kiln's `_tokenize` (3.12+): the C tokenizer that `tokenize.tokenize` and
# `tokenize.generate_tokens` hand source to. kiln does not carry CPython's tokenizer, so
# `tokenize` imports (as `linecache` and `inspect` need) and tokenizing source raises.


class TokenizerIter:
    def __init__(self, source, *, encoding=None, extra_tokens=False):
        raise NotImplementedError(
            "kiln: tokenize needs CPython's tokenizer, which compiled programs do not carry")
