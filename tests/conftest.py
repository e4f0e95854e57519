"""Shared fixtures: the real registry database, built by the real scrapers from the saved sources."""
from __future__ import annotations

import itertools
import os
from pathlib import Path

from scrapers import BUNDLED_SOURCES

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_SOURCES = BUNDLED_SOURCES


@pytest.fixture(scope="session")
def shared_sources() -> Path:
    """Return the folder of real saved source data (it must exist: tests never download)."""
    assert SHARED_SOURCES.is_dir(), f"real saved sources expected at {SHARED_SOURCES}"
    return SHARED_SOURCES


@pytest.fixture(scope="session")
def registry_db(tmp_path_factory, shared_sources) -> Path:
    """Build the registry from the saved sources once per session and point VERIFIER_DB at it."""
    from scrapers.runner import run
    path = tmp_path_factory.mktemp("registry") / "verifier.db"
    outcomes = run([], shared_sources, path)
    assert all(o.ok for o in outcomes), [o.error for o in outcomes if not o.ok]
    os.environ["VERIFIER_DB"] = str(path)
    return path


@pytest.fixture(scope="session", autouse=True)
def default_app_db(tmp_path_factory) -> Path:
    """Point VERIFIER_APP_DB at a temporary file, so no test writes the work tree's data/app.db."""
    path = tmp_path_factory.mktemp("appdb") / "app.db"
    os.environ.setdefault("VERIFIER_APP_DB", str(path))
    return Path(os.environ["VERIFIER_APP_DB"])


@pytest.fixture(scope="session")
def app_db(default_app_db) -> Path:
    """Give the session's app database (tests/reports gives each test its own, on both engines)."""
    return default_app_db


@pytest.fixture(scope="session")
def engine(registry_db, app_db):
    """Give an engine on the real registry and the session's app database (as the CLI makes one)."""
    from verifier.engine import Engine
    return Engine(registry_db, app_db)


# --- the app database on both engines ---------------------------------------------------------

ENGINES = ("sqlite", "postgresql")
_databases = itertools.count()


@pytest.fixture(scope="session")
def postgres_server():
    """Start one private PostgreSQL for the session (as an unprivileged user when run as root)."""
    from verifier.appdb.backend import close_pools
    from verifier.appdb.localpg import LocalPostgres
    with LocalPostgres(durable=False) as server:
        yield server
        close_pools()


def new_app_db(engine: str, request, tmp_path: Path) -> Path | str:
    """Give a new, empty app database on one engine: an SQLite file, or a fresh PostgreSQL database."""
    if engine == "sqlite":
        return tmp_path / "app.db"
    from verifier.appdb.backend import close_pools
    server = request.getfixturevalue("postgres_server")
    name = f"app_{os.getpid()}_{next(_databases)}"
    url = server.create_database(name)

    def drop() -> None:
        from verifier.appdb import searchcounts
        try:
            searchcounts.flush_counts(url)  # nothing left pending for a database about to go
        except Exception:  # noqa: BLE001 (a test that stopped the server: the counts go with it)
            searchcounts._take(url)
        close_pools()
        server.drop_database(name)
    request.addfinalizer(drop)
    return url
