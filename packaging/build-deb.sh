#!/usr/bin/env bash
# make package: builds the Debian package into OUT (default build/package) with dpkg-buildpackage.
#   build-deb.sh [--rev REV] [--version-suffix SUFFIX] [OUT]
# dpkg-buildpackage wants debian/ at the root of the source tree; the repository keeps it in
# packaging/debian, so this copies the tracked and new (not ignored) files of the working tree to
# OUT/src, puts packaging/debian there as debian/, and builds in that copy. The checkout itself
# never gets a debian/ folder or dh's build files.
# --rev REV builds the committed tree of REV instead (its own packaging/debian; the package test
# builds the previous commit's package to upgrade from). --version-suffix appends SUFFIX to the
# version in debian/changelog (e.g. "~prev": dpkg orders 0.1.0-1~prev before 0.1.0-1).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rev=""
suffix=""
while [ $# -gt 0 ]; do
    case $1 in
        --rev) rev=$2; shift 2 ;;
        --version-suffix) suffix=$2; shift 2 ;;
        -*) echo "build-deb.sh: unknown option $1" >&2; exit 2 ;;
        *) break ;;
    esac
done
out=$(realpath -m "${1:-$root/build/package}")
src="$out/src"
rm -rf "$src"
rm -f "$out"/intake-kiosk_*.deb "$out"/intake-kiosk-dbgsym_*.deb
mkdir -p "$src"
cd "$root"
if [ -n "$rev" ]; then
    git cat-file -e "$rev:packaging/debian/control" 2>/dev/null ||
        { echo "build-deb.sh: $rev has no packaging/debian/control" >&2; exit 1; }
    git archive --format=tar "$rev" | tar -x -C "$src"
else
    git ls-files -z --cached --others --exclude-standard |
        while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
        xargs -0 cp --parents -t "$src"
fi
cp -r "$src/packaging/debian" "$src/debian"
cd "$src"
if [ -n "$suffix" ]; then
    sed -i "1s/^\([^ ]*\) (\([^)]*\))/\1 (\2$suffix)/" debian/changelog
    grep -q "^[^ ]* ([^)]*$suffix)" <(head -n 1 debian/changelog) ||
        { echo "build-deb.sh: could not add $suffix to the version in debian/changelog" >&2; exit 1; }
fi
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
