#!/usr/bin/env bash
# Fits the confidence's weights on the labelled runs of src/test/resources/eval/calibration.json (which need
# ../shared/datasets, or FAQBOT_SHARED) and prints them beside the weights in use, with what each decides.
# Usage: src/test/tools/calibrate.sh [runs.json] [threshold]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
exec java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" faqbot.eval.CalibrationFit "$@"
