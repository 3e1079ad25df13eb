#!/usr/bin/env bash
# Monte Carlo and mentor matching speed (issue: planning).
#   bench/planning.sh
# Monte Carlo: `plan --simulate 10000` (8 quarters) on a 1,000-team org, minus the same `plan` without
# simulation. Mentor matching: `mentoring plan` with 10,000 novices and 5,000 senior mentors, against
# `ratios --by pm` on the same org as a reference.
source "$(dirname "$0")/lib.sh"
dir=$OUT/org-10000 db=$OUT/plan-10000.db
[ -f "$dir/people.csv" ] || "$BIN/orgplan-gen" 10000 "$dir"
rm -f "$db" "$db-wal" "$db-shm"
"$BIN/orgplan" --db "$db" import "$dir" >/dev/null
teams=$(sqlite3 "$db" "SELECT count(*) FROM team")
base=$(best_of 3 "$BIN/orgplan" --db "$db" plan --quarters 8 --format csv)
sim=$(best_of 3 "$BIN/orgplan" --db "$db" plan --quarters 8 --simulate 10000 --format csv)
printf 'Monte Carlo 10,000 trials x 8 quarters, %s teams: %.3f s (plan %s s, with simulation %s s, %s cores)\n' \
  "$teams" "$(calc "$sim - $base")" "$base" "$sim" "$(nproc)"
mdir=$OUT/mentoring-10000-5000 mdb=$OUT/mentoring.db
[ -f "$mdir/people.csv" ] || "$BIN/orgplan-gen" --mentoring 10000 5000 "$mdir"
rm -f "$mdb" "$mdb-wal" "$mdb-shm"
"$BIN/orgplan" --db "$mdb" import "$mdir" >/dev/null
match=$(best_of 3 "$BIN/orgplan" --db "$mdb" mentoring plan --format csv)
ref=$(best_of 3 "$BIN/orgplan" --db "$mdb" ratios --by pm --format csv)
covered=$("$BIN/orgplan" --db "$mdb" mentoring plan --format csv | tail -n +2 | wc -l)
echo "mentor matching 10,000 novices x 5,000 mentors: ${match} s, ${covered} novices paired (ratios --by pm: ${ref} s, $(ratio "$match" "$ref")x)"
