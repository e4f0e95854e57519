"""One engine per app: two apps on two registries answer from their own; missing lists answer 503."""
from __future__ import annotations

import shutil
import sqlite3

import pytest

from scrapers.runner import run
from support import SOURCES


@pytest.fixture(scope="module")
def kgd_only(tmp_path_factory):
    """Give a registry holding the KGD warning list only (the other built-ins never loaded)."""
    path = tmp_path_factory.mktemp("kgd") / "verifier.db"
    assert all(o.ok for o in run(["kz_kgd"], SOURCES, path))
    return path


def make_app(registry, app_db, **extra):
    """Give a test app on a registry and an app database."""
    from verifier.web import create_app
    return create_app({"TESTING": True, "VERIFIER_DB": str(registry), "VERIFIER_APP_DB": str(app_db),
                       "SECRET_KEY": "test", **extra})


def test_two_apps_answer_each_from_their_own_registry(web_db, kgd_only, tmp_path):
    first = make_app(web_db, tmp_path / "a.db")
    second = make_app(kgd_only, tmp_path / "b.db", VERIFIER_REQUIRED_SOURCES="kz_kgd")
    query = {"q": "101 Mojo International Corporation"}
    assert first.test_client().get("/api/v1/check", query_string=query).get_json()["verdict"] == "licensed"
    assert second.test_client().get("/api/v1/check", query_string=query).get_json()["verdict"] == "not_found"
    # ...and the first still answers from its own file after the second was created and used.
    assert first.test_client().get("/api/v1/check", query_string=query).get_json()["verdict"] == "licensed"
    assert first.extensions["verifier"] is not second.extensions["verifier"]


def test_a_registry_missing_a_built_in_source_gives_no_verdict(kgd_only, tmp_path):
    client = make_app(kgd_only, tmp_path / "app.db").test_client()
    api = client.get("/api/v1/check", query_string={"q": "TOO Dymka"})
    assert api.status_code == 503
    body = api.get_json()
    assert body["ok"] is False and body["status"] == 503 and "lists are not loaded" in body["error"]
    assert "ph_dmw" in body["error"]
    page = client.get("/check", query_string={"q": "TOO Dymka", "lang": "ru"})
    assert page.status_code == 503 and "Списки, по которым идёт проверка, не загружены" in page.text
    assert "Warning" not in page.text and "Not found" not in page.text and "Не найдено" not in page.text
    for path in ("/hotline", "/embed"):
        assert client.get(path, query_string={"q": "TOO Dymka"}).status_code == 503
    health = client.get("/api/v1/health")
    assert health.status_code == 503
    states = {s["id"]: s["state"] for s in health.get_json()["sources"]}
    assert states["kz_kgd"] in ("ok", "stale") and states["ph_dmw"] == "missing"


@pytest.mark.parametrize("damage", ["missing", "garbage", "truncated", "empty"])
def test_a_broken_registry_fails_health_and_checks(web_db, tmp_path, damage):
    path = tmp_path / "verifier.db"
    if damage == "garbage":
        path.write_bytes(b"not a database at all" * 100)
    elif damage == "truncated":
        shutil.copy(web_db, path)
        with open(path, "r+b") as fh:
            fh.truncate(8192)
    elif damage == "empty":
        sqlite3.connect(path).close()
    client = make_app(path, tmp_path / "app.db", WARM_INDEX=False).test_client()
    for url in ("/api/v1/health", "/api/v1/check?q=TOO+Dymka"):
        response = client.get(url)
        assert response.status_code == 503, (url, response.get_json())
        assert response.get_json()["ok"] is False


def test_every_source_failed_gives_no_verdict(web_db, tmp_path):
    path = tmp_path / "verifier.db"
    shutil.copy(web_db, path)
    with sqlite3.connect(path) as conn:  # as after a run in which every source failed, first time
        conn.execute("update sources set last_success = null, last_outcome = 'failed'")
        conn.execute("update agencies set removed_at = '2026-01-01'")
    client = make_app(path, tmp_path / "app.db").test_client()
    assert client.get("/api/v1/check", query_string={"q": "TOO Dymka"}).status_code == 503
    assert client.get("/api/v1/health").status_code == 503


def test_health_is_ok_on_the_full_registry(client):
    response = client.get("/api/v1/health")
    assert response.status_code == 200, response.get_json()
    states = {s["id"]: s["state"] for s in response.get_json()["sources"]}
    assert {"ph_dmw", "hk_eaa", "kz_kgd"} <= states.keys() and "missing" not in states.values()


def test_a_warmed_app_holds_no_registry_connection_and_each_fork_opens_its_own(web_db, tmp_path):
    """gunicorn preloads the app in its master: the index is shared, the SQLite connection never is."""
    import os

    app = make_app(web_db, tmp_path / "fork.db", WARM_INDEX=True)
    engine = app.extensions["verifier"]
    warmed = engine._loaded
    assert warmed is not None and warmed.pid is None  # built, and its connection closed
    with pytest.raises(sqlite3.ProgrammingError):
        warmed.conn.execute("select 1")
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # the worker: answers from the same index through a connection of its own
        try:
            loaded = engine.loaded()
            ok = loaded.index is warmed.index and loaded.pid == os.getpid()
            ok = ok and engine.check("TOO Dymka")["verdict"] == "warning"
            os.write(write, b"1" if ok else b"0")
        finally:
            os._exit(0)
    os.waitpid(child, 0)
    assert os.read(read, 1) == b"1"
    assert engine.loaded().pid == os.getpid()
