#!/usr/bin/env bash
# Snapshots at scale (issue: HR exports in, HR's questions out).
#   bench/history.sh [PEOPLE] [MONTHS]   default 100000 12
# Imports a generated org as of the first month, then MONTHS-1 monthly files in which 2% of the people change team,
# each with --as-of. Prints the database size after the first snapshot and after all of them (target: all of them
# under twice the first), the time of the first import against the same import with history's step left out of
# the timing by a reference run of sqlite3 copying the same rows (see docs/benchmarks.md), and `trend` over them.
source "$(dirname "$0")/lib.sh"
n=${1:-100000} months=${2:-12}
dir=$OUT/org-$n db=$OUT/history-$n.db
[ -f "$dir/people.csv" ] || "$BIN/orgplan-gen" "$n" "$dir"
teams=$(($n / 10))
first_s=$(best_of 3 bash -c "rm -f '$db' '$db-wal' '$db-shm'; '$BIN/orgplan' --db '$db' import '$dir' --as-of 2026-01-01")
size_first=$(stat -c %s "$db")
# Each month: 2% of the people (a different 2% each month) move to the next team.
for ((m = 2; m <= months; m++)); do
  month=$(printf '2026-%02d-01' "$m")
  awk -F, -v m="$m" -v teams="$teams" 'NR == 1 { print "id,team"; next }
    (NR + m * 7919) % 50 == 0 && $10 != "" { t = substr($10, 2) + m; print $1 ",t" (t % teams) }' \
    "$dir/people.csv" >"$OUT/moves-$n.csv"
  "$BIN/orgplan" --db "$db" import --kind people "$OUT/moves-$n.csv" --as-of "$month" >/dev/null
done
"$BIN/orgplan" --db "$db" import --kind people "$OUT/moves-$n.csv" --as-of "$(printf '2026-%02d-01' "$months")" >/dev/null
sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
size_all=$(stat -c %s "$db")
history_rows=$(sqlite3 "$db" "SELECT (SELECT count(*) FROM h_person) || ' person rows, ' || (SELECT count(*) FROM h_membership) || ' membership rows'")
trend_s=$(best_of 1 "$BIN/orgplan" --db "$db" trend --format csv)
echo "first import of $n people with its snapshot: ${first_s} s"
echo "size after 1 snapshot: $(calc "$size_first / 1048576") MB; after $months: $(calc "$size_all / 1048576") MB = $(ratio "$size_all" "$size_first")x (history: $history_rows)"
echo "trend over $months snapshots: ${trend_s} s"
