#!/usr/bin/env bash
# A cold `faqbot serve` (no index in its folder, so every vector is computed): the time from start to the first answer
# on /api/chat, and to the whole index (/health says "index": "complete"), several times, with the medians.
# Usage: src/test/bench/cold-serve.sh [RUNS] [CORPUS...]
#   default: 3 runs of the AISafety.info export's live entries (the export file itself) and of the synthetic 1,000
#   entries of several paragraphs (cold-lib.sh). FAQBOT_JAR=path runs that jar instead of the launcher (with
#   its heap and collector settings); FAQBOT_JAR="a.jar b.jar" alternates two builds. A build without first indexes
#   has no "index" in /health: its whole index is its first answer.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
runs="${1:-3}"
shift || true
source src/test/bench/cold-lib.sh "$@"
port="${FAQBOT_BENCH_PORT:-7475}"
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }
for corpus in "${corpora[@]}"; do
  declare -A first=() whole=()
  for run in $(seq "$runs"); do
    for jar in "${jars[@]}"; do
      index="$work/cold-serve-index"
      rm -rf "$index"
      faqbot_command "$jar"
      start=$(date +%s%N)
      FAQBOT_JOURNAL="$work/cold-serve-journal.jsonl" "${command[@]}" serve --corpus "$corpus" --index "$index" \
        --port "$port" --no-watch > "$work/cold-serve.log" 2>&1 &
      pid=$!
      until curl -fsS -o /dev/null -H 'Content-Type: application/json' -d '{"message": "What is AI alignment?"}' \
          "http://localhost:$port/api/chat" 2>/dev/null; do
        kill -0 "$pid" 2>/dev/null || { echo "cold-serve.sh: the server stopped; see $work/cold-serve.log" >&2; exit 1; }
        sleep 0.1
      done
      answered=$(date +%s%N)
      until curl -fsS "http://localhost:$port/health" 2>/dev/null | grep -qv '"index":"first"'; do
        kill -0 "$pid" 2>/dev/null || { echo "cold-serve.sh: the server stopped; see $work/cold-serve.log" >&2; exit 1; }
        sleep 0.2
      done
      complete=$(date +%s%N)
      kill "$pid"; wait "$pid" 2>/dev/null || true
      first[$jar]="${first[$jar]:-} $(seconds "$start" "$answered")"
      whole[$jar]="${whole[$jar]:-} $(seconds "$start" "$complete")"
      echo "$(basename "$corpus") $jar run $run: first answer $(seconds "$start" "$answered") s, whole index" \
        "$(seconds "$start" "$complete") s, load $(cut -d' ' -f1 /proc/loadavg)" >&2
    done
  done
  for jar in "${jars[@]}"; do
    echo "$(basename "$corpus") $jar: first answer median $(printf '%s\n' ${first[$jar]} | median) s (${first[$jar]# })," \
      "whole index median $(printf '%s\n' ${whole[$jar]} | median) s (${whole[$jar]# }), $runs runs"
  done
  unset first whole
done
rm -rf "$work/cold-serve-index"
