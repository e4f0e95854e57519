#!/usr/bin/env bash
# Load test of /api/v1/check (by phone and by name) against the no-op /api/v1/health of the same
# app, same gunicorn settings, same run, on loopback, with wrk. Prints req/s, p99 and ratios.
# Usage: benchmarks/load_api.sh [registry.db]   (env: DURATION=10s THREADS=2 CONNS=16 WORKERS=2)
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:-${VERIFIER_DB:-data/verifier.db}}
DURATION=${DURATION:-10s}; THREADS=${THREADS:-2}; CONNS=${CONNS:-16}; WORKERS=${WORKERS:-2}
PY=${PY:-.venv/bin/python}
PORT=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
URL="http://127.0.0.1:$PORT"
[ -f "$DB" ] || { echo "no registry at $DB (build it: VERIFIER_DB=$DB $PY -m scrapers run --offline data/sources)"; exit 1; }

# Rate limits stay on (their cost is part of the measurement) but high enough never to trigger.
VERIFIER_DB="$DB" GUNICORN_BIND="127.0.0.1:$PORT" GUNICORN_WORKERS="$WORKERS" \
  VERIFIER_API_RATE_LIMIT="100000000/minute" $PY -m gunicorn -c gunicorn.conf.py wsgi:app \
  2>/tmp/load_api.gunicorn.log &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null' EXIT
for _ in $(seq 100); do curl -fs "$URL/api/v1/health" >/dev/null && break; sleep 0.2; done

# Real records from data/sources (DMW directory 2026-09-14).
PHONE='%2802%29%2086818959'            # (02) 86818959
NAME='101%20MOJO%20INT%60L.%20CORPORATION'
declare -A PATHS=([noop]="/api/v1/health" [phone]="/api/v1/check?q=$PHONE" [name]="/api/v1/check?q=$NAME")
declare -A RPS P99
for kind in noop phone name; do
  curl -fs "$URL${PATHS[$kind]}" >/dev/null
  out=$(wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency "$URL${PATHS[$kind]}")
  RPS[$kind]=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  P99[$kind]=$(awk '$1=="99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out"); [ -z "$non2xx" ] || echo "WARNING: $kind had $non2xx non-2xx answers"
done
echo "gunicorn workers=$WORKERS, wrk -t$THREADS -c$CONNS -d$DURATION, registry $DB"
printf '%-6s %10s %10s %8s\n' endpoint req/s p99 "% noop"
for kind in noop phone name; do
  printf '%-6s %10s %10s %7.1f%%\n' "$kind" "${RPS[$kind]}" "${P99[$kind]}" \
    "$(awk -v a="${RPS[$kind]}" -v b="${RPS[noop]}" 'BEGIN {print 100*a/b}')"
done
