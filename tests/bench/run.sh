#!/usr/bin/env bash
# Runs every benchmark program built into BUILD/bench and prints their figures, then the start-up
# comparison with the floor (tests/bench/startup.sh; skipped when ../shared/bench is absent).
set -euo pipefail
build="${1:-build}"
for b in "$build"/bench/*_bench; do
  [ -x "$b" ] || continue
  echo "== $(basename "$b")"
  "$b" --benchmark_counters_tabular=true
done
bash "$(dirname "$0")/startup.sh" "$build"
# The packages' install size (the kiosk, and with read aloud's intake-kiosk-voice), when `make package` has built them.
deb=$(ls "$build"/package/intake-kiosk_*.deb 2>/dev/null | tail -n 1 || true)
voice=$(ls "$build"/package/intake-kiosk-voice_*.deb 2>/dev/null | tail -n 1 || true)
if [ -n "$deb" ]; then
  bash "$(dirname "$0")/install_size.sh" "$deb" $voice
else
  echo "== install size: no package in $build/package (run make package first)"
fi
