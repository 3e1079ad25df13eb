#!/usr/bin/env bash
# orgplan serve under load (issue: the org in the browser).
#   bench/serve.sh [PEOPLE] [REQUESTS] [CLIENTS]   default 100000 2000 50
# On a generated org: each route's first (cold) and second (warm, cached) server time against the same answer from
# the CLI in this run, opening a chart node, then CLIENTS concurrent clients sending REQUESTS mixed requests with wrk
# (errors, p50/p99 latency), the pages after a write once the warm-up has computed them again, and the server's
# peak memory. Load goes to 127.0.0.1 only, bounded in requests and time.
source "$(dirname "$0")/lib.sh"
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 1; }
n=${1:-100000} requests=${2:-2000} clients=${3:-50}
dir=$OUT/org-$n db=$OUT/serve-$n.db tmp=$OUT/serve-tmp
[ -f "$dir/people.csv" ] || "$BIN/orgplan-gen" "$n" "$dir"
rm -f "$db" "$db-wal" "$db-shm"
"$BIN/orgplan" --db "$db" import "$dir" >/dev/null
echo 'bench-password-1' | "$BIN/orgplan" --db "$db" user add bench --role admin --password-stdin >/dev/null
echo 'bench-password-2' | "$BIN/orgplan" --db "$db" user add look --role viewer --password-stdin >/dev/null
token=$("$BIN/orgplan" --db "$db" token create bench --format json | sed -n 's/.*"token": "\(op_[^"]*\)".*/\1/p')
viewer=$("$BIN/orgplan" --db "$db" token create look --format json | sed -n 's/.*"token": "\(op_[^"]*\)".*/\1/p')
mkdir -p "$tmp"
TMPDIR=$tmp "$BIN/orgplan" --db "$db" serve --listen 127.0.0.1:0 >"$OUT/serve.out" 2>"$OUT/serve.err" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do grep -q '127.0.0.1:' "$OUT/serve.out" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' "$OUT/serve.out" | head -1)
base=http://127.0.0.1:$port

# seconds TOKEN PATH: the time of one request, failing loudly on an error status.
seconds() {
  local out
  out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer $1" "$base$2")
  [ "${out%% *}" = 200 ] || { echo "GET $2: HTTP ${out%% *}" >&2; exit 1; }
  echo "${out#* }"
}

echo "orgplan serve on $n people ($(nproc) cores)"
printf '%-38s %9s %9s %9s\n' route cold_s warm_s cli_s
for route in "ratios?by=team:ratios --by team" "spans:spans" "diagnose:diagnose" "portfolio:portfolio" \
             "plan:plan" "trend:trend" "check:check" "mentoring:mentoring plan"; do
  path=${route%%:*} args=${route#*:}
  cold=$(seconds "$token" "/api/v1/$path") warm=$(seconds "$token" "/api/v1/$path")
  # shellcheck disable=SC2086
  cli=$(best_of 1 "$BIN/orgplan" --db "$db" $args --format json)
  printf '%-38s %9s %9s %9s\n' "/api/v1/$path" "$cold" "$warm" "$cli"
done
for path in "/" "/ratios" "/diagnose" "/chart" "/api/v1/chart?depth=1" "/api/v1/people?q=Garcia"; do
  cold=$(seconds "$token" "$path") warm=$(seconds "$token" "$path")
  printf '%-38s %9s %9s %9s\n' "$path" "$cold" "$warm" "-"
done
cold=$(seconds "$viewer" "/api/v1/ratios?by=team") warm=$(seconds "$viewer" "/api/v1/ratios?by=team")
printf '%-38s %9s %9s %9s\n' "viewer /api/v1/ratios?by=team" "$cold" "$warm" "-"
# Opening a node: the biggest manager's reports, warm.
curl -s -o "$OUT/serve-chart.json" -H "Authorization: Bearer $token" "$base/api/v1/chart?depth=1"
first=$(sed -n 's/.*"id": "\([^"@]*\)".*/\1/p;T;q' "$OUT/serve-chart.json") # the first id; no pipe for pipefail to cut
seconds "$token" "/api/v1/chart?depth=1&root=$first" >/dev/null
echo "open a chart node (warm): $(seconds "$token" "/api/v1/chart?depth=1&root=$first") s"

# Mixed load: each wrk connection cycles through the routes; each thread stops after its share of the requests.
# The requests take gzip as browsers do (wrk counts the bytes as sent, compressed).
cat >"$OUT/serve-mix.lua" <<LUA
local paths = {"/api/v1/ratios?by=team", "/api/v1/spans", "/api/v1/diagnose", "/api/v1/portfolio", "/",
               "/ratios", "/api/v1/chart?depth=1", "/api/v1/chart?depth=1&root=$first", "/api/v1/people?q=Ava",
               "/api/v1/trend", "/chart", "/api/v1/check"}
local per_thread = math.ceil($requests / 2)
local i, done = 0, 0
wrk.headers["Authorization"] = "Bearer $token"
wrk.headers["Accept-Encoding"] = "gzip, deflate, br" -- as browsers send it
request = function() i = i + 1; return wrk.format("GET", paths[(i % #paths) + 1]) end
response = function(status) done = done + 1; if done >= per_thread then wrk.thread:stop() end end
LUA
wrk -t2 -c"$clients" -d60s --timeout 10s --latency -s "$OUT/serve-mix.lua" "$base" >"$OUT/serve-wrk.txt" 2>&1 || true
echo "load: $requests mixed requests from $clients clients:"
grep -E "Latency|50%|99%|requests in|Non-2xx|Socket errors" "$OUT/serve-wrk.txt" | sed 's/^/  /'
# A write makes every answer old; the warm-up computes again what was read. Once it has settled, the pages.
"$BIN/orgplan" --db "$db" config set ratio.threshold 9 >/dev/null
written=$(date +%s.%N)
status() { curl -s -H "Authorization: Bearer $token" "$base/api/v1/status"; }
sleep 3 # the warm-up looks for writes every 2 s
for _ in $(seq 1200); do
  s=$(status)
  v=$(echo "$s" | sed -n 's/.*"version": \([0-9]*\).*/\1/p') av=$(echo "$s" | sed -n 's/.*"warm_up_version": \([0-9]*\).*/\1/p')
  [ "$v" = "$av" ] && echo "$s" | grep -q '"warm_up_pending": 0' && break
  sleep 0.5
done
echo "after a write: the warm-up settled in $(calc "$(date +%s.%N) - $written") s; then"
for path in "/" "/ratios" "/diagnose" "/api/v1/ratios?by=team" "/api/v1/diagnose"; do
  printf '  %-36s %9s s\n' "$path" "$(seconds "$token" "$path")"
done
echo "server peak memory: $(awk '/VmHWM/ { printf "%.0f MB", $2 / 1024 }' /proc/$pid/status)"
