"""Many servers on one machine: PostgreSQL, redis and N gunicorn servers on loopback ports.

`scripts/cluster N` runs one for people; the cluster test and the benchmarks drive one, killing a
server or stopping the database on purpose. Every server gets one secret key (a staff session made
on one is valid on all), one app database (PostgreSQL), one rate-limit store (redis) and one
registry (a file, or the snapshot folder when one is given). Ports: base (PostgreSQL), base + 1
(redis), base + 10 + i (server i). Loopback only; nothing here is for production.
"""
from __future__ import annotations

import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from verifier.appdb.localpg import LocalPostgres

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "verifier"


def wait_for(url: str, process: subprocess.Popen | None = None, seconds: float = 90) -> None:
    """Wait until a URL answers (any HTTP status), failing early if its process died."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{url}: the server exited with {process.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(url)


class LocalCluster:
    """PostgreSQL + redis + N gunicorn servers sharing one secret key, app database and limits."""

    def __init__(self, servers: int, base_port: int, registry: str | Path, workdir: str | Path | None = None,
                 snapshot_dir: str | Path | None = None, workers: int = 2, **env: str):
        self.count, self.base_port, self.workers = servers, base_port, workers
        self.registry, self.snapshot_dir = Path(registry).resolve(), snapshot_dir
        self.workdir = Path(workdir) if workdir else None
        self.env = env
        self.secret = secrets.token_hex(32)
        self.postgres = LocalPostgres(port=base_port, durable=True)
        self.redis: subprocess.Popen | None = None
        self.servers: list[subprocess.Popen | None] = [None] * servers

    @property
    def app_db(self) -> str:
        """Give the app database's URL (one PostgreSQL database for every server)."""
        return self.postgres.url(DATABASE)

    @property
    def redis_url(self) -> str:
        """Give the rate-limit store's URL."""
        return f"redis://127.0.0.1:{self.base_port + 1}/0"

    def url(self, i: int) -> str:
        """Give server i's base URL."""
        return f"http://127.0.0.1:{self.base_port + 10 + i}"

    def urls(self) -> list[str]:
        """Give every server's base URL."""
        return [self.url(i) for i in range(self.count)]

    def start(self) -> "LocalCluster":
        """Start PostgreSQL (with the app database), redis and every server; give self."""
        self.postgres.init().start()
        self.postgres.create_database(DATABASE)
        self.redis = subprocess.Popen(
            [shutil.which("redis-server") or "/usr/bin/redis-server", "--port", str(self.base_port + 1),
             "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--loglevel", "warning"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for i in range(self.count):
            self.start_server(i)
        for i in range(self.count):
            wait_for(self.url(i) + "/api/v1/health", self.servers[i])
        return self

    def server_env(self, i: int) -> dict[str, str]:
        """Give server i's environment: the shared settings plus its own port."""
        env = dict(os.environ, VERIFIER_APP_DB=self.app_db, RATELIMIT_STORAGE_URI=self.redis_url,
                   VERIFIER_SECRET_KEY=self.secret, VERIFIER_DB=str(self.registry),
                   GUNICORN_BIND=f"127.0.0.1:{self.base_port + 10 + i}", GUNICORN_WORKERS=str(self.workers),
                   VERIFIER_COOKIE_SECURE="0", GUNICORN_LOG_LEVEL="warning")
        if self.snapshot_dir:
            env["VERIFIER_SNAPSHOT_DIR"] = str(self.snapshot_dir)
        env.update(self.env)
        return env

    def start_server(self, i: int) -> subprocess.Popen:
        """Start (or start again) server i; give its process (not waiting for it to answer)."""
        log = open(self.log_path(i), "ab")  # a file, not a pipe: a full pipe would stall the server
        self.servers[i] = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "wsgi:app"],
                                           cwd=ROOT, env=self.server_env(i), stdout=log, stderr=log,
                                           start_new_session=True)
        log.close()
        return self.servers[i]

    def log_path(self, i: int) -> Path:
        """Give where server i writes its log."""
        folder = self.workdir or self.postgres.base
        return Path(folder) / f"server-{i}.log"

    def kill(self, i: int, sig: int = signal.SIGKILL) -> None:
        """Send a signal to server i's whole process group (master and workers); wait for its master."""
        process = self.servers[i]
        if process is not None and process.poll() is None:
            os.killpg(process.pid, sig)
            process.wait(timeout=30)

    def stop(self) -> None:
        """Stop every server, redis and PostgreSQL, and remove PostgreSQL's folder."""
        for i in range(self.count):
            try:
                self.kill(i, signal.SIGTERM)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                self.kill(i, signal.SIGKILL)
        if self.redis is not None and self.redis.poll() is None:
            self.redis.terminate()
            self.redis.wait(timeout=10)
        self.postgres.remove()

    def __enter__(self) -> "LocalCluster":
        """Give the cluster, started (everything stopped again if any part fails to start)."""
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc) -> None:
        """Stop every part."""
        self.stop()


def main(argv: list[str] | None = None) -> int:
    """Run `scripts/cluster N`: start the cluster, print its addresses, stop everything on Ctrl-C."""
    import signal as signals
    import tempfile
    import threading
    args = sys.argv[1:] if argv is None else argv
    count = int(args[0]) if args else 3
    if not 1 <= count <= 20:
        print("usage: scripts/cluster [N]   (1 to 20 servers)", file=sys.stderr)
        return 2
    base = int(os.environ.get("CLUSTER_PORT", "8100"))
    registry = os.environ.get("VERIFIER_DB", "data/verifier.db")
    snapshots = os.environ.get("VERIFIER_SNAPSHOT_DIR") or None
    stop = threading.Event()
    for sig in (signals.SIGINT, signals.SIGTERM):
        signals.signal(sig, lambda *_: stop.set())
    with LocalCluster(count, base, registry, workdir=tempfile.mkdtemp(prefix="verifier-cluster-"),
                      snapshot_dir=snapshots) as cluster:
        print(f"PostgreSQL  {cluster.app_db}\nredis       {cluster.redis_url}")
        if snapshots:
            print(f"snapshots   {snapshots}   (a new one: .venv/bin/python -m scrapers publish {snapshots})")
        for i, url in enumerate(cluster.urls()):
            print(f"server {i}    {url}   (log: {cluster.log_path(i)})")
        print(f"staff account: VERIFIER_APP_DB={cluster.app_db} .venv/bin/python -m verifier.cli.staff create NAME\n"
              "Ctrl-C stops every server, redis and PostgreSQL (its data is removed).", flush=True)
        while not stop.wait(1):
            for i, process in enumerate(cluster.servers):
                if process is not None and process.poll() is not None:
                    print(f"server {i} exited ({process.returncode}); see its log", file=sys.stderr, flush=True)
                    cluster.servers[i] = None
    return 0


if __name__ == "__main__":
    sys.exit(main())
