#!/usr/bin/env bash
# Makes a Debian machine ready to build and test kiln:
#   * libgc-dev  - Boehm GC's static library (libgc.a), linked into every kiln executable;
#   * a C compiler `cc` that can link a program - the linker driver for kiln executables
#     (gcc, with libc6-dev for the C runtime files);
#   * make, cmake - build the build-system examples (examples/make, examples/cmake) in CI;
#   * python3    - the test oracle; only checked, never installed (the tests skip without it);
#   * Pyodide    - CPython 3.14 compiled to WebAssembly, from npm into .cache/pyodide: the 3.14
#                  oracle of the differential tests (needs node and npm; skipped without them).
# Idempotent: when everything is present it makes no apt calls.
set -euo pipefail

LIBGC_A=/usr/lib/x86_64-linux-gnu/libgc.a
missing=()

if [ ! -f "$LIBGC_A" ]; then
    missing+=(libgc-dev)
fi
# True when `cc` exists and links a trivial C program.
cc_links() {
    command -v cc >/dev/null 2>&1 || return 1
    local dir status
    dir=$(mktemp -d)
    status=0
    printf 'int main(void) { return 0; }\n' >"$dir/t.c"
    cc "$dir/t.c" -o "$dir/t" >/dev/null 2>&1 || status=1
    rm -rf "$dir"
    return "$status"
}
if ! cc_links; then
    missing+=(gcc libc6-dev)
fi

command -v make >/dev/null 2>&1 || missing+=(make)
command -v cmake >/dev/null 2>&1 || missing+=(cmake)
# The debug information test (tests/debug_info.rs) runs gdb; it skips without it.
command -v gdb >/dev/null 2>&1 || missing+=(gdb)

if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then
        echo "setup: installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        echo "setup: missing packages: ${missing[*]}" >&2
        echo "setup: run as root: apt-get update && apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
    if [ ! -f "$LIBGC_A" ]; then
        echo "setup: $LIBGC_A is still missing after installing libgc-dev" >&2
        exit 1
    fi
    if ! cc_links; then
        echo "setup: cc still cannot link a program after installing gcc and libc6-dev" >&2
        exit 1
    fi
fi

# CPython 3.14 for the tests, as Pyodide (its npm package carries the interpreter and stdlib).
PYODIDE_VERSION=314.0.7
root=$(cd "$(dirname "$0")/.." && pwd)
pyodide_dir="$root/.cache/pyodide"
if [ ! -f "$pyodide_dir/node_modules/pyodide/pyodide.mjs" ]; then
    if command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1; then
        echo "setup: installing pyodide@$PYODIDE_VERSION into .cache/pyodide (the CPython 3.14 oracle)"
        mkdir -p "$pyodide_dir"
        if ! npm install --silent --no-save --no-audit --no-fund --prefix "$pyodide_dir" \
            "pyodide@$PYODIDE_VERSION" >/dev/null 2>&1; then
            echo "setup: could not install pyodide; the CPython 3.14 tests will be skipped" >&2
        fi
    else
        echo "setup: node/npm missing; the CPython 3.14 tests will be skipped"
    fi
fi

if command -v python3 >/dev/null 2>&1; then
    echo "setup: ok (python3: $(python3 --version 2>&1))"
else
    echo "setup: ok, but python3 is missing: the differential tests will be skipped"
fi
