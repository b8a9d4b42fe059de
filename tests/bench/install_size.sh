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
# With VOICE_DEB (intake-kiosk-voice, read aloud's plugin, which intake-kiosk only Suggests), the
# same two figures again for a kiosk with both packages, and what the voice adds.
#   install_size.sh DEB [VOICE_DEB]
set -euo pipefail
deb=$1
voice_deb=${2:-}
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
# The Depends of DEB, as package names apt would install: first of each alternative, no versions,
# without the kiosk itself (the voice package depends on it).
roots_of() {
    # shellcheck disable=SC2046 # one package name a line
    real $(dpkg-deb -f "$1" Depends | tr ',' '\n' | sed 's/|.*//; s/(.*)//; s/ //g' | grep -v '^$' |
        grep -vx 'intake-kiosk')
}
mb() { printf '%d KiB = %d.%d MB' "$1" $(($1 * 1024 / 1000000)) $(($1 * 1024 % 1000000 / 100000)); }
# report TITLE OWN_KIB EXCLUDE ROOTS...: the packages of ROOTS's closure that neither the base nor
# EXCLUDE (a list) has, each with its size, and the sum with OWN_KIB as the two figures.
report() {
    local title=$1 own=$2 exclude=$3 extra deps_kb=0 display_kb=0 lines="" name size tag total
    shift 3
    extra=$(comm -23 <(closure "$@") <(printf '%s\n%s\n' "$base" "$exclude" | grep -v '^$' | sort -u))
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
    printf '%s' "$lines"
    total=$((own + deps_kb))
    report_total=$total
    report_display=$display_kb
    printf '  %s: total beyond a minimal Debian 12 with Mesa: %s\n' "$title" "$(mb "$total")"
    printf '  %s: total beyond that and the display server with its seat session (cage, Xwayland, libpam-systemd): %s%s\n' \
        "$title" "$(mb $((total - display_kb)))" "${goal:-}"
}
# What a display server alone costs beyond the minimal Debian with Mesa, for the choices a kiosk
# has: the first figure above can never reach 20 MB, since every one of them is near or over it.
# cage + Xwayland is what the package takes (GLFW 3.3's Wayland build has no touch input, so
# touches reach the kiosk through Xwayland; packaging/README.md); a minimal X session is larger.
closure_kib() {
    # shellcheck disable=SC2046 # one package name a line
    apt-cache show --no-all-versions $(comm -23 <(closure "$@") <(printf '%s\n' "$base")) |
        awk '/^Installed-Size: /{s += $2} END {print s + 0}'
}
echo "== display server alone, beyond a minimal Debian 12 with Mesa (any graphical kiosk needs one)"
for choice in "cage xwayland libpam-systemd" "cage libpam-systemd" \
    "xserver-xorg-core xserver-xorg-input-libinput xinit libpam-systemd"; do
    # shellcheck disable=SC2086 # a list of package names
    printf '  %-66s %s\n' "$choice" "$(mb "$(closure_kib $choice)")"
done
roots=$(roots_of "$deb")
own=$(dpkg-deb -f "$deb" Installed-Size)
echo "== install size ($(basename "$deb"))"
printf '  %-32s %6d KiB\n' "intake-kiosk (this package)" "$own"
goal=" (goal <= 20 MB)" report "intake-kiosk" "$own" "" $roots
[ -n "$voice_deb" ] || exit 0
main_total=$report_total
main_display=$report_display
voice_roots=$(roots_of "$voice_deb")
voice_own=$(dpkg-deb -f "$voice_deb" Installed-Size)
echo "== install size with read aloud ($(basename "$voice_deb"), which intake-kiosk suggests)"
printf '  %-32s %6d KiB\n' "intake-kiosk-voice" "$voice_own"
# What the voice adds beyond the kiosk's own closure, then the figures for both together.
report "what intake-kiosk-voice adds" "$voice_own" "$(closure $roots)" $roots $voice_roots
voice_total=$report_total
voice_display=$report_display
both=$((main_total + voice_total))
printf '  intake-kiosk + intake-kiosk-voice: total beyond a minimal Debian 12 with Mesa: %s\n' "$(mb "$both")"
printf '  intake-kiosk + intake-kiosk-voice: total beyond that and the display server with its seat session: %s\n' \
    "$(mb $((both - main_display - voice_display)))"
