#!/usr/bin/env bash
# Stops `faqbot serve` with SIGTERM again and again in the middle of mixed work, and counts clean stops.
# Each try: a fresh copy of the bundled corpus and a prebuilt index, four clients asking new questions (each one is
# embedded), Slack events whose replies go to a slow fake of Slack's API, and an edit to an entry that the watcher is
# indexing when the signal comes. A try is clean when the exit status is 0, no hs_err_pid*.log was written and the
# server's stderr holds no stack trace.
# Usage: src/test/bench/sigterm.sh [TRIES] [JAR]   (defaults: 20, target/faqbot.jar; needs curl, python3, openssl)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
tries="${1:-20}"
jar="$(realpath "${2:-target/faqbot.jar}")"
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
secret=8f742231b10e8888abcd99yyyzzz85a5
port=7471
slack=7472

# A fake of Slack's Web API that takes 300 ms to answer, so Slack's workers are busy when the signal comes.
python3 - "$slack" <<'PY' &
import http.server, sys, time
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get('Content-Length', 0)))
        time.sleep(0.3)
        body = b'{"ok":true,"ts":"1.2"}'
        self.send_response(200); self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(body))); self.end_headers(); self.wfile.write(body)
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(('127.0.0.1', int(sys.argv[1])), H).serve_forever()
PY

echo "building the index once ..."
cp -r corpus "$work/corpus"
java -jar "$jar" index --corpus "$work/corpus" --index "$work/index" > /dev/null

clean=0
for t in $(seq 1 "$tries"); do
  dir="$work/try-$t"
  mkdir -p "$dir"
  cp -r "$work/corpus" "$dir/corpus"
  cp -r "$work/index" "$dir/index"
  rm -f "$dir/index/write.lock"
  (cd "$dir" && SLACK_SIGNING_SECRET=$secret SLACK_BOT_TOKEN=xoxb-test SLACK_API_URL=http://127.0.0.1:$slack/api \
    SLACK_WORKERS=2 SLACK_QUEUE=64 exec java -Xmx256m -jar "$jar" serve --port $port --host 127.0.0.1 \
    --corpus corpus --index index --journal journal.jsonl --rate-limit 0 > out.txt 2> err.txt) &
  server=$!
  for _ in $(seq 1 120); do grep -q "faqbot is serving" "$dir/out.txt" 2>/dev/null && break; sleep 0.5; done
  clients=()
  for c in 1 2 3 4; do
    (for i in $(seq 1 400); do curl -s -o /dev/null -m 30 "localhost:$port/api/chat" -H 'Content-Type: application/json' \
      -d "{\"message\":\"what is reward hacking, try $t client $c question $i\"}" || true; done) &
    clients+=($!)
  done
  for e in $(seq 1 20); do
    body="{\"type\":\"event_callback\",\"event_id\":\"Ev$t-$e\",\"event\":{\"type\":\"app_mention\",\"user\":\"U1\",\"channel\":\"C1\",\"ts\":\"$t.$e\",\"text\":\"why would an AI seek power, take $e\"}}"
    ts=$(date +%s)
    sig="v0=$(printf 'v0:%s:%s' "$ts" "$body" | openssl dgst -sha256 -hmac "$secret" | sed 's/^.* //')"
    curl -s -o /dev/null -m 10 "localhost:$port/slack/events" -H 'Content-Type: application/json' \
      -H "X-Slack-Request-Timestamp: $ts" -H "X-Slack-Signature: $sig" -d "$body" || true
  done
  sed -i "0,/^\$/s//\nAn edit made while the server stops, try $t.\n/" "$dir/corpus/what-is-reward-hacking.txt"
  sleep 0.9
  kill -TERM $server
  status=0
  wait $server || status=$?
  kill "${clients[@]}" 2>/dev/null || true
  crash=$(ls "$dir" | grep -c '^hs_err_pid' || true)
  traces=$(grep -c -E '^\s+at |^Caused by|Exception in thread|^\S+(Exception|Error): ' "$dir/err.txt" || true)
  verdict=dirty
  if [ "$status" = 0 ] && [ "$crash" = 0 ] && [ "$traces" = 0 ]; then verdict=clean; clean=$((clean + 1)); fi
  echo "try $t: exit $status, native crash reports $crash, stack-trace lines $traces: $verdict"
done
echo "$clean of $tries stops clean"
