#!/usr/bin/env bash
# Crash test: kills orgplan with SIGKILL at random moments while it writes, and checks after every kill that the
# database is sound (PRAGMA integrity_check, foreign_key_check), holds exactly the org before the write or the org
# after it (a hash of every org table), and that orgplan opens it and answers.
#   tests/crash/kill_test.sh ORGPLAN ORGPLAN_GEN [RUNS] [PEOPLE]     CI: 10 runs of 20,000 people per operation
# Operations: import --replace of another org, align --apply, scenario apply, and a schema migration.
set -euo pipefail
bin=$1 gen=$2 runs=${3:-10} people=${4:-20000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }

"$gen" "$people" "$work/a" >/dev/null
# Org B: the same ids with other names, FTEs and teams, so that a half-written import would show.
mkdir -p "$work/b"
cp "$work/a/segments.csv" "$work/a/products.csv" "$work/a/teams.csv" "$work/b/"
awk -F, 'BEGIN { OFS = "," } NR == 1 { print; next } { $2 = $2 " B"; $9 = ($9 == "1" ? "0.8" : "1"); print }' \
  "$work/a/people.csv" >"$work/b/people.csv"

org_hash() { # every org table, in key order
  local delta=delta # what scenarios store since schema 14
  [ "$(sqlite3 "$1" "SELECT count(*) FROM pragma_table_info('scenario') WHERE name = 'delta'")" = 1 ] || delta="''"
  sqlite3 "$1" "SELECT * FROM segment ORDER BY id; SELECT * FROM product ORDER BY id; SELECT * FROM team ORDER BY id;
                SELECT * FROM person ORDER BY id; SELECT * FROM membership ORDER BY 1, 2;
                SELECT * FROM pm_assignment ORDER BY 1, 2, 3; SELECT * FROM team_maker_fte ORDER BY 1;
                SELECT name, org_json, $delta, changes FROM scenario ORDER BY name;" | sha256sum | cut -c1-16
}

check() { # DB STATE_A STATE_B WHAT
  local db=$1 a=$2 b=$3 what=$4
  # orgplan reads first, as a user would: a killed write may have left a hot rollback journal, which the reader must
  # roll back itself (the sqlite3 shell below would otherwise do it for it).
  local err
  err=$("$bin" --db "$db" ratios --by org --format csv 2>&1 >/dev/null) || fail "$what: orgplan cannot answer afterwards: $err"
  "$bin" --db "$db" log --limit 1 --format csv >/dev/null || fail "$what: orgplan log cannot answer afterwards"
  [ ! -s "$db-journal" ] || fail "$what: a rollback journal is left after orgplan read the database"
  [ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ] || fail "$what: integrity_check"
  [ -z "$(sqlite3 "$db" 'PRAGMA foreign_key_check')" ] || fail "$what: foreign_key_check"
  local h
  h=$(org_hash "$db")
  [ "$h" = "$a" ] || [ "$h" = "$b" ] || fail "$what: the database holds neither the old org nor the new one"
  [ "$h" = "$a" ] && echo old || echo new
}

