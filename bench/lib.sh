# Shared helpers for the benchmark scripts (sourced, not run).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=$ROOT/build/bin
OUT=${BENCH_OUT:-$ROOT/bench/out}
mkdir -p "$OUT"

[ -x "$BIN/orgplan" ] && [ -x "$BIN/orgplan-gen" ] || { echo "build first: bash .ci/setup" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 shell (apt-get install sqlite3)" >&2; exit 1; }

# calc EXPR: arithmetic with awk, which every Debian system has.
calc() { awk "BEGIN { print $1 }"; }

# best_of N CMD...: the fastest of N runs, in seconds (wall clock).
best_of() {
  local n=$1 best="" t0 t1 t
  shift
  for ((i = 0; i < n; i++)); do
    t0=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    t1=$(date +%s.%N)
    t=$(calc "$t1 - $t0")
    if [ -z "$best" ] || [ "$(calc "$t < $best")" = 1 ]; then best=$t; fi
  done
  printf '%.3f' "$best"
}

# peak_kb CMD...: peak resident memory of one run, in KB.
peak_kb() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1; }

ratio() { printf '%.2f' "$(calc "$1 / $2")"; }
