"""Fixtures for reports and moderation: a fresh app database per test, the real registry, staff."""
from __future__ import annotations

import re
import secrets

import pytest

from tests.conftest import ENGINES, new_app_db
from verifier import appdb

STAFF_NAME, STAFF_PASSWORD = "alice", "correct horse battery staple"


@pytest.fixture(params=ENGINES)
def app_db(request, tmp_path, monkeypatch):
    """Give a new app database for this test, on each engine in turn (VERIFIER_APP_DB points at it)."""
    target = new_app_db(request.param, request, tmp_path)
    monkeypatch.setenv("VERIFIER_APP_DB", str(target))
    return target


@pytest.fixture
def engine(registry_db, app_db):
    """Give an engine on the real registry and this test's app database."""
    from verifier.engine import Engine
    return Engine(registry_db, app_db)


@pytest.fixture
def app(registry_db, app_db):
    """Give the real app on the real registry and this test's app database."""
    from verifier.web import create_app
    return create_app({"TESTING": True, "VERIFIER_DB": str(registry_db), "VERIFIER_APP_DB": str(app_db),
                       "SECRET_KEY": secrets.token_hex(16)})


@pytest.fixture
def client(app):
    """Give a test client (its cookie jar keeps the session and CSRF token)."""
    return app.test_client()


@pytest.fixture
def staff(app):
    """Create a staff account and give its (name, password)."""
    appdb.create_staff(STAFF_NAME, STAFF_PASSWORD, "test")
    return STAFF_NAME, STAFF_PASSWORD


def csrf_from(html: str) -> str:
    """Give the CSRF token a page carries in its form."""
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    assert match, "no csrf_token in the page"
    return match.group(1)


def login(client, name: str = STAFF_NAME, password: str = STAFF_PASSWORD):
    """Log in through the real login form; give the response to the POST."""
    token = csrf_from(client.get("/staff/login").text)
    return client.post("/staff/login", data={"csrf_token": token, "username": name, "password": password})


def submit_report(client, **fields):
    """Fill the public form as a visitor would (token from the page); give the POST response."""
    page = client.get("/report", query_string={"name": fields.get("name", "")})
    data = {"kind": "report", "details": "They asked for a fee and kept passports.", **fields,
            "csrf_token": csrf_from(page.text)}
    return client.post("/report", data=data)


def ROOT_ENV(app_db) -> dict:  # noqa: N802 (reads like the constant it stands for)
    """Give the environment for a CLI subprocess on this test's app database."""
    import os
    from pathlib import Path
    root = Path(__file__).resolve().parents[2]
    return dict(os.environ, VERIFIER_APP_DB=str(app_db), PYTHONPATH=str(root))