# run_killed DB MS CMD...: runs CMD on DB and kills it with SIGKILL after a random delay below MS milliseconds.
run_killed() {
  local db=$1 ms=$2
  shift 2
  rm -f "$work/t.db" "$work/t.db-wal" "$work/t.db-shm" "$work/t.db-journal" "$work"/t.db.schema-v*.bak
  cp "$db" "$work/t.db"
  "$@" --db "$work/t.db" >/dev/null 2>&1 &
  local pid=$! delay=$((RANDOM % ms))
  sleep "$((delay / 1000)).$(printf '%03d' $((delay % 1000)))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# How long CMD takes on a copy of DB, in ms, plus a fifth: kills land before, during and after its commit.
span_ms() {
  local db=$1
  shift
  cp "$db" "$work/timed.db"
  local t0 t1
  t0=$(date +%s%N)
  "$@" --db "$work/timed.db" >/dev/null 2>&1 || true
  t1=$(date +%s%N)
  rm -f "$work"/timed.db*
  echo $(((t1 - t0) / 1000000 * 6 / 5 + 5))
}

# kill_during DB BEFORE AFTER WHAT CMD...: runs CMD on copies of DB, kills each at a random moment, checks each.
kill_during() {
  local base=$1 before=$2 after=$3 what=$4
  shift 4
  local olds=0 news=0 ms
  ms=$(span_ms "$base" "$@")
  for ((i = 1; i <= runs; i++)); do
    run_killed "$base" "$ms" "$@"
    if [ "$(check "$work/t.db" "$before" "$after" "$what run $i")" = old ]; then olds=$((olds + 1)); else news=$((news + 1)); fi
  done
  echo "$what: $runs kills within $ms ms, $olds left the old state, $news the new one; every database sound"
}

# The states each operation goes between.
base=$work/base.db
"$bin" --db "$base" import "$work/a" >/dev/null
sqlite3 "$base" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
state_a=$(org_hash "$base")
cp "$base" "$work/full.db"; "$bin" --db "$work/full.db" import --replace "$work/b" >/dev/null
state_b=$(org_hash "$work/full.db")
kill_during "$base" "$state_a" "$state_b" "import --replace" "$bin" import --replace "$work/b"

cp "$base" "$work/full.db"; "$bin" --db "$work/full.db" align --principle by-team --apply >/dev/null
kill_during "$base" "$state_a" "$(org_hash "$work/full.db")" "align --apply" "$bin" align --principle by-team --apply

"$bin" --db "$base" scenario create s >/dev/null
sqlite3 "$base" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
state_s=$(org_hash "$base")
cp "$base" "$work/full.db"; "$bin" --db "$work/full.db" scenario apply s --add-makers t1=5 >/dev/null
kill_during "$base" "$state_s" "$(org_hash "$work/full.db")" "scenario apply" "$bin" scenario apply s --add-makers t1=5

# A merge through the server: orgplan serve killed while it merges an approved scenario (a request of an admin's
# token). The org is as before the merge or as after it (the same merge done by the command line on a copy).
"$bin" --db "$base" scenario create m >/dev/null
maker=$(sqlite3 "$base" "SELECT id FROM person WHERE family = 'maker' ORDER BY id LIMIT 1")
"$bin" --db "$base" scenario apply m --add-makers t1=5 --set-fte "$maker=0.5" >/dev/null
sqlite3 "$base" "UPDATE scenario SET status = 'approved' WHERE name = 'm'"
echo pw-of-ada-123 | "$bin" --db "$base" user add ada --role admin --password-stdin >/dev/null
token=$("$bin" --db "$base" token create ada | head -1)
sqlite3 "$base" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
state_m=$(org_hash "$base")
cp "$base" "$work/full.db"; "$bin" --db "$work/full.db" scenario merge m >/dev/null
state_merged=$(org_hash "$work/full.db")
[ "$state_m" != "$state_merged" ] || fail "server merge: the merge changes nothing to tell apart"
mkdir -p "$work/tmp"
# serve_merge DB MS: starts the server on a copy of DB, asks it to merge m, kills it MS ms after asking (no MS: lets
# the request finish and prints how long it took).
serve_merge() {
  rm -f "$work/t.db" "$work/t.db-wal" "$work/t.db-shm" "$work/t.db-journal"
  cp "$1" "$work/t.db"
  TMPDIR=$work/tmp "$bin" --db "$work/t.db" serve --listen 127.0.0.1:0 >"$work/serve.out" 2>/dev/null &
  local pid=$! port=""
  for ((w = 0; w < 400; w++)); do
    port=$(sed -n 's/.*127\.0\.0\.1:\([0-9][0-9]*\).*/\1/p' "$work/serve.out" | head -1)
    [ -n "$port" ] && break
    sleep 0.05
  done
  [ -n "$port" ] || fail "server merge: the server did not start"
  python3 - "$port" "$token" >"$work/merge.out" 2>&1 <<'PY' &
import http.client, sys, time
t0 = time.time()
c = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=120)
c.request("POST", "/api/v1/scenarios/m/merge", body="{}",
          headers={"Authorization": "Bearer " + sys.argv[2], "Content-Type": "application/json"})
r = c.getresponse()
r.read()
print(r.status, int((time.time() - t0) * 1000))
PY
  local client=$!
  if [ -n "${2:-}" ]; then
    local delay=$((RANDOM % $2))
    sleep "$((delay / 1000)).$(printf '%03d' $((delay % 1000)))"
    kill -9 "$pid" 2>/dev/null || true
    wait "$client" 2>/dev/null || true
  else
    wait "$client" || true
    kill "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}
serve_merge "$base"
read -r status took <"$work/merge.out" || fail "server merge: no answer ($(cat "$work/merge.out"))"
[ "$status" = 200 ] || fail "server merge: the merge answered $status"
[ "$(org_hash "$work/t.db")" = "$state_merged" ] || fail "server merge: the server's merge differs from the CLI's"
ms=$((took * 6 / 5 + 5))
olds=0 news=0
for ((i = 1; i <= runs; i++)); do
  serve_merge "$base" "$ms"
  if [ "$(check "$work/t.db" "$state_m" "$state_merged" "server merge run $i")" = old ]; then olds=$((olds + 1)); else news=$((news + 1)); fi
done
echo "server merge: $runs kills within $ms ms, $olds left the old state, $news the new one; every database sound"

# A migration: the database taken back to schema 4 (what orgplan 0.1 wrote), then opened by a reading command.
old=$work/old.db
cp "$base" "$old"
# Scenarios of this version store changes over a base kept by triggers, which schema 4 had none of.
sqlite3 "$old" "SELECT 'DROP TRIGGER ' || name || ';' FROM sqlite_schema WHERE type = 'trigger';
  SELECT 'DROP TABLE ' || name || ';' FROM sqlite_schema WHERE type = 'table' AND name LIKE 'base\_%' ESCAPE '\';" |
  sqlite3 "$old"
sqlite3 "$old" "DELETE FROM scenario; ALTER TABLE scenario DROP COLUMN base_id; ALTER TABLE scenario DROP COLUMN delta;
  DROP TABLE scenario_base;" >/dev/null
sqlite3 "$old" "DROP INDEX person_family_not_rule; DROP TABLE scenario_review; DROP TABLE scenario_share; DROP TABLE api_token; DROP TABLE app_user; DROP TABLE position; DROP TABLE change_log; DROP TABLE snapshot; DROP TABLE interrupt; DROP TABLE task_force_seat; DROP TABLE task_force;
  DROP TABLE h_segment; DROP TABLE h_product; DROP TABLE h_initiative; DROP TABLE h_account; DROP TABLE h_team;
  DROP TABLE h_person; DROP TABLE h_goal; DROP TABLE h_goal_product; DROP TABLE h_membership; DROP TABLE h_pm_assignment;
  ALTER TABLE scenario DROP COLUMN base_json; ALTER TABLE scenario DROP COLUMN merged_at;
  ALTER TABLE scenario DROP COLUMN owner; ALTER TABLE scenario DROP COLUMN status; ALTER TABLE scenario DROP COLUMN version;
  ALTER TABLE scenario DROP COLUMN steps;
  ALTER TABLE person DROP COLUMN unit; ALTER TABLE person DROP COLUMN cost_center; ALTER TABLE person DROP COLUMN function;
  PRAGMA user_version = 4;" >/dev/null
sqlite3 "$old" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
state_old=$(org_hash "$old")
cp "$old" "$work/full.db"
"$bin" --db "$work/full.db" ratios --by org >/dev/null
state_migrated=$(org_hash "$work/full.db")
latest=$(sqlite3 "$work/full.db" 'PRAGMA user_version')
ms=$(span_ms "$old" "$bin" ratios --by org)
olds=0 news=0
for ((i = 1; i <= runs; i++)); do
  run_killed "$old" "$ms" "$bin" ratios --by org
  [ "$(sqlite3 "$work/t.db" 'PRAGMA integrity_check')" = ok ] || fail "migration run $i: integrity_check"
  [ -z "$(sqlite3 "$work/t.db" 'PRAGMA foreign_key_check')" ] || fail "migration run $i: foreign_key_check"
  case "$(sqlite3 "$work/t.db" 'PRAGMA user_version')" in
    4) [ "$(org_hash "$work/t.db")" = "$state_old" ] || fail "migration run $i: schema 4 with other data"
       olds=$((olds + 1)) ;;
    "$latest") [ "$(org_hash "$work/t.db")" = "$state_migrated" ] || fail "migration run $i: migrated with other data"
       news=$((news + 1)) ;;
    *) fail "migration run $i: a schema version between 4 and $latest" ;;
  esac
  "$bin" --db "$work/t.db" ratios --by org --format csv >/dev/null || fail "migration run $i: orgplan cannot answer"
