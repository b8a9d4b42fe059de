#!/usr/bin/env bash
# make package: builds the Debian package into OUT (default build/package) with dpkg-buildpackage.
# dpkg-buildpackage wants debian/ at the root of the source tree; the repository keeps it in
# packaging/debian, so this copies the tracked and new (not ignored) files of the working tree to
# OUT/src, puts packaging/debian there as debian/, and builds in that copy. The checkout itself
# never gets a debian/ folder or dh's build files.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(realpath -m "${1:-$root/build/package}")
src="$out/src"
rm -rf "$src"
mkdir -p "$src"
cd "$root"
git ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
    xargs -0 cp --parents -t "$src"
cp -r packaging/debian "$src/debian"
cd "$src"
# debhelper gives the build a HOME of its own: keep ccache's cache where it is, so that a second
# package build (the package test after `make package`) compiles little.
if command -v ccache >/dev/null; then
    CCACHE_DIR=$(ccache -k cache_dir)
    export CCACHE_DIR KIOSK_CCACHE=1
fi
# -b: the binary package only; -us -uc: unsigned (a clinic's repository signs what it publishes).
dpkg-buildpackage -b -us -uc -j"${JOBS:-$(nproc)}" >"$out/build.log" 2>&1 ||
    { tail -n 60 "$out/build.log" >&2; echo "make package: failed, full log in $out/build.log" >&2; exit 1; }
ls "$out"/intake-kiosk_*.deb
