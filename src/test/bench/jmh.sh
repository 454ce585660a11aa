#!/usr/bin/env bash
# Runs the JMH benchmarks of the in-process answer path. Usage: src/test/bench/jmh.sh [JMH options, e.g. -t 2]
# BENCH=regex picks benchmarks (default: all of faqbot.bench).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main \
  -rf json -rff target/jmh-result.json "$@" "${BENCH:-faqbot.bench.*}"
