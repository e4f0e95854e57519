"""Backups through SQLite's online backup: the copy passes integrity_check and restores the data."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading

import pytest

from verifier import appdb
from verifier.appdb import ngo

from .conftest import ROOT_ENV


def fill(n: int) -> list[int]:
    """Store and approve n reports; give their ids."""
    ids = [appdb.submit_report({"kind": "report", "name": f"Invented fixture agency {i}", "details": "fees"}) for i in range(n)]
    for i in ids[: n // 2]:
        ngo.approve(i, "alice", "fees asked")
    return ids


def test_backup_restores_to_a_sound_database_with_the_data(app_db, tmp_path, monkeypatch):
    ids = fill(20)
    (tmp_path / "backups").mkdir()
    copy = appdb.backup(tmp_path / "backups")
    assert copy.parent == tmp_path / "backups" and appdb.integrity(copy) == "ok"
    monkeypatch.setenv("VERIFIER_APP_DB", str(tmp_path / "restored" / "app.db"))
    live = appdb.restore(copy, "test")
    assert appdb.integrity(live) == "ok"
    conn = sqlite3.connect(live)
    assert [r[0] for r in conn.execute("select id from reports order by id")] == ids
    assert conn.execute("select count(*) from ngo_entries").fetchone()[0] == 10
    assert conn.execute("select action from audit_log order by id desc limit 1").fetchone()[0] == "db.restored"
    with pytest.raises(sqlite3.IntegrityError):  # the triggers came back with the data
        conn.execute("delete from audit_log")


def test_backup_during_writes_is_consistent(app_db, tmp_path):
    fill(2)
    stop = threading.Event()

    def write():
        while not stop.is_set():
            appdb.submit_report({"kind": "report", "name": "Invented Fixture Busy Agency", "details": "x" * 500})

    writer = threading.Thread(target=write)
    writer.start()
    try:
        copies = [appdb.backup(tmp_path / f"b{i}.db") for i in range(5)]
    finally:
        stop.set()
        writer.join()
    for copy in copies:
        assert appdb.integrity(copy) == "ok"
        conn = sqlite3.connect(copy)
        reports = conn.execute("select count(*) from reports").fetchone()[0]
        submitted = conn.execute("select count(*) from audit_log where action = 'report.submitted'").fetchone()[0]
        assert reports == submitted  # each report and its audit row landed together, or neither


def test_backup_command_line(app_db, tmp_path):
    fill(3)
    dest = tmp_path / "cli.db"
    done = subprocess.run([sys.executable, "-m", "verifier", "backup", str(dest)], env=ROOT_ENV(app_db),
                          capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert appdb.integrity(dest) == "ok"
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
