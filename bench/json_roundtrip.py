# JSON round trip: build nested documents of dicts, lists, strings, ints, floats, bools and None,
# encode them with a hand-written JSON encoder (escapes, float repr) and parse them back with a
# recursive-descent decoder. isinstance dispatch, string building and scanning, dict/list
# equality; the checksum is the encoded lengths and a digest of the text.
DOCUMENTS = 300
ROUNDS = 30


class Lcg:
    def __init__(self, seed):
        self.x = seed

    def next(self, n):
        self.x = (self.x * 1103515245 + 12345) & 0x7FFFFFFF
        return self.x % n


ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\b": "\\b",
           "\f": "\\f"}


def encode_string(s):
    out = ['"']
    for ch in s:
        if ch in ESCAPES:
            out.append(ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) > 0x7E:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def encode(value, parts):
    if value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif isinstance(value, int):
        parts.append(str(value))
    elif isinstance(value, float):
        parts.append(repr(value))
    elif isinstance(value, str):
        parts.append(encode_string(value))
    elif isinstance(value, (list, tuple)):
        parts.append("[")
        for i, item in enumerate(value):
            if i:
                parts.append(", ")
            encode(item, parts)
        parts.append("]")
    elif isinstance(value, dict):
        parts.append("{")
        first = True
        for key, item in value.items():
            if not first:
                parts.append(", ")
            first = False
            parts.append(encode_string(key))
            parts.append(": ")
            encode(item, parts)
        parts.append("}")
    else:
        raise TypeError(f"cannot encode {type(value).__name__}")


def dumps(value):
    parts = []
    encode(value, parts)
    return "".join(parts)


class DecodeError(ValueError):
    pass


class Decoder:
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def skip(self):
        text = self.text
        while self.pos < len(text) and text[self.pos] in " \t\n\r":
            self.pos += 1

    def value(self):
        self.skip()
        ch = self.text[self.pos]
        if ch == "{":
            return self.object()
        if ch == "[":
            return self.array()
        if ch == '"':
            return self.string()
        if self.text.startswith("null", self.pos):
            self.pos += 4
            return None
        if self.text.startswith("true", self.pos):
            self.pos += 4
            return True
        if self.text.startswith("false", self.pos):
            self.pos += 5
            return False
        return self.number()

    def object(self):
        self.pos += 1
        result = {}
        self.skip()
        if self.text[self.pos] == "}":
            self.pos += 1
            return result
        while True:
            self.skip()
            key = self.string()
            self.skip()
            if self.text[self.pos] != ":":
                raise DecodeError(f"expected ':' at {self.pos}")
            self.pos += 1
            result[key] = self.value()
            self.skip()
            ch = self.text[self.pos]
            self.pos += 1
            if ch == "}":
                return result
            if ch != ",":
                raise DecodeError(f"expected ',' or '}}' at {self.pos - 1}")

    def array(self):
        self.pos += 1
        result = []
        self.skip()
        if self.text[self.pos] == "]":
            self.pos += 1
            return result
        while True:
            result.append(self.value())
            self.skip()
            ch = self.text[self.pos]
            self.pos += 1
            if ch == "]":
                return result
            if ch != ",":
                raise DecodeError(f"expected ',' or ']' at {self.pos - 1}")

    def string(self):
        text = self.text
        self.pos += 1
        chunks = []
        start = self.pos
        while True:
            ch = text[self.pos]
            if ch == '"':
                chunks.append(text[start:self.pos])
                self.pos += 1
                return "".join(chunks)
            if ch == "\\":
                chunks.append(text[start:self.pos])
                esc = text[self.pos + 1]
                if esc == "u":
                    chunks.append(chr(int(text[self.pos + 2:self.pos + 6], 16)))
                    self.pos += 6
                else:
                    chunks.append({"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f"}
                                  .get(esc, esc))
                    self.pos += 2
                start = self.pos
            else:
                self.pos += 1

    def number(self):
        text = self.text
        start = self.pos
        while self.pos < len(text) and text[self.pos] in "+-0123456789.eE":
            self.pos += 1
        literal = text[start:self.pos]
        if "." in literal or "e" in literal or "E" in literal:
            return float(literal)
        return int(literal)


def loads(text):
    decoder = Decoder(text)
    value = decoder.value()
    decoder.skip()
    if decoder.pos != len(text):
        raise DecodeError("trailing data")
    return value


WORDS = ["alpha", "beta", "gamma", "delta", "tab\there", 'quote"d', "back\\slash", "line\nbreak",
         "caf\u00e9", "\u03bb-calculus", "snow\u2603man", "", "x" * 12]


def make_value(rng, depth):
    kind = rng.next(10 if depth < 4 else 6)
    if kind == 0:
        return None
    if kind == 1:
        return rng.next(2) == 1
    if kind == 2:
        return rng.next(2_000_000) - 1_000_000
    if kind == 3:
        return (rng.next(1_000_000) - 500_000) / (1 + rng.next(999))
    if kind in (4, 5):
        return WORDS[rng.next(len(WORDS))] + str(rng.next(100))
    if kind in (6, 7):
        return [make_value(rng, depth + 1) for _ in range(rng.next(6))]
    return {f"{WORDS[rng.next(len(WORDS))]}_{i}": make_value(rng, depth + 1)
            for i in range(rng.next(6))}


def main():
    rng = Lcg(12345)
    docs = [{"id": i, "payload": [make_value(rng, 0) for _ in range(8)], "tags": [WORDS[i % len(WORDS)], i * 0.5]}
            for i in range(DOCUMENTS)]
    total_len = 0
    digest = 0
    mismatches = 0
    for _ in range(ROUNDS):
        for doc in docs:
            text = dumps(doc)
            back = loads(text)
            if back != doc:
                mismatches += 1
            again = dumps(back)
            if again != text:
                mismatches += 1
            total_len += len(text)
            for ch in text[::7]:
                digest = (digest * 33 + ord(ch)) % 1_000_000_007
    print(dumps(docs[3])[:120])
    print("mismatches", mismatches)
    print("checksum", total_len, digest)


main()
