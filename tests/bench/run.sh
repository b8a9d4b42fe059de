#!/usr/bin/env bash
# Runs every benchmark program built into BUILD/bench and prints their figures.
set -euo pipefail
build="${1:-build}"
for b in "$build"/bench/*_bench; do
  [ -x "$b" ] || continue
  echo "== $(basename "$b")"
  "$b" --benchmark_counters_tabular=true
done
