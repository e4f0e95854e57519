"""A real gunicorn with the project's config on loopback, for tests that need their own server."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    """Give a free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    """Wait until the URL answers 200, failing early if the server process died."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(url)


@contextmanager
def gunicorn(registry: str | Path, app_db: str | Path, error_log: str | Path | None = None, **env: str):
    """Run `gunicorn -c gunicorn.conf.py wsgi:app` on a free port; give its base URL."""
    port = free_port()
    full_env = dict(os.environ, VERIFIER_DB=str(registry), VERIFIER_APP_DB=str(app_db),
                    GUNICORN_BIND=f"127.0.0.1:{port}", GUNICORN_WORKERS="2",
                    VERIFIER_API_RATE_LIMIT="100000/minute", VERIFIER_PAGE_RATE_LIMIT="100000/minute",
                    GUNICORN_ERROR_LOG=str(error_log or "-"), GUNICORN_LOG_LEVEL="warning", **env)
    log = tempfile.TemporaryFile()  # a file, not a pipe: a full pipe would stall the server
    process = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "wsgi:app"],
                               cwd=ROOT, env=full_env, stdout=subprocess.DEVNULL, stderr=log)
    url = f"http://127.0.0.1:{port}"
    try:
        try:
            wait_until_up(url + "/api/v1/health", process)
        except (RuntimeError, TimeoutError) as error:
            log.seek(0)
            raise RuntimeError(f"{error}: {log.read()[-3000:].decode(errors='replace')}") from None
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()
