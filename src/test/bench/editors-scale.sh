#!/usr/bin/env bash
# The editors' page on a year of a busy FAQ: a server whose journal folder holds 1,000,000 records
# (src/test/bench/editors-journal.py: three replicas' files, made once in /tmp/faqbot-bench/journal), on the bundled
# corpus. Measures, with curl:
#   - how long after start the journals are read (the first /admin/api/traffic waits for the read);
#   - the first grouping of the last 30 days' unanswered questions (/admin/api/questions?days=30) after start;
#   - a page load, RUNS times: /admin, /admin.js, /faq.css and the four API calls the page makes, fetched in
#     parallel as a browser does; the median of the wall time;
#   - the grouping of the last 30 days, RUNS times; the median;
#   - the same after a restart (the groups are kept beside the journal, so nothing is embedded again).
# Usage: src/test/bench/editors-scale.sh [RUNS]    (default 9)
#   FRESH=1 deletes the kept groups first, to measure the first grouping of a journal never grouped before.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
runs="${1:-9}"
work=/tmp/faqbot-bench
journal="$work/journal"
[ -f "$journal/replica-0.jsonl" ] || src/test/bench/editors-journal.py 1000000 "$journal" 3
[ "${FRESH:-0}" = 1 ] && rm -rf "$journal/bench.groups"
./faqbot --version > /dev/null # builds the jar first when it is stale, not timed
token="editors-scale-benchmark-token"
port="${PORT:-18940}"
base="http://127.0.0.1:$port"
auth="Authorization: Bearer $token"
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
now() { date +%s.%N; }
since() { printf '%.2f' "$(echo "$(now) - $1" | bc)"; }

pid=
start_server() {
  started=$(now)
  FAQBOT_ADMIN_TOKEN="$token" ./faqbot serve --port "$port" --host 127.0.0.1 \
    --journal "$journal/bench.jsonl" > "$work/editors-scale.log" 2>&1 &
  pid=$!
  until curl -sf "$base/ready" > /dev/null; do sleep 0.2; done
  echo "ready (index open, models loaded): $(since "$started") s after start"
  curl -sf -o /dev/null -H "$auth" "$base/admin/api/traffic?days=30"
  echo "journals read (1,000,000 records): $(since "$started") s after start"
  local t
  t=$(curl -sf -o "$work/editors-groups.json" -w '%{time_total}' -H "$auth" "$base/admin/api/questions?days=30")
  echo "first grouping of the last 30 days: $t s (answered $(since "$started") s after start): $(python3 -c "
import json; d = json.load(open('$work/editors-groups.json'))
print('%d questions in %d groups, %d not grouped yet' % (d['questions'], d['totalGroups'], d['ungrouped']))")"
  until [ "$(curl -sf -H "$auth" "$base/admin/api/questions?days=30&limit=1" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["ungrouped"])')" = 0 ]; do
    sleep 1
  done
  echo "every question of the last 30 days grouped: $(since "$started") s after start"
}
stop_server() {
  kill -TERM "$pid"
  wait "$pid" || true
}
page_load() {
  local t0
  t0=$(now)
  curl -sf --no-progress-meter --parallel -o /dev/null -o /dev/null -o /dev/null "$base/admin" "$base/admin.js" "$base/faq.css"
  curl -sf --no-progress-meter -H "$auth" --parallel -o /dev/null -o /dev/null -o /dev/null -o /dev/null \
    "$base/admin/api/questions?days=30" "$base/admin/api/unhelpful?days=30" \
    "$base/admin/api/suggestions?days=30" "$base/admin/api/traffic?days=30"
  since "$t0"
}
measure() {
  local loads=() groupings=()
  for _ in $(seq "$runs"); do
    loads+=("$(page_load)")
    groupings+=("$(curl -sf -o /dev/null -w '%{time_total}' -H "$auth" "$base/admin/api/questions?days=30")")
  done
  echo "page load (page, script, styles and the four API calls): median $(printf '%s\n' "${loads[@]}" | median) s of $runs (${loads[*]})"
  echo "grouping of the last 30 days: median $(printf '%s\n' "${groupings[@]}" | median) s of $runs (${groupings[*]})"
}

trap 'kill "$pid" 2> /dev/null || true' EXIT
echo "== first start (load $(cut -d' ' -f1 /proc/loadavg))"
start_server
measure
stop_server
echo "== after a restart (load $(cut -d' ' -f1 /proc/loadavg))"
start_server
measure
stop_server
