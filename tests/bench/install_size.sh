#!/usr/bin/env bash
# The kiosk's install size (PERFORMANCE.md: <= 20 MB beyond a minimal Debian with Mesa): dpkg's
# Installed-Size of the package plus that of every package its Depends pull in that a minimal Debian 12
# with Mesa does not have already. "Minimal with Mesa" = the dependency closure of every Priority
# required/important package in the apt lists plus libgl1-mesa-dri, libgl1 and libegl1. Run as root on a
# machine with other packages it is still exact: only apt's lists are read, not what is installed.
#   install_size.sh DEB
set -euo pipefail
deb=$1
# What apt would install for PACKAGES: Depends and Pre-Depends, the first of each alternative and
# the first provider of a virtual package (as apt picks when nothing else is installed), recursively.
direct() {
    apt-cache depends --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces --no-enhances \
        "$@" 2>/dev/null | awk '
        function take(x) { if (x ~ /^</) wantProvider = 1; else print x }
        /^[^ ]/ { alt = 0; wantProvider = 0; next }
        /^ *[|](Pre)?Depends: / { if (!alt) take($2); alt = 1; next }
        /^ *(Pre)?Depends: / { if (!alt) take($2); alt = 0; next }
        /^    / { if (wantProvider) { print $1; wantProvider = 0 } next }
        { wantProvider = 0 }'
}
closure() {
    local seen frontier
    seen=$(printf '%s\n' "$@" | sort -u)
    frontier=$seen
    while [ -n "$frontier" ]; do
        frontier=$(comm -13 <(printf '%s\n' "$seen") <(direct $frontier | sed 's/:any$//' | sort -u))
        seen=$(printf '%s\n%s\n' "$seen" "$frontier" | grep -v '^$' | sort -u)
    done
    printf '%s\n' "$seen"
}
base_roots=$(apt-cache dumpavail 2>/dev/null |
    awk '/^Package: /{p=$2} /^Priority: (required|important)$/{print p}' | sort -u)
[ -n "$base_roots" ] || { echo "install size: no apt lists (apt-get update first)"; exit 0; }
base=$(closure $base_roots libgl1-mesa-dri libgl1 libegl1)
# The package's own Depends: first of each alternative, without versions.
roots=$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/|.*//; s/(.*)//; s/ //g' | grep -v '^$')
extra=$(comm -23 <(closure $roots) <(printf '%s\n' "$base"))
own=$(dpkg-deb -f "$deb" Installed-Size)
deps_kb=0
lines=""
if [ -n "$extra" ]; then
    while read -r name size; do
        deps_kb=$((deps_kb + size))
        lines+=$(printf '  %-32s %6d KiB' "$name" "$size")$'\n'
    done < <(apt-cache show --no-all-versions $extra |
        awk '/^Package: /{p=$2} /^Installed-Size: /{print p, $2}' | sort -k2 -n -r)
fi
echo "== install size ($(basename "$deb"))"
printf '  %-32s %6d KiB\n' "intake-kiosk (this package)" "$own"
printf '%s' "$lines"
total=$((own + deps_kb))
printf '  total beyond a minimal Debian 12 with Mesa: %d KiB = %d.%d MB (goal <= 20 MB)\n' "$total" \
    $((total * 1024 / 1000000)) $((total * 1024 % 1000000 / 100000))
