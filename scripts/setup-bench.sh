#!/usr/bin/env bash
# Installs what comparing kiln's speed with other interpreters needs, beyond scripts/setup.sh:
#   * pypy3    - the JIT interpreter `kiln bench --python pypy3` times kiln against;
#   * valgrind - callgrind instruction counts, steadier than wall time on a noisy machine.
# Not needed to build or test kiln; CI does not run it. Idempotent: no apt calls when present.
set -euo pipefail

missing=()
command -v pypy3 >/dev/null 2>&1 || missing+=(pypy3)
command -v valgrind >/dev/null 2>&1 || missing+=(valgrind)

if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "setup-bench: missing packages: ${missing[*]}" >&2
        echo "setup-bench: run as root: apt-get update && apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
    echo "setup-bench: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "setup-bench: ok ($(pypy3 --version 2>&1 | tail -1); $(valgrind --version))"
