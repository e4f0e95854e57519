"""Load and fault runs against gunicorn on loopback; every run is bounded and stops by itself.

    .venv/bin/python benchmarks/load/run.py [steady|rebuild|kill|schema|all] [--seconds 60]

steady   wrk, 64 connections, 60 s on /api/v1/check (and 20 s on the no-op /api/v1/health to compare)
rebuild  the same load while `python -m scrapers run --offline data/sources` rebuilds and swaps
         the served registry; then checks every worker saw the new file, and that a report approved
         in the app database turns the verdict into `warning` on every answer
kill     the same load while one gunicorn worker is killed with SIGKILL
schema   schemathesis against /api/v1/openapi.json (no server errors allowed)

The server gets its own copy of the registry and an app database in a temporary folder; nothing
here listens beyond 127.0.0.1. Figures are printed as JSON lines (`RESULT {...}`).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path


ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # the rebuild run changes the served app database through verifier.appdb.ngo
SOURCES = ROOT / "data" / "sources"
PY = str(ROOT / ".venv" / "bin" / "python")
API_KEY = "load-test-key"
NGO_NAME = "Invented Fixture Bridge Overseas Employment"  # on no registry list; the rebuild run lists it


def free_port() -> int:
    """Return a free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """gunicorn on 127.0.0.1 with its own registry copy and app database; stopped on exit."""

    def __init__(self, workdir: Path, workers: int = 2) -> None:
        self.port = free_port()
        self.db, self.app_db = workdir / "verifier.db", workdir / "app.db"
        self.env = dict(os.environ, VERIFIER_DB=str(self.db), VERIFIER_APP_DB=str(self.app_db),
                        VERIFIER_API_KEYS=API_KEY, VERIFIER_API_PARTNER_RATE_LIMIT="100000000/minute",
                        GUNICORN_WORKERS=str(workers), GUNICORN_BIND=f"127.0.0.1:{self.port}")
        if not self.db.exists():
            subprocess.run([PY, "-m", "scrapers", "run", "--offline", str(SOURCES)], cwd=ROOT,
                           env=self.env, check=True, capture_output=True)
        self.proc = subprocess.Popen([str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "gunicorn.conf.py", "wsgi:app"],
                                     cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=open(workdir / "gunicorn.log", "w"))
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                self.get("/api/v1/health")
                return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("gunicorn did not come up in 120 s")

    def url(self, path: str) -> str:
        """Return the full loopback URL of a path."""
        return f"http://127.0.0.1:{self.port}{path}"

    def get(self, path: str) -> dict:
        """GET a JSON path with the partner key; return the decoded body."""
        req = urllib.request.Request(self.url(path), headers={"X-API-Key": API_KEY})
        with urllib.request.urlopen(req, timeout=10) as response:
            return json.load(response)

    def workers(self) -> list[int]:
        """Return the pids of the gunicorn workers (children of the master)."""
        out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(self.proc.pid)], capture_output=True, text=True).stdout
        return [int(p) for p in out.split()]

    def stop(self) -> None:
        """Stop gunicorn (the master we started, which stops its workers)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def wrk(server: Server, seconds: int, connections: int = 64, path: str = "/api/v1/check") -> dict:
    """Run wrk for a bounded time; return its figures."""
    env = dict(os.environ, LOAD_API_KEY=API_KEY, LOAD_PATH=path)
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "5s",
                          "-s", str(Path(__file__).with_name("check.lua")), server.url("/")],
                         env=env, capture_output=True, text=True, timeout=seconds + 60).stdout
    line = next(ln for ln in out.splitlines() if ln.startswith("RESULT "))
    result = json.loads(line[7:])
    result["errors"] = sum(result[k] for k in ("connect_errors", "read_errors", "write_errors", "non_2xx", "timeouts"))
    return result


def report(name: str, **figures) -> None:
    """Print one run's figures as a JSON line."""
    print("RESULT " + json.dumps({"run": name, **figures}), flush=True)


def run_steady(server: Server, seconds: int) -> None:
    """No-op baseline, then the check endpoint under 64 connections."""
    report("noop /api/v1/health c64 20s", **wrk(server, 20, path="/api/v1/health"))
    report(f"check /api/v1/check c64 {seconds}s", **wrk(server, seconds))


def sources_stamp(server: Server) -> tuple:
    """Return the registry sources' last attempts as one answer sees them."""
    return tuple(sorted((s["id"], s.get("last_attempt")) for s in server.get("/api/v1/sources")["sources"]
                        if s["id"] != "ngo_warnings"))


