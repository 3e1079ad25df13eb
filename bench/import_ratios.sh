#!/usr/bin/env bash
# Import and team-ratio speed against SQLite's own shell on the same data (issue: foundation).
#   bench/import_ratios.sh [SIZES...]   default: 10000 100000 1000000
# For each size: orgplan import (full validation, one transaction) vs `sqlite3 .import` of the people file,
# and `orgplan ratios --by team` vs a GROUP BY over that table; then peak memory and scaling.
source "$(dirname "$0")/lib.sh"
sizes=("${@:-10000 100000 1000000}")
read -r -a sizes <<<"${sizes[*]}"
printf '%-9s %10s %10s %7s %10s %10s %7s %10s\n' people import_s sqlite_s ratio ratios_s groupby_s ratio peak_MB
declare -A per_person
for n in "${sizes[@]}"; do
  dir=$OUT/org-$n
  [ -f "$dir/people.csv" ] || "$BIN/orgplan-gen" "$n" "$dir"
  db=$OUT/org-$n.db ref=$OUT/ref-$n.db
  import_s=$(best_of 2 bash -c "rm -f '$db' '$db-wal' '$db-shm'; '$BIN/orgplan' --db '$db' import '$dir'")
  sqlite_s=$(best_of 2 bash -c "rm -f '$ref'; sqlite3 '$ref' '.import --csv $dir/people.csv people'")
  ratios_s=$(best_of 3 "$BIN/orgplan" --db "$db" ratios --by team --format csv)
  groupby_s=$(best_of 3 sqlite3 "$ref" "SELECT team, SUM(CASE WHEN title LIKE '%Product Manager%' THEN 0 ELSE fte END),
      SUM(CASE WHEN title LIKE '%Product Manager%' THEN fte ELSE 0 END) FROM people GROUP BY team")
  rm -f "$db" "$db-wal" "$db-shm"
  peak=$(peak_kb "$BIN/orgplan" --db "$db" import "$dir")
  printf '%-9s %10s %10s %7s %10s %10s %7s %10s\n' "$n" "$import_s" "$sqlite_s" "$(ratio "$import_s" "$sqlite_s")" \
    "$ratios_s" "$groupby_s" "$(ratio "$ratios_s" "$groupby_s")" "$((peak / 1024))"
  per_person[$n]=$(calc "$import_s / $n")
done
first=${sizes[0]} last=${sizes[${#sizes[@]}-1]}
if [ "$first" != "$last" ]; then
  echo "scaling: import time per person at $last is $(ratio "${per_person[$last]}" "${per_person[$first]}")x that at $first (1.00 = linear)"
fi
