#!/usr/bin/env bash
# The HTML report and the org chart at scale (issue: see it and share it).
#   bench/report.sh [PEOPLE]   default 100000
# Times `orgplan report` (every answer: ratios, principles, hiring mixes, mentoring, plan, diagnostics, org chart)
# against `align --compare` and `ratios --by team` on the same org, and prints the file's size.
source "$(dirname "$0")/lib.sh"
n=${1:-100000}
dir=$OUT/org-$n db=$OUT/report-$n.db html=$OUT/report-$n.html
[ -f "$dir/people.csv" ] || "$BIN/orgplan-gen" "$n" "$dir"
rm -f "$db" "$db-wal" "$db-shm"
"$BIN/orgplan" --db "$db" import "$dir" >/dev/null
report=$(best_of 3 "$BIN/orgplan" --db "$db" report --out "$html")
# The report computes the answers that need no plugin on a second thread; this is the same on one core.
one_core=$(best_of 3 taskset -c 0 "$BIN/orgplan" --db "$db" report --out "$html")
chart=$(best_of 3 "$BIN/orgplan" --db "$db" chart --format svg)
compare=$(best_of 3 "$BIN/orgplan" --db "$db" align --compare --format csv)
ratios=$(best_of 3 "$BIN/orgplan" --db "$db" ratios --by team --format csv)
size=$(stat -c %s "$html")
echo "report on $n people: ${report} s, $(calc "$size / 1048576") MB (align --compare ${compare} s = $(ratio "$compare" "$report") of it; ratios --by team ${ratios} s)"
echo "report on one core: ${one_core} s"
echo "org chart on $n people: ${chart} s"
