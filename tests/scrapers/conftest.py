"""Fixtures for the scraper tests: a database built offline by the real CLI, a real local server."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from scraper_helpers import ARTIFACTS, PHONE_REPORT, SOURCES, cli


@pytest.fixture(scope="session")
def sources() -> Path:
    """Return data/sources, the real saved source data (the tests never download)."""
    assert SOURCES.is_dir(), f"real saved sources expected at {SOURCES}"
    return SOURCES


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Return tests/artifacts (gitignored), for figures a reader wants to see."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def offline_db(tmp_path_factory, sources) -> Path:
    """Build a database from data/sources with the real CLI, once; tests work on copies."""
    path = tmp_path_factory.mktemp("offline") / "verifier.db"
    result = cli(path, "run", "--offline", str(sources))
    assert result.returncode == 0, result.stderr
    return path


@pytest.fixture
def db(offline_db, tmp_path) -> Path:
    """Return a private copy of the offline-built database in this test's tmp_path."""
    path = tmp_path / "verifier.db"
    shutil.copyfile(offline_db, path)
    return path


@pytest.fixture(scope="session")
def _server():
    """A threaded local HTTP server (a handler that sleeps must not hold up the retries behind it),
    with a robots.txt that allows everything but /robots-blocked/."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    server.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /robots-blocked/\n", content_type="text/plain")
    yield server
    server.clear()
    if server.is_running():
        server.stop()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Print the phone coverage figure and its misses at the end of the run (also without -s)."""
    if text := config.stash.get(PHONE_REPORT, None):
        terminalreporter.section("phone coverage (tests/artifacts/phone_coverage.txt)")
        terminalreporter.write(text)
