#!/usr/bin/env bash
# Regenerates tests/fixtures/versions: a few of the differential cases compiled to .pyc by each
# CPython kiln reads (3.8-3.13 from ~/.pyenv/versions, 3.14 as Pyodide from .cache/pyodide), and
# what each prints under that CPython (stdout, then the exit status in NAME.status). The
# `version_fixtures` test builds every committed .pyc with kiln and compares, so each version's
# decoder and lifter are tested on machines that have none of these interpreters.
# Usage: bash tools/gen_version_fixtures.sh   (a version whose interpreter is missing is kept)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/tests/fixtures/versions"
cases=(exc_finally_nested gen_delegate comprehensions class_super prog_bank exc_uncaught_custom async_generators)
for minor in 8 9 10 11 12 13 14; do
    py=$(ls -d "$HOME"/.pyenv/versions/3."$minor".*/bin/python3 2>/dev/null | sort -V | tail -1 || true)
    if [ -z "$py" ] && [ "$minor" = 14 ] && [ -f "$root/.cache/pyodide/node_modules/pyodide/pyodide.mjs" ]; then
        py="$root/tests/pyodide/python3.14"
    fi
    if [ -z "$py" ]; then
        echo "no CPython 3.$minor: its fixtures are left as they are"
        continue
    fi
    dir="$out/3.$minor"
    rm -rf "$dir"
    mkdir -p "$dir"
    for c in "${cases[@]}"; do
        src="$root/tests/cases/$c.py"
        [ -f "$src" ] || { echo "no case $c" >&2; exit 1; }
        # dfile: the path recorded in the .pyc, the same whatever the checkout's location.
        "$py" -c "import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], dfile=sys.argv[3], doraise=True)" \
            "$src" "$dir/$c.pyc" "$c.py"
        status=0
        (cd "$dir" && "$py" "$c.pyc" >"$c.stdout" 2>/dev/null) || status=$?
        echo "$status" >"$dir/$c.status"
    done
    echo "3.$minor: ${#cases[@]} fixtures from $py"
done
