#!/usr/bin/env bash
# Compares a kiln executable with CPython interpreting the same .pyc, side by side in one run:
#   bash bench/compare.sh bench/lookups.py [PYTHON]
# Compiles PROGRAM.py to a .pyc with PYTHON (default python3), builds it with kiln, checks that
# both print the same output, then times both with hyperfine (alternating runs) and prints the
# ratio CPython time / kiln time.
set -euo pipefail
cd "$(dirname "$0")/.."
prog=${1:?usage: bench/compare.sh PROGRAM.py [PYTHON]}
python=${2:-python3}
if ! command -v hyperfine >/dev/null; then
    if [ "$(id -u)" -eq 0 ]; then
        apt-get install -y -qq hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
    else
        echo "bench: hyperfine is missing: apt-get install hyperfine" >&2
        exit 1
    fi
fi
[ -x target/release/kiln ] || cargo build --release -q
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
name=$(basename "$prog" .py)
"$python" -c "import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)" "$prog" "$work/$name.pyc"
target/release/kiln build "$work/$name.pyc" -o "$work/$name"
if ! diff <("$python" "$work/$name.pyc") <("$work/$name") >/dev/null; then
    echo "bench: $name: kiln's output differs from $python's" >&2
    exit 1
fi
hyperfine -N --warmup 1 --runs "${RUNS:-10}" --export-json "$work/result.json" \
    -n cpython "$python $work/$name.pyc" -n kiln "$work/$name" >/dev/null
"$python" - "$work/result.json" "$name" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
c, k = r["cpython"], r["kiln"]
print(f"{sys.argv[2]}: cpython {c['median']:.3f} s, kiln {k['median']:.3f} s (medians), "
      f"kiln is {c['median'] / k['median']:.2f}x as fast")
PY
