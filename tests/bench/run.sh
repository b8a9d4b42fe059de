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
