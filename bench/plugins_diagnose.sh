#!/usr/bin/env bash
# Plugin loading cost and diagnose speed (issue: plugins).
#   bench/plugins_diagnose.sh [PEOPLE]   default 100000
# Loading: `orgplan plugins list` against `orgplan --version` (same binary, no plugins), averaged over runs.
# Diagnose: all built-in diagnostics on a synthetic org, against `ratios --by team` on the same org as reference.
source "$(dirname "$0")/lib.sh"
n=${1:-100000}
runs=20
t_version=0 t_list=0
for ((i = 0; i < runs; i++)); do
  t_version=$(calc "$t_version + $(best_of 1 "$BIN/orgplan" --version)")
  t_list=$(calc "$t_list + $(best_of 1 "$BIN/orgplan" plugins list)")
done
load_ms=$(calc "($t_list - $t_version) * 1000 / $runs")
printf 'loading all built-in plugins: %.1f ms (plugins list %.1f ms, --version %.1f ms, mean of %d)\n' \
  "$load_ms" "$(calc "$t_list * 1000 / $runs")" "$(calc "$t_version * 1000 / $runs")" "$runs"
dir=$OUT/org-$n db=$OUT/diag-$n.db
[ -f "$dir/people.csv" ] || "$BIN/orgplan-gen" "$n" "$dir"
rm -f "$db" "$db-wal" "$db-shm"
"$BIN/orgplan" --db "$db" import "$dir" >/dev/null
diag=$(best_of 3 "$BIN/orgplan" --db "$db" diagnose --format csv)
ratios=$(best_of 3 "$BIN/orgplan" --db "$db" ratios --by team --format csv)
echo "diagnose on $n people: ${diag} s (ratios --by team on the same org: ${ratios} s, $(ratio "$diag" "$ratios")x)"
