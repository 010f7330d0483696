# kiln's `_tokenize`, which `tokenize` imports from 3.12 on (for `tokenize.open` and
# `detect_encoding`, which `linecache` and `warnings` use, nothing more is needed). CPython's
# TokenizerIter is its C tokenizer; kiln has none, and says so when asked for tokens.


class TokenizerIter:
    def __init__(self, readline, *, extra_tokens=False, encoding=None):
        raise NotImplementedError("tokenizing Python source is not supported by kiln "
                                  "(no _tokenize.TokenizerIter)")
