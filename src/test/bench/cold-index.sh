#!/usr/bin/env bash
# A cold index build (no index, so no vector from an earlier build: the vector cache is the old index itself,
# VectorCache), several times, with the median: `./faqbot index` of each corpus into a folder deleted before each run.
# Usage: src/test/bench/cold-index.sh [RUNS] [CORPUS...]
#   default: 3 runs of the AISafety.info export's live entries (src/test/bench/aisafety-jsonl.sh) and of a synthetic
#   1,000 entries of several paragraphs each (src/test/bench/synthetic-corpus.py), both made in /tmp/faqbot-bench.
#   FAQBOT_JAVA_OPTS is passed on to the launcher.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
runs="${1:-3}"
shift || true
work=/tmp/faqbot-bench
mkdir -p "$work"
if [ $# -eq 0 ]; then
  [ -f "$work/aisafety.jsonl" ] || src/test/bench/aisafety-jsonl.sh
  [ -f "$work/synthetic-1000.jsonl" ] || src/test/bench/synthetic-corpus.py 1000
  set -- "$work/aisafety.jsonl" "$work/synthetic-1000.jsonl"
fi
./faqbot --version > /dev/null 2>&1 || true  # builds the jar first when it is stale, outside the timing
for corpus in "$@"; do
  times=()
  for run in $(seq "$runs"); do
    index="$work/cold-index"
    rm -rf "$index"
    start=$(date +%s.%N)
    ./faqbot index --corpus "$corpus" --index "$index" > "$work/cold-index.log" 2> "$work/cold-index.err"
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc)
    times+=("$t")
    echo "$(basename "$corpus") run $run: ${t} s  ($(grep -o '[0-9]* texts[^,;]*' "$work/cold-index.log" | head -1))" >&2
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
  echo "$(basename "$corpus"): median $(printf '%.1f' "$median") s of $runs (${times[*]})"
done
rm -rf "$work/cold-index"
