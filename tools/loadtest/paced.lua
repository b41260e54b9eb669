-- wrk script: a fixed request rate instead of wrk's "as fast as possible", so latency is measured
-- at a stated load. Each thread hands out send times every 1000 * threads / rate ms; a connection
-- ready to send waits for the next one, so a slow answer does not lower the rate while another
-- connection is free (the run script opens enough of them). Paths cycle through PATHS_FILE (one per
-- line). Non-2xx/3xx answers are counted as errors.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } cartera_timespec;
  int clock_gettime(int clock, cartera_timespec *now);
]]
local clock = ffi.new("cartera_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

local paths = {}
local counter = 0
local interval_ms = 1
local next_ms = nil

function init(args)
  local rate, threads, file = tonumber(args[1]), tonumber(args[2]), args[3]
  interval_ms = 1000 * threads / rate
  for line in io.lines(file) do table.insert(paths, line) end
  counter = math.random(#paths)
end

function delay()
  local now = now_ms()
  -- Slots missed while every connection was busy are dropped, not sent in a burst afterwards.
  if next_ms == nil or next_ms < now - interval_ms then next_ms = now end
  local wait = next_ms - now
  next_ms = next_ms + interval_ms
  return math.floor(wait)
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end

function done(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d seconds=%.1f rate=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000, errors))
end
