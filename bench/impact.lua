-- wrk script for bench/impact.sh: the public impact dashboard over the benchmark's facts.
-- BENCH_PATHS names a file with one path per line (written by impact.sh from the site's real areas,
-- topics and organisations); each request takes the next one. done() prints one RESULT line.
local paths = {}
local threads = {}
local created = 0

for line in io.lines(os.getenv("BENCH_PATHS")) do
  table.insert(paths, line)
end

function setup(thread)
  created = created + 1
  thread:set("offset", created * 7)
  table.insert(threads, thread)
end

local counter = 0

function request()
  counter = counter + 1
  local n = ((counter + (offset or 0)) % #paths) + 1
  return wrk.format("GET", paths[n], { ["Accept-Encoding"] = "gzip", ["Accept-Language"] = "lt" })
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    "RESULT scenario=%s requests=%d seconds=%.1f rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d errors=%d\n",
    os.getenv("BENCH_SCENARIO") or "impact", summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.status, errors))
end
