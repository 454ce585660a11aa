#!/usr/bin/env bash
# A fresh server's first seconds under load: starts `./faqbot serve`, and as soon as /ready says yes, sends it
# mixed questions from many people pausing between questions (no warm-up), several times, a new server each time.
# Usage: src/test/bench/cold-load.sh [RUNS] [SECONDS] [PEOPLE] [PORT]   (default 3 30 256 7474)
#   THINK_MS=250: the people's average pause. FAQBOT_JAVA_OPTS is passed on to the launcher, to compare JVM settings.
#   The index should be current, as after one `./faqbot index`, so that start-up is not indexing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
runs="${1:-3}"
seconds="${2:-30}"
people="${3:-256}"
port="${4:-7474}"
command -v wrk >/dev/null || { echo "cold-load.sh: wrk is needed (apt-get install wrk)" >&2; exit 1; }
./faqbot index > /dev/null
for run in $(seq "$runs"); do
  ./faqbot serve --port "$port" --rate-limit 0 > /tmp/faqbot-cold-load.log 2>&1 &
  pid=$!
  until curl -fsS -o /dev/null "http://localhost:$port/ready" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "cold-load.sh: the server stopped; see /tmp/faqbot-cold-load.log" >&2; exit 1; }
    sleep 0.05
  done
  # A seed per run, so that no run's new questions are ones an earlier run asked.
  echo "run $run $(SEED=$((500 + run)) MODE=mixed THINK_MS="${THINK_MS:-250}" wrk -t2 -c"$people" -d"${seconds}s" \
    --timeout 10s -s src/test/bench/chat.lua "http://localhost:$port" | grep '^RESULT' | sed 's/^RESULT //')"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
