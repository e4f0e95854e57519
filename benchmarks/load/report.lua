-- wrk script: POST invented reports to /api/v1/reports, each from one of 250 documentation
-- addresses (X-Forwarded-For, behind one proxy hop); print one JSON line of figures at the end.
local i = 0
local thread_id = math.random(1, 1000000)

request = function()
  i = i + 1
  local body = string.format('{"name":"Invented benchmark agency %d-%d","details":"Invented report for a load run."}',
    thread_id, i)
  return wrk.format("POST", "/api/v1/reports", {
    ["Content-Type"] = "application/json",
    ["X-Forwarded-For"] = string.format("203.0.113.%d", (i % 250) + 1),
  }, body)
end

done = function(summary, latency, requests)
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write(string.format('RESULT {"requests":%d,"seconds":%.1f,"rps":%.1f,"connect_errors":%d,'
    .. '"read_errors":%d,"write_errors":%d,"non_2xx":%d,"timeouts":%d,"p50_ms":%.1f,'
    .. '"p90_ms":%.1f,"p99_ms":%.1f,"max_ms":%.1f}\n', summary.requests, secs, summary.requests / secs,
    e.connect, e.read, e.write, e.status, e.timeout, latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
