#!/usr/bin/env bash
# Overloads a running faqbot server: CONNECTIONS back-to-back connections, every question new, for SECONDS, and
# reports the answers' latency (200), the refusals (503, and how many said Retry-After) and socket errors.
# Usage: src/test/bench/overload.sh [URL] [CONNECTIONS] [SECONDS] [honour]   (defaults: http://localhost:7070 256 30)
# With "honour" a refused connection waits for the refusal's Retry-After before asking again, as a well-behaved
# client would; without it, it asks again at once (as wrk does: then src/test/bench/log-latency.sh LOG /api/chat 200
# gives the answers' latency from the server's own log).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" faqbot.bench.OverloadLoad \
  "${1:-http://localhost:7070}" "${2:-256}" "${3:-30}" ${4:-}
