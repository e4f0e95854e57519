-- wrk script: rotate /api/v1/check over real names, phones and licences from data/sources
-- (and names on no list), send the partner key, print one JSON line of figures at the end.
local queries = {
  "q=101%20MOJO%20INT%60L.%20CORPORATION",
  "q=%2802%29%2086818959",
  "q=%D0%A2%D0%9E%D0%9E%20%22%D0%94%D0%AB%D0%9C%D0%9A%D0%90%22",
  "name=3D%20MANPOWER%20%26%20PLACEMENT%20SERVICES%20CORP.&phone=%2B63%202%208123%204567",
  "q=Invented%20Fixture%20Bridge%20Overseas%20Employment",
  "q=%2B7%20701%20555%2001%2099",
  "q=Silk%20Road%20Kadry%20Agency",
}
local i = 0
local key = os.getenv("LOAD_API_KEY") or ""
local path = os.getenv("LOAD_PATH") or "/api/v1/check"

request = function()
  i = i + 1
  local url = path
  if path == "/api/v1/check" then url = path .. "?" .. queries[(i % #queries) + 1] end
  return wrk.format("GET", url, { ["X-API-Key"] = key })
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
