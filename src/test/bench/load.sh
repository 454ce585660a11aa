#!/usr/bin/env bash
# Load test of a running faqbot server with wrk (Debian package 'wrk'):
#   /api/chat with a mix of repeated and distinct questions, then /health as the HTTP floor, in the same run,
#   and the ratio between them. Also the repeated-only and distinct-only mixes.
# Usage: src/test/bench/load.sh [URL] [SECONDS] [CONNECTIONS]     (default http://localhost:7070 60 64)
# Optional, for the mixed run:
#   RELOADS=N with FAQBOT_ADMIN_TOKEN set: N corpus reloads (POST /admin/reload) spread over the run;
#   SERVER_PID=pid: the server's resident memory (RSS) sampled every second, first and last and peak printed;
#   DISTINCT=0.3: the share of never-asked questions in the mixed run (default 0.1).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
url="${1:-http://localhost:7070}"
seconds="${2:-60}"
connections="${3:-64}"
threads="${WRK_THREADS:-2}"
command -v wrk >/dev/null || { echo "load.sh: wrk is needed (apt-get install wrk)" >&2; exit 1; }
curl -fsS "$url/health" >/dev/null || { echo "load.sh: no faqbot server answers at $url" >&2; exit 1; }

reloads() {  # spread $RELOADS admin reloads over the run, counting failures
  local n="$1" gap failures=0
  gap=$(awk -v s="$seconds" -v n="$n" 'BEGIN { printf "%.2f", s / (n + 1) }')
  for _ in $(seq "$n"); do
    sleep "$gap"
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $FAQBOT_ADMIN_TOKEN" \
      "$url/admin/reload")
    [ "$code" = 200 ] || failures=$((failures + 1))
  done
  echo "reloads $n done, $failures failed" > /tmp/faqbot-load-reloads.txt
}

rss() {  # sample the server's RSS (kB) every second until stopped
  while kill -0 "$SERVER_PID" 2>/dev/null; do
    awk '/VmRSS/ { print $2 }' "/proc/$SERVER_PID/status"
    sleep 1
  done > /tmp/faqbot-load-rss.txt
}

run() {  # name, script, [env]
  local name="$1" script="$2"; shift 2
  local line
  line="$(env "$@" wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s -s "$here/$script" "$url" \
    | grep '^RESULT' | sed 's/^RESULT //')"
  echo "$name $line"
  echo "$line" | sed -n 's/.*rps=\([0-9.]*\).*/\1/p' > "/tmp/faqbot-load-$name.rps"
}

echo "faqbot load test: $url, ${seconds}s per run, $connections connections, $threads wrk threads"
[ -n "${SERVER_PID:-}" ] && { rss & sampler=$!; }
if [ -n "${RELOADS:-}" ]; then
  [ -n "${FAQBOT_ADMIN_TOKEN:-}" ] || { echo "load.sh: RELOADS needs FAQBOT_ADMIN_TOKEN" >&2; exit 1; }
  reloads "$RELOADS" & reloader=$!
fi
run chat-mixed chat.lua MODE=mixed DISTINCT="${DISTINCT:-0.1}"
if [ -n "${RELOADS:-}" ]; then wait "$reloader"; cat /tmp/faqbot-load-reloads.txt; fi
run health health.lua
run chat-repeated chat.lua MODE=repeated
run chat-distinct chat.lua MODE=distinct
mixed=$(cat /tmp/faqbot-load-chat-mixed.rps); health=$(cat /tmp/faqbot-load-health.rps)
repeated=$(cat /tmp/faqbot-load-chat-repeated.rps)
awk -v m="$mixed" -v h="$health" -v r="$repeated" 'BEGIN {
  printf "ratio chat-mixed/health %.2f, chat-repeated/health %.2f\n", m / h, r / h }'
if [ -n "${SERVER_PID:-}" ]; then
  kill "$sampler" 2>/dev/null || true
  awk 'NR == 1 { first = $1 } { last = $1; if ($1 > peak) peak = $1 }
    END { printf "server RSS: first %.0f MB, last %.0f MB, peak %.0f MB (%d samples)\n", first / 1024, last / 1024, peak / 1024, NR }' \
    /tmp/faqbot-load-rss.txt
fi
