"""The stated rate limit is the limit: gunicorn's workers share one count through redis.

`memory://` keeps one count per worker, so "10/minute" lets up to 10 × workers through; the
control run shows the test can tell the two apart.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from support import ROOT, free_port, wait_until_up

REDIS = shutil.which("redis-server") or "/usr/bin/redis-server"
LIMIT, SENT = 10, 30


@pytest.fixture
def redis_uri(tmp_path):
    """Run a private redis-server on a unix socket (no TCP port, nothing saved); give its URI."""
    assert os.path.exists(REDIS), "redis-server is not installed: run scripts/test (apt redis-server)"
    sock = tmp_path / "redis.sock"
    process = subprocess.Popen([REDIS, "--port", "0", "--unixsocket", str(sock), "--unixsocketperm", "700",
                                "--save", "", "--appendonly", "no"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while not sock.exists() and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    assert sock.exists(), "redis-server did not start"
    yield f"redis+unix://{sock}"
    process.terminate()
    process.wait(timeout=10)


def serve(web_db: str, storage: str):
    """Start gunicorn with 2 workers and a 10/minute API limit on the given storage; give (process, url)."""
    port = free_port()
    env = dict(os.environ, VERIFIER_DB=web_db, GUNICORN_BIND=f"127.0.0.1:{port}", GUNICORN_WORKERS="2",
               VERIFIER_API_RATE_LIMIT=f"{LIMIT}/minute", RATELIMIT_STORAGE_URI=storage)
    process = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "wsgi:app"],
                               cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    wait_until_up(url + "/api/v1/health", process, seconds=60)  # health is exempt from the limit
    return process, url


def status_of(url: str) -> int:
    """Give the HTTP status of one GET (a fresh connection each time, so any worker may answer)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def passed(web_db: str, storage: str) -> list[int]:
    """Send SENT requests, 6 at a time so both workers answer; give every status."""
    process, url = serve(web_db, storage)
    try:
        with ThreadPoolExecutor(6) as pool:
            return list(pool.map(status_of, [url + "/api/v1/sources"] * SENT))
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_workers_share_one_count_in_redis(web_db, redis_uri):
    statuses = passed(web_db, redis_uri)
    assert statuses.count(200) == LIMIT and statuses.count(429) == SENT - LIMIT


def test_memory_storage_counts_per_worker(web_db):
    """The control: with a count per worker more than LIMIT get through, once the kernel has handed
    connections to both workers (one threaded worker may take a whole burst: up to three servers)."""
    passes = []
    for _ in range(3):
        passes.append(passed(web_db, "memory://").count(200))
        if passes[-1] > LIMIT:
            break
    assert max(passes) > LIMIT, passes  # why scripts/serve starts redis


def test_an_unreachable_storage_falls_back_to_counting_per_worker(web_db, tmp_path):
    from verifier.web import create_app

    app = create_app({"TESTING": True, "VERIFIER_DB": web_db, "WARM_INDEX": False, "API_RATE_LIMIT": "3/minute",
                      "RATELIMIT_STORAGE_URI": f"redis+unix://{tmp_path}/gone.sock"})
    client = app.test_client()
    assert [client.get("/api/v1/sources").status_code for _ in range(5)] == [200, 200, 200, 429, 429]
