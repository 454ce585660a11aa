#!/usr/bin/env bash
# Mixed questions below saturation, against a running faqbot server with wrk (Debian package 'wrk'): a few clients
# asking back to back, then many people pausing between questions. Each wrk run gets a seed of its own, so that
# no run asks again the "new" questions of an earlier one, which the server would answer from its cache.
# Usage: src/test/bench/capacity.sh [URL] [SECONDS]     (default http://localhost:7070 30)
#   CONNS="8 16": clients back to back;  THINK="256:250 384:250": people:average pause in ms;
#   WARMUP=20: seconds of the mixed load at 64 connections first (the popular questions' answers cached, as on a
#   server that has been up a while; its new questions are never asked again).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
url="${1:-http://localhost:7070}"
seconds="${2:-30}"
command -v wrk >/dev/null || { echo "capacity.sh: wrk is needed (apt-get install wrk)" >&2; exit 1; }
curl -fsS "$url/health" >/dev/null || { echo "capacity.sh: no faqbot server answers at $url" >&2; exit 1; }
seed=1
run() {  # label, connections, [env]
  local label="$1" connections="$2"; shift 2
  seed=$((seed + 1))
  echo "$label $(env SEED="$seed" MODE=mixed "$@" wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s \
    -s "$here/chat.lua" "$url" | grep '^RESULT' | sed 's/^RESULT //')"
}
echo "faqbot capacity: $url, ${seconds}s per load, mixed questions"
warmup="${WARMUP:-20}"
if [ "$warmup" != 0 ]; then
  SEED=1 MODE=mixed wrk -t2 -c64 -d"${warmup}s" --timeout 10s -s "$here/chat.lua" "$url" > /dev/null
fi
for c in ${CONNS:-8 16}; do
  run "back-to-back connections=$c" "$c"
done
for pair in ${THINK:-256:250 384:250 512:250}; do
  run "people=${pair%%:*} pause_ms=${pair##*:}" "${pair%%:*}" THINK_MS="${pair##*:}"
done
