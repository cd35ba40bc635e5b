-- wrk script for bench/load.sh: POSTs real pages to /v1/clean as text/html, round robin.
-- Usage: wrk ... -s bench/clean.lua http://127.0.0.1:PORT/v1/clean -- PAGE-LIST-FILE
-- PAGE-LIST-FILE names one HTML file per line. Each wrk thread loads every page once at start
-- and starts at its own place in the list.

local requests = {}
local next_page = 0

function init(args)
  local list = args[1]
  if list == nil then
    error("clean.lua needs the page list file after --")
  end
  for path in io.lines(list) do
    local f = assert(io.open(path, "rb"))
    local body = f:read("*a")
    f:close()
    requests[#requests + 1] = wrk.format("POST", nil, {
      ["Content-Type"] = "text/html; charset=UTF-8",
      ["Accept"] = "application/json",
    }, body)
  end
  if #requests == 0 then
    error("no pages in " .. list)
  end
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
  next_page = math.random(#requests) - 1
end

function request()
  next_page = next_page % #requests + 1
  return requests[next_page]
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local failed = e.status + e.connect + e.read + e.write + e.timeout
  io.write(string.format(
    "RESULT requests=%d ok=%d seconds=%.1f pages_per_s=%.1f mean_ms=%.2f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d timeouts=%d\n",
    summary.requests, summary.requests - failed, seconds, (summary.requests - failed) / seconds,
    latency.mean / 1000, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    e.status, e.connect + e.read + e.write, e.timeout))
end