done
echo "migration: $runs kills within $ms ms, $olds left schema 4, $news the migrated schema; every database sound"

# A writer killed mid-transaction in rollback-journal mode leaves a hot journal and a half-written file (here made
# deterministic: a transaction whose pages spill to the file, then the process exits without rolling back). The
# next orgplan reader must roll it back itself and answer with the org as it was, every reading command alike.
hot=$work/hot.db
cp "$base" "$hot"
state_hot=$(org_hash "$hot")
python3 - "$hot" <<'PY'
import os, sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA journal_mode = DELETE")
c.execute("PRAGMA cache_size = 10")  # a small cache spills changed pages into the file before the commit
c.execute("BEGIN")
c.execute("UPDATE person SET name = name || ' half-written', fte = 0.5")
os._exit(0)  # killed: no rollback, no commit
PY
[ -s "$hot-journal" ] || fail "hot journal: the killed writer left no journal to recover"
for cmd in "ratios --by org" "spans" "log" "diagnose" "config get ratio.threshold" "person export L0"; do
  # shellcheck disable=SC2086
  "$bin" --db "$hot" $cmd >/dev/null 2>"$work/hot.err" || fail "hot journal: orgplan $cmd failed: $(cat "$work/hot.err")"
done
[ ! -e "$hot-journal" ] || fail "hot journal: still there after orgplan read the database"
[ "$(org_hash "$hot")" = "$state_hot" ] || fail "hot journal: orgplan did not answer from the org as it was"
echo "hot journal: every reading command rolled back the killed write and answered from the org as it was"

