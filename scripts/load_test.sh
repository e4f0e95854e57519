#!/usr/bin/env bash
# Load and fault runs on loopback (bounded; they stop by themselves). Not part of the test suite.
#   scripts/load_test.sh [steady|rebuild|kill|schema|all] [--seconds 60] [--workers 2]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 2; }
exec .venv/bin/python benchmarks/load/run.py "$@"
