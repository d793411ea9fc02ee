-- wrk script for the load part of `make stress`: bench/http/results.lua (a different path per
-- request from a file, and its RESULT line) plus pacing, since Debian's wrk has no rate option.
-- Each wrk thread sends at VERDER_STRESS_RATE / VERDER_STRESS_THREADS requests per second,
-- evenly spaced on a monotonic clock (LuaJIT's FFI): delay() holds every connection of the
-- thread to one schedule, so the rate stays put whatever the latency, as long as there are
-- enough connections (rate x latency) to carry it. Without VERDER_STRESS_RATE: no pacing.
dofile(assert(os.getenv("VERDER_RESULTS_LUA"), "set VERDER_RESULTS_LUA to bench/http/results.lua"))

local rate = tonumber(os.getenv("VERDER_STRESS_RATE") or "0")
local threads = tonumber(os.getenv("VERDER_STRESS_THREADS") or "1")

if rate > 0 then
  local ffi = require("ffi")
  ffi.cdef [[
    typedef struct { long tv_sec; long tv_nsec; } verder_timespec;
    int clock_gettime(int clock, verder_timespec* out);
  ]]
  local now_buffer = ffi.new("verder_timespec")
  local function now_ms()
    ffi.C.clock_gettime(1, now_buffer) -- CLOCK_MONOTONIC
    return tonumber(now_buffer.tv_sec) * 1000 + tonumber(now_buffer.tv_nsec) / 1e6
  end
  local interval_ms = 1000 * threads / rate
  local next_ms = nil

  function delay()
    local now = now_ms()
    -- After a stall, do not fire a burst to catch up: start the schedule again from now.
    if next_ms == nil or next_ms < now - 250 then next_ms = now end
    local wait = next_ms - now
    next_ms = next_ms + interval_ms
    return math.floor(wait)
  end
end