# A first import into a new path builds the database under a private name beside it; killed, it leaves that copy
# (personal data) behind, and the next orgplan command on the path removes it.
for ((i = 1; i <= runs; i++)); do
  rm -f "$work"/new.db*
  "$bin" --db "$work/new.db" import "$work/a" >/dev/null 2>&1 &
  pid=$!
  delay=$((RANDOM % 300 + 50))
  sleep "0.$(printf '%03d' "$delay")"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  "$bin" --db "$work/new.db" ratios --by org >/dev/null 2>&1 || true # answers, or says there is no database yet
  left=$(find "$work" -maxdepth 1 -name 'new.db.orgplan-new-*' | wc -l)
  [ "$left" -eq 0 ] || fail "first import run $i: $left staging files left after the next command"
done
echo "first import: $runs kills, no staging file left after the next command"

# Two writers at once: each imports WRITES one-person files into the same database; none may fail with "database is
# locked" within the busy timeout, and every person must be there at the end.
writes=${WRITES:-200}
par=$work/parallel.db
"$bin" --db "$par" import "$work/a/segments.csv" "$work/a/products.csv" "$work/a/teams.csv" >/dev/null
writer() {
  local who=$1
  for ((i = 1; i <= writes; i++)); do
    printf 'id,name,title,team\n%s-%d,Writer %s %d,Software Engineer,t1\n' "$who" "$i" "$who" "$i" >"$work/$who.csv"
    "$bin" --db "$par" import --kind people "$work/$who.csv" >/dev/null 2>"$work/$who.err" ||
      { cat "$work/$who.err" >&2; fail "parallel writer $who, import $i"; }
  done
}
writer w1 & p1=$!
writer w2 & p2=$!
wait "$p1" || fail "parallel writer w1"
wait "$p2" || fail "parallel writer w2"
n=$(sqlite3 "$par" "SELECT count(*) FROM person WHERE id LIKE 'w_-%'")
[ "$n" = $((2 * writes)) ] || fail "parallel writers: $n people of $((2 * writes))"
[ "$(sqlite3 "$par" 'PRAGMA integrity_check')" = ok ] || fail "parallel writers: integrity_check"
echo "parallel writers: 2 x $writes imports at once, all $n people stored, no lock failures"
