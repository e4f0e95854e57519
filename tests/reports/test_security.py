"""CSRF, honeypot, rate limits, session cookie flags, append-only audit log and privacy."""
from __future__ import annotations

import logging

import pytest

from tests.appdb_engines import engine_of, outside_connection, stored_bytes
from verifier import appdb
from verifier.appdb import searchcounts
from verifier.appdb.backend import database_errors

from .conftest import STAFF_NAME, csrf_from, login, submit_report

REPORT = {"kind": "report", "name": "Invented Fixture Silk Road Jobs", "details": "asked 300 dollars"}


@pytest.mark.parametrize("token", [None, "", "forged-token"])
def test_post_without_valid_csrf_token_is_refused(client, staff, token):
    client.get("/report")  # the visitor has a session, just not this token
    data = dict(REPORT, **({} if token is None else {"csrf_token": token}))
    assert client.post("/report", data=data).status_code == 400
    assert client.post("/staff/login", data={"username": STAFF_NAME, "password": "x", **data}).status_code == 400
    assert appdb.list_reports() == []


def test_staff_action_without_csrf_token_is_refused(client, staff):
    submit_report(client, **REPORT)
    login(client)
    report_id = appdb.list_reports()[0]["id"]
    assert client.post(f"/staff/reports/{report_id}/approve", data={"note": "x"}).status_code == 400
    assert appdb.get_report(report_id)["status"] == "pending"


def test_honeypot_answers_like_success_and_keeps_nothing(client):
    response = submit_report(client, homepage="http://spam.example", **REPORT)
    assert response.status_code == 303
    assert appdb.list_reports() == []


def test_report_posts_are_rate_limited(client):
    statuses = [submit_report(client, **REPORT).status_code for _ in range(7)]
    assert statuses[:5] == [303] * 5 and statuses[5:] == [429, 429]
    assert len(appdb.list_reports()) == 5


def test_login_is_rate_limited_and_failures_are_audited(client, staff):
    statuses = [login(client, password="wrong password!").status_code for _ in range(6)]
    assert statuses == [401] * 5 + [429]
    assert login(client).status_code == 429  # even the right password waits
    assert [a["action"] for a in appdb.audit_rows()].count("staff.login_failed") == 5


def test_staff_pages_need_login_and_session_cookie_is_hardened(client, staff):
    for path in ("/staff/", "/staff/audit", "/staff/entries", "/staff/entries.csv", "/staff/stats", "/staff/reports/1"):
        response = client.get(path)
        assert response.status_code == 302 and response.location.endswith("/staff/login"), path
    response = login(client)
    cookie = response.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert client.get("/staff/").status_code == 200
    appdb.set_staff_active(STAFF_NAME, False, "test")
    assert client.get("/staff/").status_code == 302  # a disabled account is out at once


def test_passwords_are_hashed(app, staff):
    row = appdb.query("select password_hash from staff")[0]
    assert staff[1] not in row["password_hash"] and row["password_hash"].startswith(("scrypt:", "pbkdf2:"))
    assert appdb.authenticate(STAFF_NAME, staff[1]) is not None
    assert appdb.authenticate(STAFF_NAME, staff[1] + "x") is None
    assert appdb.authenticate("nobody", staff[1]) is None


def test_audit_log_is_append_only(app, staff, app_db):
    refused = ["update audit_log set actor = 'mallory'", "delete from audit_log"]
    if engine_of(app_db) == "postgresql":
        refused.append("truncate audit_log")
    with outside_connection(app_db) as conn:
        for sql in refused:
            with pytest.raises(database_errors(), match="append-only"):
                conn.execute(sql)
    assert appdb.audit_rows()[0]["actor"] == "test"


def test_searches_leave_no_text_in_database_or_logs(client, app_db, caplog):
    secret = "Zhuldyz Secret Recruiters 8 701 999 12 34"
    caplog.set_level(logging.DEBUG)
    for path in ("/check", "/api/v1/check", "/hotline", "/embed"):
        assert client.get(path, query_string={"q": secret}).status_code < 500
    searchcounts.count_search("not_found")
    searchcounts.flush_counts()
    stored = stored_bytes(app_db)
    for needle in ("Zhuldyz", "999 12 34", "8701999"):
        assert needle.encode() not in stored
        assert needle not in caplog.text
    assert any(r["verdict"] == "not_found" and r["n"] >= 1 for r in searchcounts.search_counts())


def test_report_contact_is_never_public(client, staff):
    submit_report(client, contact="reporter@example.org", **REPORT)
    login(client)
    report_id = appdb.list_reports()[0]["id"]
    token = csrf_from(client.get(f"/staff/reports/{report_id}").text)
    client.post(f"/staff/reports/{report_id}/approve", data={"csrf_token": token, "note": "fees"})
    entry = appdb.get_report(report_id)["entry_id"]
    anonymous = client.application.test_client()
    pages = [anonymous.get(p, query_string=q) for p, q in (
        (f"/agency/{entry}", {}), (f"/api/v1/agencies/{entry}", {}), ("/check", {"q": REPORT["name"]}),
        ("/api/v1/check", {"q": REPORT["name"]}), ("/sources", {}), ("/api/v1/sources", {}))]
    assert all(p.status_code == 200 for p in pages)
    assert REPORT["name"] in pages[0].text
    for page in pages:
        assert "reporter@example.org" not in page.text and "asked 300 dollars" not in page.text
