-- wrk script: a fixed request rate instead of wrk's "as fast as possible", so latency is measured
-- at a stated load. Each connection waits 1000 * connections / rate ms between requests and
-- cycles through the paths in PATHS_FILE (one per line). Non-2xx/3xx answers are counted as errors.
local paths = {}
local counter = 0
local pause_ms = 1

function init(args)
  local rate, connections, file = tonumber(args[1]), tonumber(args[2]), args[3]
  pause_ms = 1000 * connections / rate
  for line in io.lines(file) do table.insert(paths, line) end
  counter = math.random(#paths)
end

function delay()
  return pause_ms
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
