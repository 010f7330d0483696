# The Python program the Rust host (src/main.rs) runs through kiln_main.
import sys

words = "the quick brown fox jumps over the lazy dog the end".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print("python: argv =", sys.argv[1:])
print("python: most common:", max(counts, key=counts.get), counts["the"])
sys.exit(3)
