"""Staff add official notices through the real forms: shown only once another staff member approves."""
from __future__ import annotations

import io
import json
import secrets

from verifier import appdb
from verifier.records.notices import COLUMNS, read_csv
from tests.reports.conftest import STAFF_NAME, STAFF_PASSWORD, csrf_from, login

SECOND, SECOND_PASSWORD = "bob", "another long pass phrase"
# An invented agency and page: no real firm or authority is named by this test.
NOTICE = {"name": "Invented Horizon Recruiting", "name_variants": "Инвентед Горизонт", "country": "KG",
          "status": "revoked", "authority": "Invented Ministry of Labour (test fixture)", "date": "2026-03-02",
          "url": "https://example.org/invented-notice", "quote": "The licence of Invented Horizon Recruiting was revoked.",
          "lang": "en"}


def add_notice(client, **fields):
    """Fill the add-notice form as staff would (token from the page); give the POST response."""
    token = csrf_from(client.get("/staff/notices").text)
    return client.post("/staff/notices", data={**NOTICE, **fields, "csrf_token": token})


def pending_id() -> int:
    """Give the id of the one notice waiting for approval."""
    (row,) = appdb.query("select id from notice_events where state = 'pending'")
    return row["id"]


def approve(client, notice_id: int):
    """Press the approve button on the notices page."""
    token = csrf_from(client.get("/staff/notices").text)
    return client.post(f"/staff/notices/{notice_id}/approve", data={"csrf_token": token})


def test_a_notice_is_shown_once_a_second_staff_member_approves_it(app, client, staff, engine):
    appdb.create_staff(SECOND, SECOND_PASSWORD, "test")
    login(client)
    assert add_notice(client).status_code == 303
    assert engine.check(NOTICE["name"])["verdict"] == "not_found", "not shown before approval"
    notice_id = pending_id()
    refused = approve(client, notice_id)
    assert refused.status_code == 400 and "cannot approve" in refused.text
    assert engine.check(NOTICE["name"])["verdict"] == "not_found"
    second = app.test_client()
    login(second, SECOND, SECOND_PASSWORD)
    assert approve(second, notice_id).status_code == 303
    result = engine.check(NOTICE["name_variants"])
    assert result["verdict"] == "licence_invalid"
    (event,) = result["matches"][0]["events"]
    assert event["url"] == NOTICE["url"] and event["quote"] == NOTICE["quote"] and event["date"] == "2026-03-02"
    record = client.get(f"/agency/{result['matches'][0]['agency_id']}?lang=ru")
    assert record.status_code == 200 and NOTICE["url"] in record.text and "лицензия отозвана" in record.text
    log = {(r["action"], r["actor"]) for r in appdb.audit_rows(target=f"notice:{notice_id}")}
    assert {("notice.added", STAFF_NAME), ("notice.approved", SECOND)} <= log
    approved = next(r for r in appdb.audit_rows(target=f"notice:{notice_id}") if r["action"] == "notice.approved")
    assert json.loads(approved["detail"])["author"] == STAFF_NAME
    assert "Invented Horizon" in client.get("/staff/audit").text


def test_the_form_requires_every_field_but_the_variants_and_a_short_quote(app, client, staff):
    login(client)
    missing = add_notice(client, url="")
    assert missing.status_code == 400 and "url" in missing.text and NOTICE["name"] in missing.text
    assert add_notice(client, quote="x" * 301).status_code == 400
    assert add_notice(client, date="02.03.2026").status_code == 400
    assert add_notice(client, status="licenced").status_code == 400
    assert appdb.query("select count(*) n from notice_events")[0]["n"] == 0
    assert add_notice(client, name_variants="").status_code == 303


def test_an_office_of_one_publishes_directly_and_the_audit_log_says_so(registry_db, app_db, staff):
    from verifier.engine import Engine
    from verifier.web import create_app
    app = create_app({"TESTING": True, "VERIFIER_DB": str(registry_db), "VERIFIER_APP_DB": str(app_db),
                      "SECRET_KEY": secrets.token_hex(8), "NOTICES_SELF_APPROVE": True})
    client = app.test_client()
    login(client)
    assert add_notice(client, status="licensed").status_code == 303
    result = Engine(registry_db, app_db).check(NOTICE["name"])
    assert result["verdict"] == "similar" and result["matches"][0]["status_group"] == "permit"
    actions = [r["action"] for r in appdb.audit_rows()]
    assert "notice.published_without_second_approval" in actions


def test_notices_export_and_import_as_the_shipped_csv(app, client, staff, engine):
    appdb.create_staff(SECOND, SECOND_PASSWORD, "test")
    login(client)
    add_notice(client)
    second = app.test_client()
    login(second, SECOND, SECOND_PASSWORD)
    approve(second, pending_id())
    exported = client.get("/staff/notices.csv")
    assert exported.status_code == 200 and exported.text.splitlines()[0] == ",".join(COLUMNS)
    (row,) = read_csv(exported.data)
    assert row["url"] == NOTICE["url"] and row["quote"] == NOTICE["quote"]
    token = csrf_from(client.get("/staff/notices").text)
    upload = {"csrf_token": token, "file": (io.BytesIO(exported.data), "notices.csv")}
    assert client.post("/staff/notices/import", data=upload, content_type="multipart/form-data").status_code == 303
    assert len(appdb.query("select id from notice_events where state = 'pending'")) == 1
    bad = {"csrf_token": token, "file": (io.BytesIO(b"name,status\nx,revoked\n"), "bad.csv")}
    refused = client.post("/staff/notices/import", data=bad, content_type="multipart/form-data")
    assert refused.status_code == 400 and "lacks columns" in refused.text
    assert STAFF_PASSWORD not in exported.text


def test_the_notices_pages_are_for_signed_in_staff_only(client):
    for path in ("/staff/notices", "/staff/notices.csv"):
        response = client.get(path)
        assert response.status_code == 302 and response.headers["Location"].endswith("/staff/login"), path
    token = csrf_from(client.get("/staff/login").text)
    assert client.post("/staff/notices", data={**NOTICE, "csrf_token": token}).status_code == 302
    assert appdb.query("select count(*) n from notice_events")[0]["n"] == 0


def test_the_command_line_imports_and_exports_the_same_csv(app_db, tmp_path):
    import subprocess
    import sys
    from tests.reports.conftest import ROOT_ENV
    from verifier.records.notices import export_rows
    source = tmp_path / "invented_notices.csv"
    with open(source, "w", newline="", encoding="utf-8") as fh:
        export_rows([NOTICE], fh)
    run = lambda *args: subprocess.run([sys.executable, "-m", "verifier.cli.staff", *args],  # noqa: E731
                                       env=ROOT_ENV(app_db), capture_output=True, text=True)
    added = run("import-notices", str(source))
    assert added.returncode == 0 and "1 notices added" in added.stdout, added.stderr
    assert run("export-notices", "-").stdout.splitlines()[1:] == [], "nothing published before approval"
    notices_id = pending_id()
    appdb.create_staff(SECOND, SECOND_PASSWORD, "test")
    from verifier.appdb import notices
    notices.decide(notices_id, SECOND, approve=True)
    out = run("export-notices", "-")
    assert read_csv(out.stdout.encode())[0]["quote"] == NOTICE["quote"]
    assert run("import-notices", str(tmp_path / "missing.csv")).returncode == 1
