-- wrk script: POST /api/chat with a mix of repeated and distinct questions, and a latency/error summary.
-- MODE (env): "mixed" (default: popular questions, the most popular asked most, with a share DISTINCT, default
-- 0.1, of questions never asked before), "repeated" (popular questions only) or "distinct" (every question new).
-- SEED (env, default 1000): the questions follow from it, so a run is repeatable. Runs against one server should each
-- get their own: with the same seed, the "new" questions of a second run are those of the first, already cached.
-- THINK_MS (env, default 0): each connection pauses a random time, THINK_MS on average (exponentially distributed),
-- before each question, like a person reading an answer before asking again; with many connections this offers
-- about connections / THINK_MS questions a millisecond, whatever the server's speed, instead of as many as it can take.
local popular = {
  "What is inner alignment?", "how can an AI game its reward", "What is AI alignment?",
  "could a model pretend to be aligned during training", "why would an AI resist being switched off",
  "what is a mesa optimizer", "What is RLHF?", "what is the orthogonality thesis",
  "why is alignment hard", "what is interpretability", "What is Goodhart's law?",
  "what is corrigibility", "how fast could AI takeoff be", "what is a reward model",
  "What's a good recipe for banana bread?", "what is the paperclip maximizer",
  "what is instrumental convergence", "what is scalable oversight", "what is AI governance",
  "can we keep a dangerous AI in a box"}
local stems = {"could you explain", "I keep hearing about", "in simple words,", "quick question:",
  "help me understand", "what do people mean by"}
local topics = {"deceptive alignment", "reward hacking", "goal misgeneralization", "distributional shift",
  "red teaming", "constitutional AI", "superposition in neural nets", "eliciting latent knowledge",
  "AI control", "model organisms", "sycophancy", "situational awareness", "the alignment tax",
  "inverse reinforcement learning", "value learning", "the stop button problem"}
local mode = os.getenv("MODE") or "mixed"
-- A setting from the environment, checked: a number from low to high, or the default when unset.
local function setting(name, default, low, high)
  local raw = os.getenv(name)
  if raw == nil or raw == "" then return default end
  local value = tonumber(raw)
  if value == nil or value < low or value > high then
    error(string.format("%s must be a number from %s to %s, got '%s'", name, low, high, raw))
  end
  return value
end
local distinct_share = setting("DISTINCT", 0.1, 0, 1)
local think_ms = setting("THINK_MS", 0, 0, 600000)
local seed = setting("SEED", 1000, 0, 1000000000)
local zipf_total = 0
for k = 1, #popular do zipf_total = zipf_total + 1 / k end
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(seed + id)
  errors = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

local function question()
  counter = counter + 1
  local distinct = mode == "distinct" or (mode == "mixed" and math.random() < distinct_share)
  if distinct then
    return string.format("%s %s? (%d-%d)", stems[math.random(#stems)], topics[math.random(#topics)], id, counter)
  end
  -- Zipf-like: question k is asked about 1/k as often as the first.
  local r = math.random() * zipf_total
  for k = 1, #popular do
    r = r - 1 / k
    if r <= 0 then return popular[k] end
  end
  return popular[#popular]
end

if think_ms > 0 then
  function delay()
    return math.floor(-think_ms * math.log(1 - math.random()))
  end
end

function request()
  return wrk.format(nil, "/api/chat", nil, '{"message": "' .. question() .. '"}')
end

function response(status, headers, body)
  if status ~= 200 then
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  local non200 = 0
  for _, t in ipairs(threads) do
    non200 = non200 + (t:get("errors") or 0)
  end
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d seconds=%.1f rps=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, non200, socket))
end
