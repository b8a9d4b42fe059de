#!/usr/bin/env bash
# The Debian package end to end (ctest -L package; `make test` runs it as root): build it, lintian,
# install it on this machine, use it as the kiosk user from the installed paths, check the units,
# remove (records kept), reinstall (records found), purge (data gone).
#   package_test.sh SOURCE_DIR WORK_DIR
# It installs and purges a real package, so it needs root and a machine it may change (CI's clean
# Debian 12). Not root: it fails and says so (it never skips: a skipped test would look green).
set -euo pipefail
src=$1
work=$2
fail() { echo "package test: FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }
[ "$(id -u)" -eq 0 ] || fail "needs root (it installs and purges the package). Run it as root: sudo ctest -L package"

step "dependencies (install-deps.sh package)"
bash "$src/packaging/install-deps.sh" package

step "build the package"
deb=$(bash "$src/packaging/build-deb.sh" "$work" | tail -n 1)
[ -f "$deb" ] || fail "no .deb built"
echo "$deb"

step "lintian: no errors, no warnings beyond the overrides explained in packaging/README.md"
lintian --fail-on error,warning --info "$deb" || fail "lintian"

step "contents: Depends from dh_shlibdeps, conffile, man page"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for lib in libc6 libstdc++6 libsodium23 libsystemd0; do
    grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib (dh_shlibdeps)"
done
dpkg-deb -c "$deb" | grep -q ' ./usr/share/man/man1/intake-kiosk.1.gz$' || fail "no man page"

# Start from a machine without the package (a previous failed run may have left it).
dpkg -s intake-kiosk >/dev/null 2>&1 && apt-get purge -y -qq intake-kiosk >/dev/null
step "apt-get install ./pkg.deb"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >/dev/null ||
    fail "apt-get install"
trap 'apt-get purge -y -qq intake-kiosk >/dev/null 2>&1 || true' EXIT
getent passwd intake-kiosk >/dev/null || fail "no intake-kiosk user"
[ "$(stat -c '%U %a' /var/lib/intake-kiosk)" = "intake-kiosk 700" ] || fail "/var/lib/intake-kiosk: $(stat -c '%U %a' /var/lib/intake-kiosk)"
dpkg-query -W -f='${Conffiles}\n' intake-kiosk | grep -q '/etc/intake-kiosk/kiosk.yaml' || fail "kiosk.yaml is not a conffile"
[ -x /usr/lib/intake-kiosk/intake-kiosk-shell ] || fail "no intake-kiosk-shell"
man_text=$(zcat /usr/share/man/man1/intake-kiosk.1.gz)
for cmd in run screenshot validate simulate keys staff audit backup purge records export; do
    grep -q "$cmd" <<<"$man_text" || fail "the man page does not mention $cmd (is it still --help?)"
done

as_kiosk() { runuser -u intake-kiosk -- env -u XDG_DATA_HOME HOME=/var/lib/intake-kiosk "$@"; }
step "validate and simulate --save as the kiosk user, from the installed paths"
as_kiosk intake-kiosk validate /usr/share/intake-kiosk/forms/*.yaml || fail "validate"
answers=$(mktemp /tmp/intake-kiosk-answers.XXXXXX.json)
cp "$src/tests/data/answers/intake-calm/answers.json" "$answers"
chmod 0644 "$answers"
for _ in 1 2; do
    as_kiosk intake-kiosk simulate /usr/share/intake-kiosk/forms/intake.yaml --answers "$answers" --drop-hidden \
        --save >/dev/null 2>&1 || fail "simulate --save"
done
rm -f "$answers"
[ -f /var/lib/intake-kiosk/intake.sqlite3 ] || fail "simulate --save did not use /var/lib/intake-kiosk (the conffile's data_dir)"
records_before=$(as_kiosk intake-kiosk records list | tail -n +2 | sort)
[ "$(wc -l <<<"$records_before")" -eq 2 ] || fail "expected 2 records, got: $records_before"

step "systemd-analyze verify"
# Documentation=man:intake-kiosk(1) is checked too where man-db is installed.
man_check=--man=yes
command -v man >/dev/null || man_check=--man=no
systemd-analyze verify "$man_check" /lib/systemd/system/intake-kiosk.service /lib/systemd/system/intake-kiosk-backup.service \
    /lib/systemd/system/intake-kiosk-backup.timer /lib/systemd/system/intake-kiosk-purge.service \
    /lib/systemd/system/intake-kiosk-purge.timer || fail "systemd-analyze verify"

step "backup keeps the newest BACKUP_KEEP copies"
for _ in 1 2 3; do
    as_kiosk env BACKUP_KEEP=2 /usr/lib/intake-kiosk/intake-kiosk-backup /var/backups/intake-kiosk >/dev/null ||
        fail "backup"
    sleep 1.1  # the copies are named by the second
done
[ "$(ls /var/backups/intake-kiosk | wc -l)" -eq 2 ] || fail "backups kept: $(ls /var/backups/intake-kiosk)"

step "remove keeps the records; reinstall finds them all"
apt-get remove -y -qq intake-kiosk >/dev/null
[ -f /var/lib/intake-kiosk/intake.sqlite3 ] || fail "remove deleted the database"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >/dev/null
records_after=$(as_kiosk intake-kiosk records list | tail -n +2 | sort)
[ "$records_after" = "$records_before" ] || fail "records changed across remove + install"

step "purge removes the data"
apt-get purge -y -qq intake-kiosk >/dev/null
trap - EXIT
for d in /var/lib/intake-kiosk /var/backups/intake-kiosk /var/log/intake-kiosk /etc/intake-kiosk; do
    [ ! -e "$d" ] || fail "$d is left after purge"
done
echo "package test: OK"
