#!/usr/bin/env bash
# The kiosk's install size (PERFORMANCE.md: <= 20 MB beyond "what both need": the package plus the
# dependencies only it needs, fonts included): dpkg's Installed-Size of the package plus that of every
# package its Depends pull in that the base does not have already. Two bases, two figures:
#   1. a minimal Debian 12 with Mesa = the dependency closure of every Priority required/important
#      package in the apt lists plus libgl1-mesa-dri, libgl1 and libegl1;
#   2. that plus the display server and seat session any kiosk application started at boot needs:
#      cage, Xwayland, and libpam-systemd (the logind session that gives cage the seat on tty1). A
#      browser kiosk under cage needs them as much; PERFORMANCE.md's row counts X client libraries
#      as shared by both.
# Only apt's lists are read, not what is installed: exact on a machine with other packages too.
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
display=$(closure $base_roots libgl1-mesa-dri libgl1 libegl1 cage xwayland libpam-systemd)
# The package's own Depends: first of each alternative, without versions.
# A virtual name (libspdlog1.10-fmt9) stands for its first provider (libspdlog1.10), as apt picks it.
real() {
    for p in "$@"; do
        if [ -n "$(apt-cache show --no-all-versions "$p" 2>/dev/null)" ]; then
            echo "$p"
        else
            apt-cache showpkg "$p" | awk '/^Reverse Provides:/ { on = 1; next } on && NF { print $1; exit }'
        fi
    done
}
# shellcheck disable=SC2046 # one package name a line
roots=$(real $(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/|.*//; s/(.*)//; s/ //g' | grep -v '^$'))
extra=$(comm -23 <(closure $roots) <(printf '%s\n' "$base"))
own=$(dpkg-deb -f "$deb" Installed-Size)
deps_kb=0
display_kb=0
lines=""
if [ -n "$extra" ]; then
    while read -r name size; do
        deps_kb=$((deps_kb + size))
        tag=""
        if grep -qx "$name" <<<"$display"; then
            display_kb=$((display_kb + size))
            tag="  (display server)"
        fi
        lines+=$(printf '  %-32s %6d KiB%s' "$name" "$size" "$tag")$'\n'
    done < <(apt-cache show --no-all-versions $extra |
        awk '/^Package: /{p=$2} /^Installed-Size: /{print p, $2}' | sort -k2 -n -r)
fi
mb() { printf '%d KiB = %d.%d MB' "$1" $(($1 * 1024 / 1000000)) $(($1 * 1024 % 1000000 / 100000)); }
echo "== install size ($(basename "$deb"))"
printf '  %-32s %6d KiB\n' "intake-kiosk (this package)" "$own"
printf '%s' "$lines"
total=$((own + deps_kb))
printf '  total beyond a minimal Debian 12 with Mesa: %s\n' "$(mb "$total")"
printf '  total beyond that and the display server with its seat session (cage, Xwayland, libpam-systemd): %s (goal <= 20 MB)\n' \
    "$(mb $((total - display_kb)))"
