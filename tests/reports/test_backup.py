"""Backups on both engines: SQLite's online backup (checked with integrity_check) and pg_dump on
PostgreSQL; each restores the data, with the audit log's triggers, and a copy taken during writes
holds every report together with its audit row."""
from __future__ import annotations

import subprocess
import sys
import threading

import pytest

from tests.appdb_engines import engine_of, outside_connection, scalar
from tests.conftest import new_app_db
from verifier import appdb
from verifier.appdb import ngo
from verifier.appdb.backend import database_errors
from verifier.appdb.backups import is_sqlite_file

from .conftest import ROOT_ENV


def fill(n: int) -> list[int]:
    """Store and approve n reports; give their ids."""
    ids = [appdb.submit_report({"kind": "report", "name": f"Invented fixture agency {i}", "details": "fees"}) for i in range(n)]
    for i in ids[: n // 2]:
        ngo.approve(i, "alice", "fees asked")
    return ids


def sound(copy) -> bool:
    """Tell whether a backup file reads back whole (integrity_check, or pg_restore --list)."""
    if is_sqlite_file(copy):
        return appdb.integrity(copy) == "ok"
    from verifier.appdb.backups import pg_tool
    listing = subprocess.run([pg_tool("pg_restore"), "--list", str(copy)], capture_output=True, text=True)
    return listing.returncode == 0 and "TABLE DATA public reports" in listing.stdout


def restored(copy, app_db, request, tmp_path, monkeypatch) -> str:
    """Restore a backup into a new, empty database of the same engine; give that database."""
    fresh = new_app_db(engine_of(app_db), request, tmp_path / "restored")
    monkeypatch.setenv("VERIFIER_APP_DB", str(fresh))
    appdb.restore(copy, "test")
    return str(fresh)


def test_backup_restores_to_a_sound_database_with_the_data(app_db, tmp_path, monkeypatch, request):
    ids = fill(20)
    (tmp_path / "backups").mkdir()
    copy = appdb.backup(tmp_path / "backups")
    assert copy.parent == tmp_path / "backups" and sound(copy)
    assert copy.suffix == (".dump" if engine_of(app_db) == "postgresql" else ".db")
    live = restored(copy, app_db, request, tmp_path, monkeypatch)
    assert [r["id"] for r in appdb.query("select id from reports order by id", (), live)] == ids
    assert scalar(live, "select count(*) from ngo_entries") == 10
    assert appdb.audit_rows(1, path=live)[0]["action"] == "db.restored"
    with outside_connection(live) as conn, pytest.raises(database_errors(), match="append-only"):
        conn.execute("delete from audit_log")  # the triggers came back with the data
    assert appdb.submit_report({"kind": "report", "name": "Invented after restore", "details": "x"}) > max(ids)


def test_backup_during_writes_is_consistent(app_db, tmp_path, monkeypatch, request):
    fill(2)
    stop, writing = threading.Event(), threading.Event()

    def write():
        while not stop.is_set():
            appdb.submit_report({"kind": "report", "name": "Invented Fixture Busy Agency", "details": "x" * 500})
            writing.set()

    writer = threading.Thread(target=write)
    writer.start()
    try:
        assert writing.wait(30)
        copies = [appdb.backup(tmp_path / f"b{i}.{'dump' if engine_of(app_db) == 'postgresql' else 'db'}")
                  for i in range(3)]
    finally:
        stop.set()
        writer.join()
    for copy in copies:
        assert sound(copy)
        live = restored(copy, app_db, request, tmp_path / copy.stem, monkeypatch)
        reports = scalar(live, "select count(*) from reports")
        submitted = scalar(live, "select count(*) from audit_log where action = 'report.submitted'")
        assert reports == submitted > 2  # each report and its audit row landed together, or neither


def test_backup_command_line(app_db, tmp_path):
    fill(3)
    dest = tmp_path / "cli.backup"
    done = subprocess.run([sys.executable, "-m", "verifier", "backup", str(dest)], env=ROOT_ENV(app_db),
                          capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert sound(dest)
    again = subprocess.run([sys.executable, "-m", "verifier", "backup", str(dest)], env=ROOT_ENV(app_db),
                           capture_output=True, text=True, cwd=tmp_path)
    assert again.returncode == 1 and "exists" in again.stderr  # never overwrites a backup


def test_backup_of_missing_database_fails(tmp_path, monkeypatch):
    monkeypatch.setenv("VERIFIER_APP_DB", str(tmp_path / "none.db"))
    with pytest.raises(FileNotFoundError):
        appdb.backup(tmp_path / "x.db")


@pytest.mark.parametrize("dest", ["missing/", "missing/deeper/copy.db"])
def test_backup_to_a_directory_that_does_not_exist_writes_nothing(app_db, tmp_path, dest):
    fill(1)
    done = subprocess.run([sys.executable, "-m", "verifier", "backup", f"{tmp_path}/{dest}"], env=ROOT_ENV(app_db),
                          capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 1 and "not a directory" in done.stderr
    assert not (tmp_path / "missing").exists()


def test_backup_of_unreachable_postgresql_fails_clearly(postgres_server, tmp_path, monkeypatch):
    monkeypatch.setenv("VERIFIER_APP_DB", postgres_server.url("no_such_database"))
    with pytest.raises(ValueError, match="pg_dump failed"):
        appdb.backup(tmp_path)
    assert list(tmp_path.iterdir()) == []  # no half-written backup left behind


def test_sqlite_backup_moves_into_an_empty_postgresql(tmp_path, monkeypatch, request):
    sqlite_db = new_app_db("sqlite", request, tmp_path)
    monkeypatch.setenv("VERIFIER_APP_DB", str(sqlite_db))
    ids = fill(6)
    copy = appdb.backup(tmp_path / "one-server.db")
    postgres = new_app_db("postgresql", request, tmp_path)
    monkeypatch.setenv("VERIFIER_APP_DB", postgres)
    appdb.restore(copy, "test")
    assert [r["id"] for r in appdb.query("select id from reports order by id")] == ids
    assert len(ngo.list_entries()) == 3 and appdb.get_report(ids[0])["status"] == "approved"
    assert appdb.submit_report({"kind": "report", "name": "Invented next", "details": "x"}) == max(ids) + 1
    with pytest.raises(ValueError, match="not empty"):
        appdb.restore(copy, "test")  # never mixed into a database that has data
