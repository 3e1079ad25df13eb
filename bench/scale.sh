#!/usr/bin/env bash
# The answers of the scale issue on one generated org, each beside a reference in the same run.
#   bench/scale.sh [PEOPLE] [NOVICES MENTORS] [SCENARIO_PEOPLE]   default 1000000, 100000 50000, 200000
#   PARTS="answers imports mentoring scenarios" (the default) picks which parts run; PARTS=longids runs the answers
#   again on the same org with ids 23 to 26 characters long (as HR exports with UUID-like ids have: the generated
#   ids are short enough for the snapshot to hold inline, long ones are not).
# Each row: wall seconds (best of 3, or one run for the long ones), user CPU and peak memory from /usr/bin/time.
# References: `ratios --by team` (reads the stored team totals, no org snapshot) for the answers that load the
# whole org; `plan` without simulation for the Monte Carlo; `ratios --by pm` for mentor matching.
source "$(dirname "$0")/lib.sh"
n=${1:-1000000} novices=${2:-100000} mentors=${3:-50000} sn=${4:-200000}
parts=" ${PARTS:-answers imports mentoring scenarios} "

# measure LABEL CMD...: one run; prints wall s, user s and peak MB.
measure() {
  local label=$1
  shift
  local out
  out=$(/usr/bin/time -f '%e %U %M' "$@" 2>&1 >/dev/null | tail -n 1)
  read -r wall user kb <<<"$out"
  printf '%-44s %8.2f s %8.2f s CPU %6d MB\n' "$label" "$wall" "$user" "$((kb / 1024))"
}

org() { # org DIR DB N [gen options]: generates and imports once
  local dir=$1 db=$2 count=$3
  shift 3
  [ -f "$dir/people.csv" ] || "$BIN/orgplan-gen" "$@" "$count" "$dir" >/dev/null
  [ -f "$db" ] || "$BIN/orgplan" --db "$db" import "$dir" >/dev/null 2>&1
}

if [[ $parts == *" answers "* ]]; then
dir=$OUT/org-$n db=$OUT/scale-$n.db
org "$dir" "$db" "$n"
echo "orgplan on $n people ($(nproc) cores); answers as CSV, notes on stderr discarded"
echo "load the snapshot alone (orgplan-load, fastest of 3 in one process): $("$BIN/orgplan-load" "$db" 3)"
measure "ratios --by team (reference)" "$BIN/orgplan" --db "$db" ratios --by team --format csv
measure "diagnose (every built-in)" "$BIN/orgplan" --db "$db" diagnose --format csv
measure "portfolio" "$BIN/orgplan" --db "$db" portfolio --format csv
measure "plan --quarters 8" "$BIN/orgplan" --db "$db" plan --quarters 8 --format csv
measure "plan --quarters 8 --simulate 10000" "$BIN/orgplan" --db "$db" plan --quarters 8 --simulate 10000 --format csv
measure "report (every section)" "$BIN/orgplan" --db "$db" report --out "$OUT/scale-report-$n.html"
fi

if [[ $parts == *" imports "* ]]; then
dir=$OUT/org-$n db=$OUT/scale-$n.db
org "$dir" "$db" "$n"
# A fifth as many people again, under new ids and emails, in teams the org has: an update that adds them.
add=$((n / 5)) adir=$OUT/new-people-$((n / 5))
if [ ! -f "$adir/people.csv" ]; then
  rm -rf "$adir.gen" && "$BIN/orgplan-gen" "$add" "$adir.gen" >/dev/null && mkdir -p "$adir"
  sed -E 's/(^|,)([ELP][0-9]+)/\1N\2/g; s/@example/@new.example/' "$adir.gen/people.csv" >"$adir/people.csv"
  rm -rf "$adir.gen"
fi
work=$OUT/scale-import.db ref=$OUT/scale-import-ref.db
fresh() { rm -f "$work" "$work-wal" "$work-shm"; [ "${1:-}" = copy ] && cp "$db" "$work"; return 0; }
# Updates on the day of the stored snapshot overwrite it; a month later they keep the month's history first.
day=$(sqlite3 "$db" "SELECT max(as_of) FROM snapshot") later=$(sqlite3 "$db" "SELECT date(max(as_of), '+1 month') FROM snapshot")
echo "imports of $n people ($(nproc) cores)"
rm -f "$ref"
measure "sqlite3 .import of the people file (reference)" sqlite3 "$ref" ".import --csv $dir/people.csv people"
fresh
measure "import into a new database" "$BIN/orgplan" --db "$work" import "$dir"
fresh copy
measure "the same org again, the same day" "$BIN/orgplan" --db "$work" import --as-of "$day" "$dir"
fresh copy
measure "the same org again, a month later (history)" "$BIN/orgplan" --db "$work" import --as-of "$later" "$dir"
fresh copy
measure "$add new people, the same day" "$BIN/orgplan" --db "$work" import --as-of "$day" "$adir"
fresh copy
measure "import --replace, the same day" "$BIN/orgplan" --db "$work" import --replace --as-of "$day" "$dir"
fresh
rm -f "$ref"
fi

