# Word count: generate a deterministic text from syllables with an LCG, then split it into
# words, normalize, count with dicts, find bigrams and sort by frequency. String building,
# str methods, dict get/set, sorting with keys; the checksum digests the sorted counts.
WORDS = 350_000

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "qua", "bri", "sto", "ple",
             "an", "or", "el", "ix", "um"]
PUNCTUATION = [".", ",", ";", "!", "?", ""]


class Lcg:
    def __init__(self, seed):
        self.x = seed

    def next(self, n):
        self.x = (self.x * 6364136223846793005 + 1442695040888963407) % 18446744073709551616
        return (self.x >> 33) % n


def make_vocabulary(rng, size):
    vocab = []
    seen = set()
    while len(vocab) < size:
        parts = [SYLLABLES[rng.next(len(SYLLABLES))] for _ in range(1 + rng.next(3))]
        word = "".join(parts)
        if word not in seen:
            seen.add(word)
            vocab.append(word)
    return vocab


def make_text(rng, vocab, count):
    pieces = []
    sentence_start = True
    for i in range(count):
        # A skewed choice: low indexes are much more common (roughly Zipf-like).
        a = rng.next(len(vocab))
        b = rng.next(len(vocab))
        word = vocab[a * b // len(vocab)]
        if sentence_start:
            word = word.capitalize()
            sentence_start = False
        if rng.next(9) == 0:
            mark = PUNCTUATION[rng.next(len(PUNCTUATION))]
            word += mark
            sentence_start = mark in ".!?"
        pieces.append(word)
        if i % 17 == 16:
            pieces.append("\n")
    return " ".join(pieces)


def normalize(token):
    return token.strip(".,;!?").lower()


def count_words(text):
    counts = {}
    for token in text.split():
        word = normalize(token)
        if word:
            counts[word] = counts.get(word, 0) + 1
    return counts


def count_bigrams(text):
    counts = {}
    for line in text.splitlines():
        words = [normalize(t) for t in line.split()]
        for pair in zip(words, words[1:]):
            if pair in counts:
                counts[pair] += 1
            else:
                counts[pair] = 1
    return counts


def count_letters(text):
    counts = {}
    for ch in text.lower():
        if ch.isalpha():
            counts[ch] = counts.get(ch, 0) + 1
    return counts


def main():
    rng = Lcg(2024)
    vocab = make_vocabulary(rng, 600)
    text = make_text(rng, vocab, WORDS)
    words = count_words(text)
    bigrams = count_bigrams(text)
    letters = count_letters(text)
    ranked = sorted(words.items(), key=lambda kv: (-kv[1], kv[0]))
    top_pairs = sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    for word, n in ranked[:8]:
        print(f"{word:>12} {n}")
    for (a, b), n in top_pairs:
        print(f"{a} {b}: {n}")
    by_letter = "".join(sorted(letters, key=letters.get, reverse=True))
    print("letters by frequency:", by_letter)
    digest = 0
    for word, n in ranked:
        digest = (digest * 257 + n + len(word)) % 1_000_000_007
    print("checksum", len(text), len(words), len(bigrams), digest)


main()
