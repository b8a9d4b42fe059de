#!/usr/bin/env bash
# The kiosk's install size (PERFORMANCE.md: <= 20 MB beyond a minimal Debian with Mesa): dpkg's
# Installed-Size of the package plus that of every package its Depends pull in that a minimal Debian 12
# with Mesa does not have already. "Minimal with Mesa" = the dependency closure of every Priority
# required/important package in the apt lists plus libgl1-mesa-dri, libgl1 and libegl1.
#   install_size.sh DEB
set -euo pipefail
deb=$1
closure() {
    apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces \
        --no-enhances "$@" 2>/dev/null | grep -v '^[ <]' | sort -u
}
base_roots=$(cat /var/lib/apt/lists/*_Packages 2>/dev/null |
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
