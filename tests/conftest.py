"""Shared fixtures: the real registry database, built by the real scrapers from the saved sources."""
from __future__ import annotations

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
def app_db(tmp_path_factory) -> Path:
    """Point VERIFIER_APP_DB at a temporary file, so no test writes the work tree's data/app.db."""
    path = tmp_path_factory.mktemp("appdb") / "app.db"
    os.environ.setdefault("VERIFIER_APP_DB", str(path))
    return Path(os.environ["VERIFIER_APP_DB"])


@pytest.fixture(scope="session")
def engine(registry_db, app_db):
    """Give an engine on the real registry and the session's app database (as the CLI makes one)."""
    from verifier.engine import Engine
    return Engine(registry_db, app_db)
