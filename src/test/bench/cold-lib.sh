# Shared by cold-index.sh and cold-serve.sh (sourced, from the repository's root): the corpora to time, the builds to
# run, and the median. Sets `corpora` from the arguments, or the two default corpora: the AISafety.info export itself,
# read as `serve --corpus` reads it (FAQBOT_EXPORT, default ../shared/datasets/aisafety-info-stampy/...), and the
# synthetic 1,000 entries made in /tmp/faqbot-bench; sets `jars` from FAQBOT_JAR ("launcher" for ./faqbot, which is
# built first when stale, untimed).
work=/tmp/faqbot-bench
mkdir -p "$work"
if [ $# -eq 0 ]; then
  export_file="${FAQBOT_EXPORT:-../shared/datasets/aisafety-info-stampy/faq_entries_2023-03.jsonl}"
  [ -f "$export_file" ] || { echo "$0: the AISafety.info export is not at $export_file (set FAQBOT_EXPORT)" >&2; exit 1; }
  [ -f "$work/synthetic-1000.jsonl" ] || src/test/bench/synthetic-corpus.py 1000
  corpora=("$export_file" "$work/synthetic-1000.jsonl")
else
  corpora=("$@")
fi
jars=(${FAQBOT_JAR:-launcher})
[ -n "${FAQBOT_JAR:-}" ] || ./faqbot --version > /dev/null
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
# The command that runs one build: the launcher, or a jar with the launcher's heap and collector.
faqbot_command() {
  if [ "$1" = launcher ]; then
    command=(./faqbot)
  else
    command=(java ${FAQBOT_JAVA_OPTS:--Xmx128m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError} -jar "$1")
  fi
}
