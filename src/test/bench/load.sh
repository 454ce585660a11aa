#!/usr/bin/env bash
# Load test of a running faqbot server with wrk (Debian package 'wrk'):
#   /api/chat with a mix of repeated and distinct questions, then /health as the HTTP floor, in the same run,
#   and the ratio between them. Also the repeated-only and distinct-only mixes.
# Usage: src/test/bench/load.sh [URL] [SECONDS] [CONNECTIONS]     (default http://localhost:7070 60 64)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
url="${1:-http://localhost:7070}"
seconds="${2:-60}"
connections="${3:-64}"
threads="${WRK_THREADS:-2}"
command -v wrk >/dev/null || { echo "load.sh: wrk is needed (apt-get install wrk)" >&2; exit 1; }
curl -fsS "$url/health" >/dev/null || { echo "load.sh: no faqbot server answers at $url" >&2; exit 1; }

run() {  # name, script, [env]
  local name="$1" script="$2"; shift 2
  local line
  line="$(env "$@" wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s -s "$here/$script" "$url" \
    | grep '^RESULT' | sed 's/^RESULT //')"
  echo "$name $line"
  echo "$line" | sed -n 's/.*rps=\([0-9.]*\).*/\1/p' > "/tmp/faqbot-load-$name.rps"
}

echo "faqbot load test: $url, ${seconds}s per run, $connections connections, $threads wrk threads"
run chat-mixed chat.lua MODE=mixed
run health health.lua
run chat-repeated chat.lua MODE=repeated
run chat-distinct chat.lua MODE=distinct
mixed=$(cat /tmp/faqbot-load-chat-mixed.rps); health=$(cat /tmp/faqbot-load-health.rps)
repeated=$(cat /tmp/faqbot-load-chat-repeated.rps)
awk -v m="$mixed" -v h="$health" -v r="$repeated" 'BEGIN {
  printf "ratio chat-mixed/health %.2f, chat-repeated/health %.2f\n", m / h, r / h }'
