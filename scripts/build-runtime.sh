#!/usr/bin/env bash
# Builds kiln's runtime library for a cross target, so `kiln build --target TRIPLE` can link:
#   bash scripts/build-runtime.sh [aarch64-unknown-linux-gnu]
# rustup cannot fetch other targets here, so the runtime is built with Debian's `rustc-web`
# (whose arm64 standard library comes from `libstd-rust-web-dev:arm64`), linked later with
# `aarch64-linux-gnu-gcc`, and tested under `qemu-aarch64`. Missing packages are installed when
# running as root (after `dpkg --add-architecture arm64`); otherwise the exact command is printed.
# The library lands in target/<triple>/release/libkiln_runtime.a.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-aarch64-unknown-linux-gnu}
case "$target" in
    aarch64-unknown-linux-gnu) arch=arm64; gnu=aarch64-linux-gnu ;;
    *) echo "build-runtime: unknown target $target (kiln cross-builds for aarch64-unknown-linux-gnu)" >&2; exit 2 ;;
esac

missing=()
[ -x /usr/bin/rustc ] && /usr/bin/rustc --version 2>/dev/null | grep -q . || missing+=(rustc-web)
[ -d "/usr/lib/rustlib/$target/lib" ] || missing+=("libstd-rust-web-dev:$arch")
command -v "$gnu-gcc" >/dev/null || missing+=("gcc-$gnu" "libc6-dev-$arch-cross")
[ -f "/usr/lib/$gnu/libgc.a" ] || missing+=("libgc-dev:$arch")
command -v qemu-aarch64 >/dev/null || missing+=(qemu-user)
if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then
        echo "build-runtime: installing ${missing[*]}"
        dpkg --add-architecture "$arch"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        echo "build-runtime: missing packages: ${missing[*]}" >&2
        echo "build-runtime: run as root: dpkg --add-architecture $arch && apt-get update && apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
fi
RUSTC=/usr/bin/rustc cargo build --release --quiet -p kiln-runtime --lib --target "$target"
echo "build-runtime: target/$target/release/libkiln_runtime.a"
