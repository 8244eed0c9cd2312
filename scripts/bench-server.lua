-- wrk script of scripts/bench-server.sh: POST /v1/route, one JSON request per HTTP request,
-- cycling the lines of the file given after "--" (one request per line), each thread from its own
-- line on; done() prints one line for the script to read:
--   RESULT <requests> <duration µs> <p50 µs> <p99 µs> <non-2xx answers> <socket errors>
--
--   wrk -t2 -c16 -d10s -s scripts/bench-server.lua http://127.0.0.1:8080 -- requests.jsonl

local requests = {}
local next_one = 0
local threads = 0

function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

function init(args)
  local path = args[1] or error("give the file of requests after --")
  for line in io.lines(path) do
    requests[#requests + 1] = wrk.format("POST", "/v1/route", { ["Content-Type"] = "application/json" }, line)
  end
  if #requests == 0 then error("no request in " .. path) end
  next_one = (id or 0) % #requests
end

function request()
  next_one = next_one % #requests + 1
  return requests[next_one]
end

function done(summary, latency, _)
  local errors = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), errors.status,
    errors.connect + errors.read + errors.write + errors.timeout))
end
