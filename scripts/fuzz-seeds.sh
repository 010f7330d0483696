#!/usr/bin/env bash
# Writes the fuzzer's seed corpus into fuzz/seeds/ (ignored by git): every tests/cases/*.py
# compiled to a .pyc by each CPython 3.8-3.14 found (python3.X on PATH, or pyenv's
# ~/.pyenv/versions/3.X.*), plus any .pyc committed under tests/fixtures/. Programs a version
# cannot compile (newer syntax) are skipped; versions with no interpreter are reported.
set -euo pipefail
cd "$(dirname "$0")/.."
out=fuzz/seeds
rm -rf "$out"
mkdir -p "$out"

find_python() { # $1 = minor version; prints an interpreter's path or nothing
    local minor=$1 p
    for p in "$HOME"/.pyenv/versions/3."$minor".*/bin/python \
        "$(command -v "python3.$minor" 2>/dev/null || true)"; do
        # (pyenv's shims exist for versions that are not selected: run it to be sure)
        if [ -n "$p" ] && [ -x "$p" ] && "$p" -c pass >/dev/null 2>&1; then
            echo "$p"
            return
        fi
    done
}

for minor in 8 9 10 11 12 13 14; do
    py=$(find_python "$minor")
    if [ -z "$py" ]; then
        echo "fuzz-seeds: no CPython 3.$minor found, no seeds for it" >&2
        continue
    fi
    "$py" - "$out" "3$minor" tests/cases/*.py <<'PY'
import sys, py_compile, os
out, tag, sources = sys.argv[1], sys.argv[2], sys.argv[3:]
n = 0
for src in sources:
    name = os.path.splitext(os.path.basename(src))[0]
    try:
        py_compile.compile(src, cfile=os.path.join(out, f"{tag}-{name}.pyc"), doraise=True)
        n += 1
    except py_compile.PyCompileError:
        pass
print(f"fuzz-seeds: {n} seeds from CPython {sys.version.split()[0]}")
PY
done
if [ -d tests/fixtures ]; then
    # Named after their path: the version fixtures of one case share a file name.
    find tests/fixtures -name '*.pyc' | while read -r f; do
        rel=${f#tests/fixtures/}
        cp "$f" "$out/fixture-${rel//\//-}"
    done
fi
echo "fuzz-seeds: $(ls "$out" | wc -l) files in $out"
