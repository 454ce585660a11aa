#!/usr/bin/env bash
# Asks a server, started here with the launcher's heap, N distinct messages of the longest length (4,000 CJK
# characters, so every message and its context token are as heavy as they can be), then prints whether the server
# survived and its heap after a full collection. Usage: src/test/bench/long-messages.sh [N] [JAR]
# (N default 5000: more than any cache keeps by count; JAR default target/faqbot.jar, built first if missing).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
n=${1:-5000}
jar=${2:-target/faqbot.jar}
[[ -f $jar ]] || ./mvnw -q -B -DskipTests package
port=${PORT:-7417}
index=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$index"' EXIT
java -Xmx128m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -jar "$jar" serve --port "$port" --corpus corpus \
  --index "$index" --journal "$index/journal.jsonl" --rate-limit 0 --no-watch >"$index/serve.log" 2>&1 &
pid=$!
for _ in $(seq 300); do curl -s "localhost:$port/health" | grep -q '"ready":true' && break; sleep 1; done
python3 - "$port" "$n" <<'PY'
import json, sys, urllib.request, urllib.error
from concurrent.futures import ThreadPoolExecutor
port, n = int(sys.argv[1]), int(sys.argv[2])
def ask(i):
    text = str(i) + "\u5b89" * (4000 - len(str(i)))
    body = json.dumps({"message": text}).encode()
    request = urllib.request.Request(f"http://localhost:{port}/api/chat", body, {"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code
    except OSError:
        return "no server"
with ThreadPoolExecutor(4) as pool:
    statuses = list(pool.map(ask, range(n)))
print("answers:", {s: statuses.count(s) for s in set(statuses)})
PY
if kill -0 "$pid" 2>/dev/null; then
  jcmd "$pid" GC.run >/dev/null
  echo "server alive; heap after a full collection:"
  jcmd "$pid" GC.heap_info | grep -E "def new|tenured|total" | head -3
else
  echo "server gone:"; grep -iE "outofmemory|terminating" "$index/serve.log" | head -3
fi
