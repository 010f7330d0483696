#!/usr/bin/env bash
# Builds and runs the build-system examples (CI runs this after `cargo build --release`):
#   * make/  - a two-module program with a depfile: touching the imported module rebuilds it;
#   * cmake/ - kiln_add_executable() in CMake, with the depfile driving rebuilds;
#   * cargo/ - a Rust program whose build.rs compiles a Python program with --emit=staticlib.
# Each program's output is checked. Needs make, cmake and cc (scripts/setup.sh installs them).
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd .. && pwd)
export KILN="$root/target/release/kiln"
[ -x "$KILN" ] || { echo "check: build kiln first (cargo build --release)" >&2; exit 1; }

expect() { # expect WHAT WANT GOT
    if [ "$2" != "$3" ]; then
        printf 'check: %s: expected\n%s\ngot\n%s\n' "$1" "$2" "$3" >&2
        exit 1
    fi
}

echo "== examples/make"
make -C make clean >/dev/null
make -C make KILN="$KILN"
expect "make: output" "hello from make, compiled by kiln
squares: [0, 1, 4, 9, 16]" "$(make/app)"
make -C make -q KILN="$KILN" || { echo "check: make: up-to-date program rebuilt" >&2; exit 1; }
sleep 1
touch make/greeting.py
if make -C make -q KILN="$KILN"; then
    echo "check: make: touching greeting.py did not make app out of date" >&2
    exit 1
fi
make -C make KILN="$KILN" >/dev/null

echo "== examples/cmake"
rm -rf cmake/build
cmake -S cmake -B cmake/build -DKILN="$KILN" >/dev/null
cmake --build cmake/build
expect "cmake: output" "mean: 3.875
sorted: [1, 1, 2, 3, 4, 5, 6, 9]" "$(cmake/build/stats)"
sleep 1
touch cmake/tools/stats.py
rebuilt=$(cmake --build cmake/build)
case "$rebuilt" in
    *"kiln: building stats"*) ;;
    *) echo "check: cmake: touching tools/stats.py did not rebuild stats" >&2; exit 1 ;;
esac

echo "== examples/cargo"
out=$(cd cargo && cargo run --release --quiet 2>/dev/null)
expect "cargo: output" "python: argv = ['from-rust', '42']
python: most common: the 3
rust: the Python program exited with status 3" "$out"
echo "examples: make, cmake and cargo built and ran"