if [[ $parts == *" mentoring "* ]]; then
mdir=$OUT/mentoring-$novices-$mentors mdb=$OUT/scale-mentoring-$novices-$mentors.db
[ -f "$mdir/people.csv" ] || "$BIN/orgplan-gen" --mentoring "$novices" "$mentors" "$mdir" >/dev/null
[ -f "$mdb" ] || "$BIN/orgplan" --db "$mdb" import "$mdir" >/dev/null 2>&1
echo "mentor matching, $novices novices x $mentors mentors"
measure "ratios --by pm (reference)" "$BIN/orgplan" --db "$mdb" ratios --by pm --format csv
measure "mentoring plan" "$BIN/orgplan" --db "$mdb" mentoring plan --format csv
fi

if [[ $parts == *" longids "* ]]; then
dir=$OUT/org-$n ldir=$OUT/long-ids-$n ldb=$OUT/scale-long-ids-$n.db
[ -f "$dir/people.csv" ] || "$BIN/orgplan-gen" "$n" "$dir" >/dev/null
if [ ! -f "$ldir/people.csv" ]; then # every person id, manager and team id lengthened
  mkdir -p "$ldir" && cp "$dir/products.csv" "$dir/segments.csv" "$ldir/"
  sed -E '1!s/^(t[0-9]+)/team-00000000-0000-\1/' "$dir/teams.csv" >"$ldir/teams.csv"
  sed -E '1!{s/^([LPE][0-9]+),/employee-0000-0000-\1,/; s/,([LPE][0-9]+),([^,]*),([0-9.]*),(t[0-9]+)?$/,employee-0000-0000-\1,\2,\3,\4/; s/,(t[0-9]+)$/,team-00000000-0000-\1/}' \
    "$dir/people.csv" >"$ldir/people.csv"
fi
[ -f "$ldb" ] || "$BIN/orgplan" --db "$ldb" import "$ldir" >/dev/null 2>&1
echo "orgplan on $n people with long ids ($(nproc) cores); answers as CSV"
echo "load the snapshot alone (orgplan-load, fastest of 3 in one process): $("$BIN/orgplan-load" "$ldb" 3)"
measure "ratios --by team (reference)" "$BIN/orgplan" --db "$ldb" ratios --by team --format csv
measure "diagnose (every built-in)" "$BIN/orgplan" --db "$ldb" diagnose --format csv
measure "plan --quarters 8" "$BIN/orgplan" --db "$ldb" plan --quarters 8 --format csv
measure "align --compare" "$BIN/orgplan" --db "$ldb" align --compare --format csv
fi

[[ $parts == *" scenarios "* ]] || exit 0
sdir=$OUT/org-$sn sdb=$OUT/scale-scenario-$sn.db
rm -f "$sdb" "$sdb-wal" "$sdb-shm"
org "$sdir" "$sdb" "$sn"
pm=$(sqlite3 "$sdb" "SELECT id FROM person WHERE family = 'pm' ORDER BY id LIMIT 1")
team=$(sqlite3 "$sdb" "SELECT id FROM team ORDER BY id DESC LIMIT 1")
before=$(stat -c %s "$sdb")
echo "scenarios on $sn people"
measure "ratios --by team (reference)" "$BIN/orgplan" --db "$sdb" ratios --by team --format csv
measure "scenario create" "$BIN/orgplan" --db "$sdb" scenario create bench
measure "scenario apply --move-person" "$BIN/orgplan" --db "$sdb" scenario apply bench --move-person "$pm" --to-team "$team"
measure "scenario diff current bench" "$BIN/orgplan" --db "$sdb" scenario diff current bench --format csv
measure "scenario merge" "$BIN/orgplan" --db "$sdb" scenario merge bench
sqlite3 "$sdb" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
echo "database: $((before / 1048576)) MB before the scenario, $(($(stat -c %s "$sdb") / 1048576)) MB after"
# A scenario whose org was written to since: its base is read through the rows the triggers kept.
measure "scenario create (second)" "$BIN/orgplan" --db "$sdb" scenario create bench2
measure "import --replace (the org again)" "$BIN/orgplan" --db "$sdb" import --replace "$sdir"
measure "scenario apply after the import" "$BIN/orgplan" --db "$sdb" scenario apply bench2 --move-person "$pm" --to-team "$team"
measure "scenario merge after the import" "$BIN/orgplan" --db "$sdb" scenario merge bench2 --theirs
sqlite3 "$sdb" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
echo "rows kept for the scenarios' bases: $(sqlite3 "$sdb" "SELECT (SELECT count(*) FROM base_person) + (SELECT count(*) FROM base_membership) + (SELECT count(*) FROM base_pm_assignment)")"
