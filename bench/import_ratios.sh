#!/usr/bin/env bash
# Import and team-ratio speed against SQLite's own shell on the same data (issue: foundation).
#   bench/import_ratios.sh [SIZES...]   default: 10000 100000 1000000
# For each size:
#   import   orgplan import (all files, full validation, one transaction) vs `sqlite3 .import` of the people file
#            into one untyped table;
#   floor    what SQLite alone takes to write the same people and memberships into orgplan's schema (keys, checks,
#            rows in key order, indexes built after; foreign keys left to the import's own checks and no journal, as
#            a first import of a large org writes its private copy): no import into this schema can be faster;
#   ratios   `orgplan ratios --by team` vs a GROUP BY over the untyped table;
#   reads    what SQLite alone takes to read the rows the team report needs from orgplan's schema;
#   +pandas  `orgplan import` then `ratios --by team` on a new database vs pandas reading the people file and summing
#            FTE by team (bench/pandas_ratios.py; needs python3-pandas, else the column says "-");
# then peak memory of the import and the scaling of import time from the first size to the last.
source "$(dirname "$0")/lib.sh"
sizes=("${@:-10000 100000 1000000}")
read -r -a sizes <<<"${sizes[*]}"
python=${PYTHON:-/usr/bin/python3} # Debian's python, which python3-pandas installs into
"$python" -c "import pandas" 2>/dev/null || python=""
printf '%-9s %9s %9s %6s %9s %6s | %9s %9s %6s %9s %6s | %9s %9s %6s | %8s\n' people import_s sqlite_s ratio floor_s \
  ratio ratios_s groupby_s ratio reads_s ratio both_s pandas_s ratio peak_MB
declare -A per_person
for n in "${sizes[@]}"; do
  dir=$OUT/org-$n
  [ -f "$dir/people.csv" ] || "$BIN/orgplan-gen" "$n" "$dir"
  db=$OUT/org-$n.db ref=$OUT/ref-$n.db floor=$OUT/floor-$n.db
  import_s=$(best_of 2 bash -c "rm -f '$db' '$db-wal' '$db-shm'; '$BIN/orgplan' --db '$db' import '$dir'")
  sqlite_s=$(best_of 2 bash -c "rm -f '$ref'; sqlite3 '$ref' '.import --csv $dir/people.csv people'")

  # The floor: an org with the same teams, then the people and memberships written by SQLite itself.
  rm -f "$floor"*
  "$BIN/orgplan" --db "$floor" import "$dir/segments.csv" "$dir/products.csv" "$dir/teams.csv" >/dev/null
  indexes=$(sqlite3 "$floor" "SELECT sql || ';' FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
                              AND tbl_name IN ('person', 'membership')")
  drops=$(sqlite3 "$floor" "SELECT 'DROP INDEX ' || name || ';' FROM sqlite_master WHERE type = 'index'
                            AND sql IS NOT NULL AND tbl_name IN ('person', 'membership')")
  cp "$floor" "$floor.empty"
  floor_s=$(best_of 2 bash -c "cp '$floor.empty' '$floor'; sqlite3 '$floor' \"PRAGMA foreign_keys = OFF;
    PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
    ATTACH '$ref' AS ref; BEGIN; $drops
    INSERT INTO person(id, name, email, title, family, family_source, pm_years, origin, manager_id, location, fte)
      SELECT id, name, email, title,
             CASE WHEN title LIKE '%Product Manager%' THEN 'pm' ELSE 'maker' END, 'rule',
             coalesce(nullif(pm_years, ''), 0), coalesce(nullif(origin, ''), 'unknown'), nullif(manager, ''),
             location, coalesce(nullif(fte, ''), 1)
      FROM ref.people ORDER BY id;
    INSERT INTO membership(person_id, team_id, allocation)
      SELECT id, team, 1 FROM ref.people WHERE team <> '' ORDER BY id;
    $indexes COMMIT;\"")
  rm -f "$floor" "$floor.empty"

  ratios_s=$(best_of 3 "$BIN/orgplan" --db "$db" ratios --by team --format csv)
  groupby_s=$(best_of 3 sqlite3 "$ref" "SELECT team, SUM(CASE WHEN title LIKE '%Product Manager%' THEN 0 ELSE fte END),
      SUM(CASE WHEN title LIKE '%Product Manager%' THEN fte ELSE 0 END) FROM people GROUP BY team")
  # The reads behind the team report, as orgplan's ratios command issues them (output discarded).
  reads_s=$(best_of 3 sqlite3 "$db" ".output /dev/null" \
    "SELECT id, name, type, product_id, segment_id, parent_unit FROM team ORDER BY id" \
    "SELECT id, name, family, manager_id, fte FROM person WHERE family <> 'maker' ORDER BY id" \
    "SELECT m.person_id, m.team_id, m.allocation FROM person p INDEXED BY person_not_maker
       CROSS JOIN membership m ON m.person_id = p.id WHERE p.family <> 'maker' AND p.family = 'pm'
       ORDER BY p.id, m.team_id" \
    "SELECT pm_id, target_kind, target_id, share FROM pm_assignment ORDER BY pm_id, target_kind, target_id" \
    "SELECT team_id, fte FROM team_maker_fte")

  both_s=$(best_of 2 bash -c "rm -f '$db' '$db-wal' '$db-shm'; '$BIN/orgplan' --db '$db' import '$dir' &&
                             '$BIN/orgplan' --db '$db' ratios --by team --format csv")
  pandas_s=- pandas_ratio=-
  if [ -n "$python" ]; then
    pandas_s=$(best_of 2 "$python" "$ROOT/bench/pandas_ratios.py" "$dir/people.csv")
    pandas_ratio=$(ratio "$both_s" "$pandas_s")
  fi

  rm -f "$db" "$db-wal" "$db-shm"
  peak=$(peak_kb "$BIN/orgplan" --db "$db" import "$dir")
  printf '%-9s %9s %9s %6s %9s %6s | %9s %9s %6s %9s %6s | %9s %9s %6s | %8s\n' "$n" "$import_s" "$sqlite_s" \
    "$(ratio "$import_s" "$sqlite_s")" "$floor_s" "$(ratio "$floor_s" "$sqlite_s")" \
    "$ratios_s" "$groupby_s" "$(ratio "$ratios_s" "$groupby_s")" "$reads_s" "$(ratio "$reads_s" "$groupby_s")" \
    "$both_s" "$pandas_s" "$pandas_ratio" "$((peak / 1024))"
  per_person[$n]=$(calc "$import_s / $n")
done
first=${sizes[0]} last=${sizes[${#sizes[@]}-1]}
if [ "$first" != "$last" ]; then
  echo "scaling: import time per person at $last is $(ratio "${per_person[$last]}" "${per_person[$first]}")x that at $first (1.00 = linear)"
fi
