#!/usr/bin/env bash
# Start-up against the floor (PERFORMANCE.md): first frame, PSS and idle CPU of the real kiosk,
# measured side by side with ../shared/bench/floor in one run of ../shared/bench/startup-vs-floor.
# Prints its Markdown table. Run from anywhere; paths are taken relative to the project root.
#
#   tests/bench/startup.sh [BUILD] [-- extra harness options, e.g. --runs 3 --idle 10]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
build="${1:-build}"
[ $# -gt 0 ] && shift
[ "${1:-}" = "--" ] && shift

harness="../shared/bench/startup-vs-floor"
if [ ! -x "$harness" ]; then
  echo "== startup-vs-floor: skipped ($harness not found next to the checkout)"
  exit 0
fi
if [ ! -x "$build/intake-kiosk" ]; then
  cmake --build "$build" -j 2 --target intake-kiosk >/dev/null
fi

# A fresh data folder per run, so that the database is created and opened as on a new kiosk.
data="$(mktemp -d "${TMPDIR:-/tmp}/kiosk-bench-data.XXXXXX")"
trap 'rm -rf "$data"' EXIT
echo "== startup-vs-floor (intake-kiosk run vs the floor; ratios are what count)"
# KIOSK_CONFIG points nowhere so that a config in /etc cannot change what is measured.
KIOSK_CONFIG=/nonexistent "$harness" --runs 5 "$@" -- "./$build/intake-kiosk" run --data-dir "$data"
# The same on the first question page (memory and idle CPU with a page of widgets on screen): the
# hidden `run --screen` starts there with demo answers, as `screenshot` draws it.
echo "== startup-vs-floor on the first question page (run --screen page:1)"
KIOSK_CONFIG=/nonexistent "$harness" --runs 3 "$@" -- "./$build/intake-kiosk" run --data-dir "$data" --screen page:1
# And on the heaviest page, the drawn body map with the demo's marks: the geometry loaded and
# measured, both views drawn by cairo and uploaded before the first frame.
echo "== startup-vs-floor on the body-map page (run --screen page:pain_map)"
KIOSK_CONFIG=/nonexistent "$harness" --runs 3 "$@" -- "./$build/intake-kiosk" run --data-dir "$data" --screen page:pain_map
