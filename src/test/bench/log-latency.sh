#!/usr/bin/env bash
# Latency percentiles from a server's own request log (one line per request, "... METHOD PATH STATUS MS ms"): the
# figures without wrk's coordinated-omission correction. Usage: src/test/bench/log-latency.sh LOG [PATH [STATUS]]
# (PATH defaults to /api/chat; how many requests had each status is printed too, and the percentiles are those of
# every status, or of STATUS alone when it is given: 200 for the answers of a server that also sheds with 503).
set -euo pipefail
if [ $# -lt 1 ] || [ $# -gt 3 ]; then
  echo "usage: $0 LOG [PATH [STATUS]]   (LOG: what ./faqbot serve wrote to standard error, saved to a file)" >&2
  exit 2
fi
log="$1"
path="${2:-/api/chat}"
only="${3:-}"
if [ ! -r "$log" ] || [ -d "$log" ]; then
  echo "log-latency.sh: cannot read the file $log" >&2
  exit 1
fi
# The method, path, status and milliseconds end each request's line; anything else in the log is skipped.
awk -v path="$path" '$NF == "ms" && $(NF - 3) == path && $(NF - 1) ~ /^[0-9.]+$/ { print $(NF - 1), $(NF - 2) }' "$log" \
  | sort -g | awk -v path="$path" -v only="$only" '
  { status[$2]++; if (only == "" || $2 == only) ms[++n] = $1 }
  END {
    if (NR == 0) { print "log-latency.sh: no requests to " path " in the log" > "/dev/stderr"; exit 1 }
    printf "%s requests=%d", path, NR
    for (s in status) printf " status_%s=%d", s, status[s]
    if (n == 0) { printf " (none with status %s)\n", only; exit 0 }
    if (only != "") printf " percentiles_of=%s", only
    np = split("50 90 95 99 99.9", ps, " ")
    for (k = 1; k <= np; k++) {
      i = int(ps[k] / 100 * n); if (i < ps[k] / 100 * n) i++; if (i < 1) i = 1
      printf " p%s_ms=%s", ps[k], ms[i]
    }
    printf " max_ms=%s\n", ms[n]
  }'
