#!/usr/bin/env bash
# A cold index build (no index, so no vector from an earlier build: the vector cache is the old index itself,
# VectorCache), several times, with the median: `./faqbot index` of each corpus into a folder deleted before each run.
# Usage: src/test/bench/cold-index.sh [RUNS] [CORPUS...]
#   default: 3 runs of the AISafety.info export's live entries, the export file itself (cold-lib.sh), and of a
#   synthetic 1,000 entries of several paragraphs each (src/test/bench/synthetic-corpus.py, made in /tmp/faqbot-bench).
#   FAQBOT_JAVA_OPTS is passed on to the launcher. FAQBOT_JAR=path runs that jar instead of the launcher (with the
#   launcher's heap and collector settings), to compare two builds alternately: FAQBOT_JAR="a.jar b.jar" runs each
#   corpus with a, then b, RUNS times, and gives each jar's median.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
runs="${1:-3}"
shift || true
source src/test/bench/cold-lib.sh "$@"
for corpus in "${corpora[@]}"; do
  declare -A times=()
  for run in $(seq "$runs"); do
    for jar in "${jars[@]}"; do
      index="$work/cold-index"
      rm -rf "$index"
      faqbot_command "$jar"
      start=$(date +%s.%N)
      "${command[@]}" index --corpus "$corpus" --index "$index" > "$work/cold-index.log" 2> "$work/cold-index.err"
      end=$(date +%s.%N)
      t=$(printf '%.1f' "$(echo "$end - $start" | bc)")
      times[$jar]="${times[$jar]:-} $t"
      echo "$(basename "$corpus") $jar run $run: $t s, load $(cut -d' ' -f1 /proc/loadavg): $(cat "$work/cold-index.log")" >&2
    done
  done
  for jar in "${jars[@]}"; do
    echo "$(basename "$corpus") $jar: median $(printf '%s\n' ${times[$jar]} | median) s of $runs (${times[$jar]# })"
  done
  unset times
done
rm -rf "$work/cold-index"
