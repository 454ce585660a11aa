#!/usr/bin/env bash
# Latency percentiles from a server's own request log (one line per request, "... METHOD PATH STATUS MS ms"): the
# figures without wrk's coordinated-omission correction. Usage: src/test/bench/log-latency.sh LOG [PATH]
# (PATH defaults to /api/chat; requests of every status count, and how many had each status is printed too).
set -euo pipefail
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 LOG [PATH]   (LOG: what ./faqbot serve wrote to standard error, saved to a file)" >&2
  exit 2
fi
log="$1"
path="${2:-/api/chat}"
if [ ! -r "$log" ] || [ -d "$log" ]; then
  echo "log-latency.sh: cannot read the file $log" >&2
  exit 1
fi
# The method, path, status and milliseconds end each request's line; anything else in the log is skipped.
awk -v path="$path" '$NF == "ms" && $(NF - 3) == path && $(NF - 1) ~ /^[0-9.]+$/ { print $(NF - 1), $(NF - 2) }' "$log" \
  | sort -g | awk -v path="$path" '
  { ms[NR] = $1; status[$2]++ }
  END {
    if (NR == 0) { print "log-latency.sh: no requests to " path " in the log" > "/dev/stderr"; exit 1 }
    printf "%s requests=%d", path, NR
    for (s in status) printf " status_%s=%d", s, status[s]
    n = split("50 90 95 99 99.9", ps, " ")
    for (k = 1; k <= n; k++) {
      i = int(ps[k] / 100 * NR); if (i < ps[k] / 100 * NR) i++; if (i < 1) i = 1
      printf " p%s_ms=%s", ps[k], ms[i]
    }
    printf " max_ms=%s\n", ms[NR]
  }'