def run_rebuild(server: Server, seconds: int) -> None:
    """Load while the registry is rebuilt and swapped; then the NGO list changes under load too."""
    before = sources_stamp(server)
    outcome = {}

    def rebuild() -> None:
        time.sleep(min(15, seconds / 4))
        started = time.monotonic()
        done = subprocess.run([PY, "-m", "scrapers", "run", "--offline", str(SOURCES)], cwd=ROOT, env=server.env,
                              capture_output=True, text=True, timeout=600)
        outcome.update(rebuild_exit=done.returncode, rebuild_seconds=round(time.monotonic() - started, 1))

    thread = threading.Thread(target=rebuild)
    thread.start()
    figures = wrk(server, seconds)
    thread.join()
    after = {sources_stamp(server) for _ in range(40)}  # many answers, so every worker is asked
    report(f"check c64 {seconds}s with registry rebuild+swap", **figures, **outcome,
           swap_noticed_by_all_answers=(len(after) == 1 and before not in after))

    from verifier import appdb, ngo  # the served app database, as staff would change it
    os.environ["VERIFIER_APP_DB"] = str(server.app_db)
    verdicts_before = {server.get(f"/api/v1/check?q={urllib.request.quote(NGO_NAME)}")["verdict"] for _ in range(20)}
    report_id = appdb.submit_report({"kind": "report", "name": NGO_NAME, "details": "load-test report"})
    ngo.approve(report_id, "load-test", "load-test listing")
    verdicts_after = [server.get(f"/api/v1/check?q={urllib.request.quote(NGO_NAME)}")["verdict"] for _ in range(40)]
    report("approval seen by every worker", before=sorted(verdicts_before),
           after_warning=verdicts_after.count("warning"), after_total=len(verdicts_after))


def run_kill(server: Server, seconds: int) -> None:
    """Load while one worker is killed with SIGKILL; gunicorn starts a new one."""
    killed = {}

    def kill() -> None:
        time.sleep(seconds / 3)
        victim = server.workers()[0]
        os.kill(victim, signal.SIGKILL)
        killed.update(pid=victim, at_s=round(seconds / 3, 1))

    thread = threading.Thread(target=kill)
    workers_before = server.workers()
    thread.start()
    figures = wrk(server, seconds)
    thread.join()
    report(f"check c64 {seconds}s with one worker SIGKILLed", **figures, killed_worker=killed,
           workers_before=len(workers_before), workers_after=len(server.workers()))


def run_schema(server: Server) -> None:
    """schemathesis against the OpenAPI document: server errors first (must be 0), then every check."""
    st = ROOT / ".venv" / "bin" / "schemathesis"
    if not st.exists():
        report("schemathesis", skipped="pip install schemathesis into .venv first")
        return
    for checks in ("not_a_server_error", "all"):
        done = subprocess.run([str(st), "run", server.url("/api/v1/openapi.json"), "--checks", checks,
                               "--max-examples", "100", "-H", f"X-API-Key: {API_KEY}", "--request-timeout", "10",
                               "--seed", "1"], cwd=server.db.parent, capture_output=True, text=True, timeout=900)
        lines = done.stdout.strip().splitlines()
        summary = [ln.strip() for ln in lines if "generated" in ln or "❌" in ln or "passed" in ln or "failure" in ln]
        print("\n".join(lines[-30:]) if done.returncode else "", flush=True)
        report(f"schemathesis --checks {checks}", exit=done.returncode, summary=summary[-6:])


def main() -> int:
    """Start one server, run the chosen scenarios, stop the server."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("scenario", nargs="?", default="all", choices=["steady", "rebuild", "kill", "schema", "all"])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("wrk is needed: apt-get install -y wrk", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="load-") as tmp:
        server = Server(Path(tmp), args.workers)
        try:
            for name in (["steady", "rebuild", "kill", "schema"] if args.scenario == "all" else [args.scenario]):
                {"steady": lambda: run_steady(server, args.seconds),
                 "rebuild": lambda: run_rebuild(server, args.seconds),
                 "kill": lambda: run_kill(server, min(args.seconds, 30)),
                 "schema": lambda: run_schema(server)}[name]()
        finally:
            server.stop()
            print((Path(tmp) / "gunicorn.log").read_text()[-3000:], file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
