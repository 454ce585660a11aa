#!/usr/bin/env bash
# Time from starting `./faqbot serve` to its first answer on /api/chat, several times, with the median.
# Usage: src/test/bench/first-answer.sh [RUNS] [PORT]   (default 5 7474; the index should be current, as after
# one `./faqbot index`, so that what is timed is start-up, not indexing)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
runs="${1:-5}"
port="${2:-7474}"
./faqbot index > /dev/null
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  ./faqbot serve --port "$port" > /tmp/faqbot-first-answer.log 2>&1 &
  pid=$!
  until curl -fsS -o /dev/null -H 'Content-Type: application/json' -d '{"message": "What is inner alignment?"}' \
      "http://localhost:$port/api/chat" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "first-answer.sh: the server stopped; see /tmp/faqbot-first-answer.log" >&2; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END {
  printf "start to first answer: median %.2f s over %d runs (", (NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2), NR
  for (i = 1; i <= NR; i++) printf "%s%s", t[i], (i < NR ? ", " : ")\n") }'
