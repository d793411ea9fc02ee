-- wrk script: the results page (/zoeken) with a different query on (almost) every request.
-- The paths are every golden search query (tests/golden/search/queries.jsonl, written by the run
-- script to paths.txt) crossed with filter sets people use, so the server cannot answer from
-- any cache (it has none) and each request runs the search, the facets and the HTML.
local paths = {}

local function load_paths()
  local file = assert(io.open(os.getenv("VERDER_HTTP_PATHS") or "paths.txt"))
  for line in file:lines() do paths[#paths + 1] = line end
  file:close()
end

local thread_id = 0
function setup(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
end

function init(args)
  load_paths()
  math.randomseed(1000 + (id or 0))
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

function done(summary, latency, requests)
  local errors = summary.errors
  local failed = errors.connect + errors.read + errors.write + errors.timeout + errors.status
  io.write(string.format(
    "RESULT requests=%d seconds=%.1f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, failed, errors.status))
end
