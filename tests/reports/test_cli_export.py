"""Staff accounts from the command line, and the NGO list exported in the import template."""
from __future__ import annotations

import csv
import io
import subprocess
import sys

from scrapers import importer
from verifier import appdb
from verifier.appdb import ngo

from .conftest import ROOT_ENV, csrf_from, login


def staff_cli(app_db, *args, stdin: str = ""):
    """Run `python -m verifier.cli.staff ARGS`; give the finished process."""
    return subprocess.run([sys.executable, "-m", "verifier.cli.staff", *args], input=stdin,
                          env=ROOT_ENV(app_db), capture_output=True, text=True)


def test_staff_account_from_cli_can_log_in(client, app_db):
    done = staff_cli(app_db, "create", "bob", "--password-stdin", stdin="a long enough passphrase\n")
    assert done.returncode == 0, done.stderr
    assert staff_cli(app_db, "create", "bob", "--password-stdin", stdin="a long enough passphrase\n").returncode == 1
    assert staff_cli(app_db, "create", "carol", "--password-stdin", stdin="short\n").returncode == 1
    assert "bob" in staff_cli(app_db, "list").stdout
    assert login(client, "bob", "a long enough passphrase").status_code == 303
    assert appdb.audit_rows()[-1]["action"] == "staff.created" and appdb.audit_rows()[-1]["actor"].startswith("cli:")
    assert staff_cli(app_db, "disable", "bob").returncode == 0
    assert client.get("/staff/").status_code == 302


def test_export_is_the_import_template_and_loads_back(client, app_db, tmp_path):
    assert ngo.EXPORT_COLUMNS == importer.COLUMNS
    appdb.create_staff("alice", "correct horse battery", "test")
    a = appdb.submit_report({"kind": "report", "name": "ТОО «Ойдан Шығарылған Kadry»", "phone": "+7 701 555 01 99; 8 727 300 11 22",
                             "country": "KZ", "details": "x"})
    b = appdb.submit_report({"kind": "report", "name": "Invented Fixture Road Kadry", "phone": "+7 701 555 03 03", "details": "y"})
    entry = ngo.approve(a, "alice", "Took passports; asked $300")
    ngo.merge(b, "alice", entry, "same firm")
    login(client, "alice", "correct horse battery")
    response = client.get("/staff/entries.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows == [{"name": "ТОО «Ойдан Шығарылған Kadry»", "aliases": "Invented Fixture Road Kadry",
                     "phones": "'+7 701 555 01 99; 8 727 300 11 22; +7 701 555 03 03", "licence_number": "",
                     "country": "KZ", "status": "listed", "reason": "Took passports; asked $300",
                     "listed_on": rows[0]["listed_on"], "source_url": ""}]
    path = tmp_path / "export.csv"
    assert staff_cli(app_db, "export-ngo", str(path)).returncode == 0
    records = importer.to_records(importer.read_rows(path), "warning", "KZ")
    assert [(r.name, r.aliases, r.status_group, r.reason) for r in records] == [
        ("ТОО «Ойдан Шығарылған Kadry»", ["Invented Fixture Road Kadry"], "warning", "Took passports; asked $300")]
    assert [a["action"] for a in appdb.audit_rows(2)] == ["list.exported", "list.exported"]
