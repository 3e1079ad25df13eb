#!/usr/bin/env bash
# Spans and layers at scale (issue: HR exports in, HR's questions out).
#   bench/spans.sh [PEOPLE]   default 1000000
# Times `orgplan spans` (each manager's span and layer, the bands) and `spans --by unit` on a generated reporting
# tree, against SQLite's own shell reading the same columns (id, name, manager, unit, family) in id order: the
# rows any spans computation must read. Target: under 1 s at a million people.
source "$(dirname "$0")/lib.sh"
n=${1:-1000000}
dir=$OUT/tree-$n db=$OUT/tree-$n.db
[ -f "$dir/people.csv" ] || "$BIN/orgplan-gen" --hierarchy "$n" "$dir"
if [ ! -f "$db" ]; then "$BIN/orgplan" --db "$db" import "$dir" >/dev/null; fi
spans=$(best_of 3 "$BIN/orgplan" --db "$db" spans --format csv)
units=$(best_of 3 "$BIN/orgplan" --db "$db" spans --by unit --format csv)
reads=$(best_of 3 sqlite3 "$db" "SELECT id, name, manager_id, unit, family FROM person ORDER BY id")
layers=$("$BIN/orgplan" --db "$db" spans --by unit --format json |
  /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)["org"]["layers"])')
echo "spans on $n people ($layers layers): ${spans} s (sqlite3 reading the same rows ${reads} s: $(ratio "$spans" "$reads")x)"
echo "spans --by unit: ${units} s ($(ratio "$units" "$reads")x)"
