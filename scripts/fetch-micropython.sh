#!/usr/bin/env bash
# Fetches MicroPython's tests/basics programs (the *.py files and their *.exp files) from
# Debian's micropython source package (suite trixie) into .cache/micropython/basics/ under the
# repository root. The cache is ignored by git and never committed.
#
# How: read the suite's Sources index, take the micropython stanza's directory and .orig
# tarball name and SHA-256, download the tarball, check it, and extract tests/basics only.
#
# Idempotent: when the cache is already complete (it has a .complete marker) nothing is
# downloaded. Quiet: prints one line when it fetched the corpus, nothing when it was present.
# When the corpus cannot be had (no network, a 404, a missing tool, a bad checksum) it prints
# "micropython corpus unavailable: <reason>" and exits 0, so that the tests go on without it.
#
# Environment:
#   KILN_MP_MIRROR  the Debian archive (default https://deb.debian.org/debian)
#   KILN_MP_SUITE   the suite (default trixie)
#   KILN_MP_CACHE   the destination directory (default <repo>/.cache/micropython/basics)
set -u

repo_root="$(cd "$(dirname "$0")/.." && pwd)"
mirror="${KILN_MP_MIRROR:-https://deb.debian.org/debian}"
suite="${KILN_MP_SUITE:-trixie}"
dest="${KILN_MP_CACHE:-$repo_root/.cache/micropython/basics}"
marker="$dest/.complete"

unavailable() {
    echo "micropython corpus unavailable: $*"
    exit 0
}

if [ -f "$marker" ] && ls "$dest"/*.py >/dev/null 2>&1; then
    exit 0
fi

for tool in xz tar sha256sum awk; do
    command -v "$tool" >/dev/null 2>&1 || unavailable "the tool '$tool' is not installed"
done
if command -v curl >/dev/null 2>&1; then
    fetcher=curl
elif command -v wget >/dev/null 2>&1; then
    fetcher=wget
else
    unavailable "neither curl nor wget is installed"
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/kiln-mp-fetch.XXXXXX")" || unavailable "cannot create a temporary directory"
trap 'rm -rf "$tmp"' EXIT

# download URL FILE: a quiet download with time limits (curl, else wget); prints the reason
# on failure.
download() {
    if [ "$fetcher" = wget ]; then
        wget -q --timeout=20 --tries=3 -O "$2" "$1" 2>"$tmp/wget.err"
        local wrc=$?
        case $wrc in
            0) return 0 ;;
            4) echo "download of $1 failed: network failure (wget)" ;;
            8) echo "download of $1 failed: the server answered with an error, e.g. 404 (wget)" ;;
            *) echo "download of $1 failed: wget exit status $wrc" ;;
        esac
        return 1
    fi
    local code
    code="$(curl -sS -L --connect-timeout 20 --max-time 240 --retry 2 --retry-delay 2 \
        -o "$2" -w '%{http_code}' "$1" 2>"$tmp/curl.err")"
    local rc=$?
    if [ $rc -ne 0 ]; then
        echo "download of $1 failed: $(head -n 1 "$tmp/curl.err")"
        return 1
    fi
    if [ "$code" != "200" ]; then
        echo "download of $1 failed: HTTP $code"
        return 1
    fi
    return 0
}

sources_url="$mirror/dists/$suite/main/source/Sources.xz"
why="$(download "$sources_url" "$tmp/Sources.xz")" || unavailable "$why"
xz -dc "$tmp/Sources.xz" >"$tmp/Sources" 2>/dev/null || unavailable "cannot decompress $sources_url"

# From the micropython stanza: the pool directory, and "sha256 name" of the .orig tarball.
stanza_info="$(awk '
    /^Package: / { in_pkg = ($2 == "micropython"); in_sums = 0; next }
    !in_pkg { next }
    /^Directory: / { dir = $2; next }
    /^Checksums-Sha256:/ { in_sums = 1; next }
    /^[^ ]/ { in_sums = 0; next }
    in_sums && $3 ~ /\.orig\.tar\.(xz|gz|bz2)$/ { sha = $1; name = $3 }
    /^$/ { if (dir != "" && name != "") { exit } in_pkg = 0 }
    END { if (in_pkg && dir != "" && name != "") print dir, sha, name }
' "$tmp/Sources")"
# shellcheck disable=SC2086
set -- $stanza_info
[ $# -eq 3 ] || unavailable "no micropython source package with an .orig tarball in $sources_url"
pool_dir="$1"; want_sha="$2"; tarball="$3"

tar_url="$mirror/$pool_dir/$tarball"
why="$(download "$tar_url" "$tmp/$tarball")" || unavailable "$why"
got_sha="$(sha256sum "$tmp/$tarball" | awk '{print $1}')"
[ "$got_sha" = "$want_sha" ] || unavailable "checksum mismatch for $tarball"

mkdir -p "$tmp/x"
tar -xf "$tmp/$tarball" -C "$tmp/x" --wildcards --no-anchored \
    '*/tests/basics/*.py' '*/tests/basics/*.exp' 2>"$tmp/tar.err" \
    || unavailable "cannot extract tests/basics from $tarball: $(head -n 1 "$tmp/tar.err")"
src_dir="$(find "$tmp/x" -type d -path '*/tests/basics' | head -n 1)"
[ -n "$src_dir" ] && ls "$src_dir"/*.py >/dev/null 2>&1 || unavailable "$tarball has no tests/basics/*.py"

# Replace the cache in one step, so that a half-written cache never looks complete.
mkdir -p "$(dirname "$dest")" || unavailable "cannot create $(dirname "$dest")"
rm -rf "$dest.new"
mkdir -p "$dest.new" || unavailable "cannot create $dest.new"
find "$src_dir" -maxdepth 1 -type f \( -name '*.py' -o -name '*.exp' \) -exec cp {} "$dest.new/" \;
echo "$tarball" >"$dest.new/.complete"
rm -rf "$dest"
mv "$dest.new" "$dest" || unavailable "cannot move the corpus into $dest"
count="$(find "$dest" -maxdepth 1 -name '*.py' | wc -l)"
echo "micropython corpus: $count programs from $tarball in $dest"
exit 0
