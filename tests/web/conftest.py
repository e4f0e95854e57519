"""Fixtures for the web tests: the real registry built from data/sources, the app, a client."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from support import ROOT, SOURCES, compile_catalogues, free_port, wait_until_up


@pytest.fixture(scope="session")
def web_db(request, tmp_path_factory) -> str:
    """Give the path of a registry built by the scrapers (the top-level fixture when present)."""
    compile_catalogues()
    if "registry_db" in request.fixturenames or _has_fixture(request, "registry_db"):
        return str(request.getfixturevalue("registry_db"))
    path = tmp_path_factory.mktemp("registry") / "verifier.db"
    env = dict(os.environ, VERIFIER_DB=str(path))
    subprocess.run([sys.executable, "-m", "scrapers", "run", "--offline", str(SOURCES)],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    os.environ["VERIFIER_DB"] = str(path)
    return str(path)


def _has_fixture(request, name: str) -> bool:
    """Tell whether a fixture of that name is defined for this test session."""
    return bool(request.session._fixturemanager.getfixturedefs(name, request.node))


@pytest.fixture
def app(web_db):
    """Give a fresh app on the real registry."""
    from verifier.web import create_app

    return create_app({"TESTING": True, "VERIFIER_DB": web_db, "SECRET_KEY": "test"})


@pytest.fixture
def client(app):
    """Give a test client for the app."""
    return app.test_client()


@pytest.fixture(scope="session")
def live_server(web_db, tmp_path_factory) -> dict:
    """Run gunicorn with the project's config on loopback; give its URL and access-log path."""
    port = free_port()
    log = tmp_path_factory.mktemp("gunicorn") / "access.log"
    env = dict(os.environ, VERIFIER_DB=web_db, GUNICORN_BIND=f"127.0.0.1:{port}",
               GUNICORN_WORKERS="2", GUNICORN_ACCESS_LOG=str(log),
               VERIFIER_API_RATE_LIMIT="2000/minute", VERIFIER_PAGE_RATE_LIMIT="2000/minute")
    process = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py",
                                "wsgi:app"], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url + "/api/v1/health", process)
        yield {"url": url, "access_log": log, "pid": process.pid}
    finally:
        process.terminate()
        process.wait(timeout=20)
