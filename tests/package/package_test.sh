#!/usr/bin/env bash
# The Debian package end to end (ctest -L package; `make test-package`, which CI runs as root): build
# this tree's package and the previous commit's, lintian, install the previous one and save records,
# upgrade and find them all, use the kiosk as its user from the installed paths, start it under cage
# as the service does, check the units, remove (records kept), reinstall (records found), downgrade
# onto a newer schema (refused with a clear message, file untouched), purge (data gone). Read aloud
# is its own package (intake-kiosk-voice): without it the kiosk runs without the button and `say`
# says what to install; with it the kiosk loads the plugin and `say` speaks.
#   package_test.sh SOURCE_DIR WORK_DIR
# PREVIOUS_REV (default HEAD~1) is the commit to upgrade from; a shallow clone is deepened to reach it.
# It installs and purges a real package, so it needs root and a machine it may change (CI's clean
# Debian 12). Not root: it fails and says so (it never skips: a skipped test would look green).
# It leaves the machine's packages as it found them (checked at the end).
set -euo pipefail
src=$1
work=$2
previous_rev=${PREVIOUS_REV:-HEAD~1}
fail() { echo "package test: FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }
[ "$(id -u)" -eq 0 ] || fail "needs root (it installs and purges the package). Run it as root: sudo ctest -L package"

step "dependencies (install-deps.sh package)"
bash "$src/packaging/install-deps.sh" package
# purge_all: purges intake-kiosk and intake-kiosk-voice, those of them dpkg knows (apt refuses to
# purge a name it cannot find, and a removed package without conffiles is forgotten).
purge_all() {
    local known=()
    for p in intake-kiosk intake-kiosk-voice; do
        dpkg -s "$p" >/dev/null 2>&1 && known+=("$p")
    done
    [ ${#known[@]} -eq 0 ] || apt-get purge -y -qq "${known[@]}" >/dev/null
}
# Start from a machine without the packages (a previous failed run may have left them).
purge_all
installed_before=$(dpkg-query -W -f='${Package} ${Version} ${db:Status-Abbrev}\n' | sort)

step "the previous commit ($previous_rev)"
cd "$src"
if ! git rev-parse -q --verify "$previous_rev^{commit}" >/dev/null; then
    [ "$(git rev-parse --is-shallow-repository)" = true ] ||
        fail "$previous_rev is not a commit of $src: there is no previous package to upgrade from"
    echo "shallow clone: git fetch --deepen=1"
    git fetch -q --deepen=1 || fail "shallow clone and git fetch --deepen=1 failed: cannot reach $previous_rev"
    git rev-parse -q --verify "$previous_rev^{commit}" >/dev/null || fail "$previous_rev not found after deepening"
fi
previous=$(git rev-parse "$previous_rev^{commit}")
git cat-file -e "$previous:packaging/debian/control" 2>/dev/null ||
    fail "$previous_rev ($previous) has no packaging/debian: no previous package to upgrade from"
echo "$previous $(git log -1 --format=%s "$previous" | cut -c1-80)"
cd - >/dev/null

step "build the package"
deb=$(bash "$src/packaging/build-deb.sh" "$work" | tail -n 1)
[ -f "$deb" ] || fail "no .deb built"
voice_deb=$(ls "$work"/intake-kiosk-voice_*.deb 2>/dev/null | tail -n 1)
[ -f "$voice_deb" ] || fail "no intake-kiosk-voice .deb built beside $deb"
echo "$deb"
echo "$voice_deb"
step "build the previous commit's package (version ~prev, so this one is an upgrade)"
old_deb=$(bash "$src/packaging/build-deb.sh" --rev "$previous" --version-suffix "~prev" "$work/previous" | tail -n 1)
[ -f "$old_deb" ] || fail "no .deb built for $previous_rev"
echo "$old_deb"
new_version=$(dpkg-deb -f "$deb" Version)
old_version=$(dpkg-deb -f "$old_deb" Version)
dpkg --compare-versions "$old_version" lt "$new_version" || fail "$old_version is not older than $new_version"

step "lintian: no errors, no warnings beyond the overrides explained in packaging/README.md"
lintian --fail-on error,warning --info "$deb" "$voice_deb" || fail "lintian"

step "contents: Depends from dh_shlibdeps, conffile, man page"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for lib in libc6 libstdc++6 libsodium23 libsystemd0; do
    grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib (dh_shlibdeps)"
done
# Listings are read whole before grep -q looks: grep -q stops at the first match, and under
# pipefail the writer it leaves behind (killed by SIGPIPE) would fail the check it passed.
listing=$(dpkg-deb -c "$deb")
grep -q ' ./usr/share/man/man1/intake-kiosk.1.gz$' <<<"$listing" || fail "no man page"
# Read aloud's 18 MB (espeak-ng, its data, ALSA) belong to the voice package alone.
for lib in libespeak-ng1 espeak-ng-data libasound2; do
    ! grep -q "$lib" <<<"$depends" || fail "intake-kiosk depends on $lib: that is intake-kiosk-voice's"
done
[ "$(dpkg-deb -f "$deb" Suggests)" = intake-kiosk-voice ] || fail "intake-kiosk does not suggest intake-kiosk-voice"
voice_depends=$(dpkg-deb -f "$voice_deb" Depends)
echo "intake-kiosk-voice Depends: $voice_depends"
grep -q 'libespeak-ng1' <<<"$voice_depends" || fail "intake-kiosk-voice: Depends lacks libespeak-ng1 (dh_shlibdeps)"
grep -q "intake-kiosk (= $(dpkg-deb -f "$deb" Version))" <<<"$voice_depends" ||
    fail "intake-kiosk-voice does not depend on intake-kiosk of its own version"
voice_listing=$(dpkg-deb -c "$voice_deb")
grep -q ' ./usr/lib/intake-kiosk/intake-kiosk-voice.so$' <<<"$voice_listing" || fail "no plugin in $voice_deb"

answers=$(mktemp /tmp/intake-kiosk-answers.XXXXXX.json)
# The clinic key a fresh database gets (simulate --save, as the kiosk's first start) has this passphrase.
passphrase=$(mktemp /tmp/intake-kiosk-passphrase.XXXXXX)
wav=$(mktemp -u /tmp/intake-kiosk-say.XXXXXX.wav)
echo change-me-at-the-desk >"$passphrase"
cleanup() {
    purge_all 2>/dev/null || true
    rm -f "$answers" "${answers_prev:-}" "$passphrase" "$wav"
}
trap cleanup EXIT
apt_install() { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null; }
as_kiosk() { runuser -u intake-kiosk -- env -u XDG_DATA_HOME HOME=/var/lib/intake-kiosk "$@"; }
cp "$src/tests/data/answers/intake-calm/answers.json" "$answers"
# The previous package saves with the previous commit's answers: its bundled form may differ.
answers_prev=$(mktemp /tmp/intake-kiosk-answers-prev.XXXXXX.json)
git -C "$src" show "$previous:tests/data/answers/intake-calm/answers.json" >"$answers_prev" ||
    fail "$previous has no tests/data/answers/intake-calm/answers.json"
chmod 0644 "$answers" "$answers_prev"
save_records() {  # N [ANSWERS]: simulate --save N intakes as the kiosk user, from the installed paths
    for _ in $(seq "$1"); do
        as_kiosk intake-kiosk simulate /usr/share/intake-kiosk/forms/intake.yaml --answers "${2:-$answers}" --drop-hidden \
            --save >/dev/null 2>&1 || fail "simulate --save ($(dpkg-query -W -f='${Version}' intake-kiosk))"
    done
}
records() { as_kiosk intake-kiosk records list | tail -n +2 | sort; }
db=/var/lib/intake-kiosk/intake.sqlite3
verify_all() {  # N: the record chain, every record unlocked and opened, the audit log
    chown intake-kiosk "$passphrase"
    out=$(as_kiosk intake-kiosk records verify --passphrase-file "$passphrase") || fail "records verify: $out"
    grep -q "^$1 records checked, 0 damaged$" <<<"$out" || fail "records verify: expected $1 records: $out"
    out=$(as_kiosk intake-kiosk audit verify) || fail "audit verify: $out"
    grep -q "^audit log intact" <<<"$out" || fail "audit verify: $out"
}

step "install the previous package ($old_version) and save records with it"
apt_install "$old_deb" || fail "apt-get install $old_deb"
save_records 2 "$answers_prev"
[ -f "$db" ] || fail "simulate --save did not use /var/lib/intake-kiosk (the conffile's data_dir)"
records_old=$(records)
[ "$(wc -l <<<"$records_old")" -eq 2 ] || fail "expected 2 records, got: $records_old"

step "upgrade to $new_version: every record is found, the chain and the audit log verify"
apt_install "$deb" || fail "apt-get install $deb (upgrade)"
[ "$(dpkg-query -W -f='${Version}' intake-kiosk)" = "$new_version" ] || fail "not upgraded"
[ "$(records)" = "$records_old" ] || fail "records changed across the upgrade: $(records)"
verify_all 2

getent passwd intake-kiosk >/dev/null || fail "no intake-kiosk user"
[ "$(stat -c '%U %a' /var/lib/intake-kiosk)" = "intake-kiosk 700" ] || fail "/var/lib/intake-kiosk: $(stat -c '%U %a' /var/lib/intake-kiosk)"
conffiles=$(dpkg-query -W -f='${Conffiles}\n' intake-kiosk)
grep -q '/etc/intake-kiosk/kiosk.yaml' <<<"$conffiles" || fail "kiosk.yaml is not a conffile"
[ -x /usr/lib/intake-kiosk/intake-kiosk-shell ] || fail "no intake-kiosk-shell"
# groff writes a hyphen as \- (import\-fhir): compare with plain hyphens.
man_text=$(zcat /usr/share/man/man1/intake-kiosk.1.gz | sed 's/\\-/-/g')
help_commands=$(intake-kiosk --help | awk '/^Subcommands:/{on=1; next} on && /^  [a-z]/{print $1} on && /^$/{on=0}')
[ -n "$help_commands" ] || fail "intake-kiosk --help lists no commands"
for cmd in $help_commands; do
    grep -q "$cmd" <<<"$man_text" || fail "the man page does not mention $cmd of --help (regenerate it from --help)"
done

step "validate and simulate --save as the kiosk user, from the installed paths"
as_kiosk intake-kiosk validate /usr/share/intake-kiosk/forms/*.yaml || fail "validate"
save_records 2
records_before=$(records)
[ "$(wc -l <<<"$records_before")" -eq 4 ] || fail "expected 4 records, got: $records_before"

# start_under_cage LOG: starts the kiosk the way intake-kiosk.service does (cage with a headless
# output and no input devices, as intake-kiosk), waits for its first frame and for read aloud's
# start-up line (the voice plugin found, or why read aloud is off), then ends cage.
start_under_cage() {
    local log=$1 unit=/lib/systemd/system/intake-kiosk.service exec_start kiosk_config runtime cage_pid started left
    rm -f "$log"
    exec_start=$(sed -n 's/^ExecStart=//p' "$unit" | sed 's/\$CAGE_OPTIONS//')
    kiosk_config=$(sed -n 's/^Environment=KIOSK_CONFIG=//p' "$unit")
    [ -n "$exec_start" ] && [ -n "$kiosk_config" ] || fail "$unit: no ExecStart= or KIOSK_CONFIG"
    runtime=$(mktemp -d /tmp/intake-kiosk-runtime.XXXXXX)
    chown intake-kiosk "$runtime"
    chmod 0700 "$runtime"
    # cage refuses to run as root; as the service, it runs as intake-kiosk in /var/lib/intake-kiosk.
    # setpriv execs cage itself, so $! is cage: ending it ends the kiosk and Xwayland with it.
    # shellcheck disable=SC2086 # ExecStart's words
    (cd /var/lib/intake-kiosk && exec setpriv --reuid=intake-kiosk --regid=intake-kiosk --init-groups \
        env -i PATH=/usr/bin:/bin HOME=/var/lib/intake-kiosk XDG_RUNTIME_DIR="$runtime" KIOSK_CONFIG="$kiosk_config" \
        WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman $exec_start) >"$log" 2>&1 &
    cage_pid=$!
    started=no
    for _ in $(seq 120); do
        # The kiosk's stderr (the journal, under the service) says when its first frame is up, and
        # read aloud's worker what it found.
        if grep -q 'start-up: .* ready at' "$log" && grep -q 'read aloud: voice plugin\|read aloud is off' "$log"; then
            started=yes
            break
        fi
        kill -0 "$cage_pid" 2>/dev/null || break
        sleep 0.5
    done
    kill "$cage_pid" 2>/dev/null || true
    wait "$cage_pid" 2>/dev/null || true
    for _ in $(seq 20); do pgrep -u intake-kiosk >/dev/null || break; sleep 0.5; done
    left=$(pgrep -a -u intake-kiosk || true)
    rm -rf "$runtime"
    [ "$started" = yes ] || { tail -n 30 "$log" >&2; fail "the kiosk did not start under cage ($exec_start)"; }
    [ -z "$left" ] || fail "processes of intake-kiosk left after cage ended: $left"
    grep -h 'ready at\|read aloud' "$log"
    grep -q "forms=/usr/share/intake-kiosk/forms" "$log" ||
        fail "the installed kiosk does not use /usr/share/intake-kiosk/forms: $(grep -h 'kiosk starting' "$log")"
}

step "without intake-kiosk-voice: the kiosk starts under cage as intake-kiosk.service runs it, read aloud off"
start_under_cage "$work/cage.log"
grep -q 'read aloud is off: the voice package (intake-kiosk-voice) is not installed' "$work/cage.log" ||
    fail "without intake-kiosk-voice the kiosk did not say read aloud is off for want of it"
if out=$(as_kiosk intake-kiosk say --form /usr/share/intake-kiosk/forms/intake.yaml --page 1 -o "$wav" 2>&1); then
    fail "say worked without intake-kiosk-voice: $out"
fi
echo "say: $out"
grep -q 'intake-kiosk-voice' <<<"$out" || fail "say without the voice package does not name it: $out"

step "with intake-kiosk-voice: the kiosk loads the plugin, say speaks"
apt_install "$voice_deb" || fail "apt-get install $voice_deb"
start_under_cage "$work/cage-voice.log"
grep -q 'read aloud: voice plugin /usr/lib/intake-kiosk/intake-kiosk-voice.so' "$work/cage-voice.log" ||
    fail "the kiosk did not load the installed voice plugin"
! grep -q 'not installed' "$work/cage-voice.log" || fail "the kiosk says the voice package is missing"
as_kiosk intake-kiosk say --form /usr/share/intake-kiosk/forms/intake.yaml --page 1 --lang es -o "$wav" ||
    fail "say with intake-kiosk-voice installed"
[ "$(stat -c %s "$wav")" -gt 20000 ] || fail "say wrote $(stat -c %s "$wav") bytes only"

step "logrotate rotates the kiosk's log (copytruncate, as intake-kiosk)"
logrotate --force --state "$work/logrotate.state" /etc/logrotate.d/intake-kiosk || fail "logrotate"
ls /var/log/intake-kiosk/*.log.1 >/dev/null 2>&1 || fail "no rotated log: $(ls /var/log/intake-kiosk)"

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

step "remove keeps the records (the voice goes with the kiosk); reinstall finds them all"
apt-get remove -y -qq intake-kiosk >/dev/null
[ -f "$db" ] || fail "remove deleted the database"
! dpkg-query -W -f='${db:Status-Abbrev}' intake-kiosk-voice 2>/dev/null | grep -q '^ii' ||
    fail "intake-kiosk-voice stayed installed without intake-kiosk"
apt_install "$deb"
[ "$(records)" = "$records_before" ] || fail "records changed across remove + install"
verify_all 4

step "an older package refuses a newer schema with a clear message and leaves the database untouched"
version=$(as_kiosk sqlite3 "$db" 'PRAGMA user_version;')
as_kiosk sqlite3 "$db" "PRAGMA user_version = $((version + 1));"
apt_install --allow-downgrades "$old_deb" || fail "apt-get install --allow-downgrades $old_deb"
[ "$(dpkg-query -W -f='${Version}' intake-kiosk)" = "$old_version" ] || fail "not downgraded"
sum_before=$(sha256sum "$db" | cut -d' ' -f1)
# The kiosk's own way in (it opens the database to write, as simulate --save does): refused, and
# the words say the database is newer and to update intake-kiosk.
if out=$(as_kiosk intake-kiosk simulate /usr/share/intake-kiosk/forms/intake.yaml --answers "$answers_prev" \
    --drop-hidden --save 2>&1 >/dev/null); then
    fail "$old_version saved into a newer schema: $out"
fi
echo "simulate --save: $out"
grep -q "schema version $((version + 1)) is newer than this program understands.*update intake-kiosk" <<<"$out" ||
    fail "simulate --save: no clear message: $out"
# A read-only command is refused too (before this commit its words did not say "newer").
if out=$(as_kiosk intake-kiosk records list 2>&1); then fail "$old_version listed a newer schema: $out"; fi
echo "records list: $out"
grep -q "schema version $((version + 1))" <<<"$out" || fail "records list: no clear message: $out"
[ "$(sha256sum "$db" | cut -d' ' -f1)" = "$sum_before" ] || fail "$old_version changed a newer database"
[ "$(as_kiosk sqlite3 "$db" 'PRAGMA user_version;')" = "$((version + 1))" ] || fail "user_version changed"

step "purge removes the data"
purge_all || fail "apt-get purge"
for p in intake-kiosk intake-kiosk-voice; do
    ! dpkg -s "$p" >/dev/null 2>&1 || fail "$p is still known to dpkg after purge: $(dpkg -s "$p" | grep Status)"
done
for d in /var/lib/intake-kiosk /var/backups/intake-kiosk /var/log/intake-kiosk /etc/intake-kiosk; do
    [ ! -e "$d" ] || fail "$d is left after purge"
done

trap - EXIT
rm -f "$answers" "$answers_prev" "$passphrase" "$wav"

step "the machine's packages are as before (nothing pulled in or removed)"
installed_after=$(dpkg-query -W -f='${Package} ${Version} ${db:Status-Abbrev}\n' | sort)
changed=$(diff <(printf '%s\n' "$installed_before") <(printf '%s\n' "$installed_after") || true)
[ -z "$changed" ] || fail "installed packages changed: $changed"
echo "package test: OK"
