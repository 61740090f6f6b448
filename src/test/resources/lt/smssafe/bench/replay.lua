-- wrk script of the benchmark (lt.smssafe.bench.Wrk): replays pre-signed, unique requests.
-- Each wrk thread reads its own file, $BENCH_REQUESTS-<thread>.txt, one request line (path and query) a line,
-- in order, and never sends a line twice. It counts the requests it sent and the answers by status; done() prints
-- them with the latency percentiles as one line, "BENCH-RESULT {json}", for the Java side.
-- A thread that runs out of lines asks for /bench-exhausted (a 404) and counts it: the run is then invalid.

local threads = {}
local next_id = 0

function setup(thread)
   thread:set("id", next_id)
   table.insert(threads, thread)
   next_id = next_id + 1
end

function init(args)
   local name = os.getenv("BENCH_REQUESTS") .. "-" .. id .. ".txt"
   lines = assert(io.open(name, "r"))
   sent = 0
   exhausted = 0
   statuses = {}
end

function request()
   local line = lines:read("*l")
   if line == nil then
      exhausted = exhausted + 1
      return wrk.format("GET", "/bench-exhausted")
   end
   sent = sent + 1
   return wrk.format("GET", line)
end

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
   local total = {}
   local sent_by_thread = {}
   local exhausted_total = 0
   for i, thread in ipairs(threads) do
      for status, count in pairs(thread:get("statuses")) do
         total[status] = (total[status] or 0) + count
      end
      sent_by_thread[thread:get("id") + 1] = thread:get("sent")
      exhausted_total = exhausted_total + thread:get("exhausted")
   end
   local parts = {}
   for status, count in pairs(total) do
      table.insert(parts, string.format('"%d":%d', status, count))
   end
   local sent_parts = {}
   for i = 1, #sent_by_thread do
      table.insert(sent_parts, string.format("%d", sent_by_thread[i]))
   end
   local e = summary.errors
   io.write(string.format('BENCH-RESULT {"requests":%d,"duration_us":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,'
      .. '"max_us":%d,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},"exhausted":%d,'
      .. '"sent":[%s],"statuses":{%s}}\n',
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99),
      latency.max, e.connect, e.read, e.write, e.status, e.timeout, exhausted_total,
      table.concat(sent_parts, ","), table.concat(parts, ",")))
end
