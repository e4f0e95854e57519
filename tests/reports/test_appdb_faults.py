"""App-database faults: a locked or full app database never fails a check and loses no counts.

Issue 16: search counts were flushed inside the request, so with the app database write-locked
checks answered 500, and the failed batch was cleared before the write and lost. On both engines:
the write lock is SQLite's EXCLUSIVE lock or PostgreSQL's advisory lock, held by another connection.
"""
from __future__ import annotations

import http.cookiejar
import re
import secrets
import sqlite3
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tests.appdb_engines import scalar, write_locked
from tests.live import gunicorn
from verifier import appdb
from verifier.appdb import searchcounts
from verifier.appdb.backend import unavailable_errors

QUERIES = ("Sana Sezim", "+63 2 8721 1144", "zzqx invented agency")


def stored_searches(target) -> int:
    """Give the total of the search counts stored in an app database."""
    return scalar(target, "select coalesce(sum(n), 0) from search_counts")


def test_a_failed_flush_keeps_its_counts(app_db):
    appdb.migrate(app_db)
    for _ in range(3):
        searchcounts.count_search("not_found")  # VERIFIER_APP_DB is this test's database
    with write_locked(app_db):
        with pytest.raises(unavailable_errors()):
            searchcounts.flush_counts()
    assert stored_searches(app_db) == 0
    searchcounts.flush_counts()  # the lock is gone: the kept counts land now
    assert stored_searches(app_db) == 3


@pytest.fixture
def full_disk(tmp_path):
    """Give an app database on a tiny file system, and a filler file that takes its free space."""
    mount = tmp_path / "small"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount)],
                      capture_output=True).returncode != 0:
        pytest.skip("mounting a small tmpfs needs root")
    try:
        path = mount / "app.db"
        appdb.migrate(path)
        yield path, mount / "filler"
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=True)


def fill(filler) -> None:
    """Write to filler until the file system is full."""
    with open(filler, "wb", buffering=0) as out:
        try:
            while out.write(b"\0" * 4096):
                pass
        except OSError:
            pass


def test_disk_full_report_gets_try_again_page_and_counts_wait(full_disk, registry_db):
    from verifier.web import create_app
    path, filler = full_disk
    app = create_app({"TESTING": True, "VERIFIER_DB": str(registry_db), "VERIFIER_APP_DB": str(path),
                      "SECRET_KEY": secrets.token_hex(8), "WTF_CSRF_ENABLED": False,
                      "RATELIMIT_ENABLED": False})
    client = app.test_client()
    fill(filler)
    check = client.get("/api/v1/check", query_string={"q": "Sana Sezim"})
    assert check.status_code == 200
    response = client.post("/report", data={"kind": "report", "name": "Invented Test Agency",
                                            "details": "Invented details for a disk-full test."},
                           headers={"Accept-Language": "ru"})
    assert response.status_code == 503 and response.headers["Retry-After"]
    assert "Ничего не изменилось" in response.text  # the reader's language
    with pytest.raises(sqlite3.OperationalError):
        searchcounts.flush_counts(path)
    filler.unlink()
    searchcounts.flush_counts(path)
    assert stored_searches(path) == 1


def fetch(opener, url: str, data: dict | None = None) -> tuple[int, str]:
    """Give (status, body) of a GET, or of a form POST when data is given; 0 when it failed."""
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    try:
        with opener.open(url, data=body, timeout=20) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
    except OSError:
        return 0, ""


def test_checks_never_fail_while_the_app_db_is_locked(registry_db, app_db):
    path = app_db
    statuses: list[int] = []
    with gunicorn(registry_db, path, VERIFIER_COUNT_FLUSH_SECONDS="1", VERIFIER_COOKIE_SECURE="0") as url:
        plain = urllib.request.build_opener()
        visitor = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', fetch(visitor, url + "/report")[1]).group(1)
        stop = threading.Event()

        def hammer() -> None:
            i = 0
            while not stop.is_set():
                q = urllib.parse.quote(QUERIES[i % len(QUERIES)])
                statuses.append(fetch(plain, f"{url}/api/v1/check?q={q}")[0])
                i += 1

        with write_locked(path):
            threads = [threading.Thread(target=hammer) for _ in range(4)]
            for thread in threads:
                thread.start()
            report = fetch(visitor, url + "/report", {"csrf_token": token, "kind": "report",
                                                      "name": "Invented Test Agency",
                                                      "details": "Invented details for a lock test."})
            time.sleep(2)  # the report above waited out the lock timeout (10 s): 12 s locked
            stop.set()
            for thread in threads:
                thread.join(timeout=30)
        deadline = time.monotonic() + 15
        while stored_searches(path) < len(statuses) and time.monotonic() < deadline:
            time.sleep(0.5)
    assert len(statuses) > 100 and set(statuses) == {200}  # no check failed or timed out
    assert stored_searches(path) == len(statuses)  # every check was counted, none lost
    assert report[0] == 503 and "try again" in report[1]  # a report is refused clearly, not with a 500


def test_counts_pending_at_shutdown_are_written(registry_db, app_db):
    path = app_db
    with gunicorn(registry_db, path, VERIFIER_COUNT_FLUSH_SECONDS="3600") as url:
        opener = urllib.request.build_opener()
        statuses = [fetch(opener, f"{url}/api/v1/check?q=Sana%20Sezim")[0] for _ in range(6)]
        assert stored_searches(path) == 0  # nothing written yet: the flusher waits an hour
    assert statuses == [200] * 6
    assert stored_searches(path) == 6  # each worker wrote its counts as it stopped


def test_staff_login_on_a_locked_database_says_try_again(client, staff, app_db):
    from .conftest import login
    with write_locked(app_db):
        response = login(client)
    assert response.status_code == 503 and int(response.headers["Retry-After"]) > 0
    assert "try again in a minute" in response.text
    assert login(client).status_code == 303  # the lock is gone: the same login works
