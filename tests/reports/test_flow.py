"""The must-show flow: a report through the real form survives a registry rebuild, is approved by
staff, turns the verdict into `warning`, and the audit log shows every step."""
from __future__ import annotations

import re

from scrapers.runner import run
from verifier import appdb, registry

from .conftest import csrf_from, login, submit_report

NAME = "Invented Fixture Bridge Overseas Employment"  # on no registry list
PHONE = "+7 701 555 01 99"


def test_report_survives_rebuild_and_approval_turns_verdict_into_warning(engine, client, staff, registry_db, shared_sources):
    assert engine.check(NAME)["verdict"] != "warning"
    page = client.get("/report", query_string={"name": NAME, "phone": PHONE})
    assert page.status_code == 200 and f'value="{NAME}"' in page.text  # prefilled from the search
    posted = client.post("/report", data={
        "csrf_token": csrf_from(page.text), "kind": "report", "name": NAME, "phone": PHONE,
        "details": "Promised café work in Moscow, took her passport.", "contact": "+7 700 000 00 01"})
    assert posted.status_code == 303 and posted.location.endswith("/report/thanks")

    before = registry.file_identity(registry_db)
    assert all(o.ok for o in run([], shared_sources, registry_db))
    assert registry.file_identity(registry_db) != before  # the registry file was swapped
    assert engine.check(NAME)["verdict"] != "warning"

    assert login(client).status_code == 303
    queue = client.get("/staff/")
    assert NAME in queue.text
    report_id = int(re.search(r'/staff/reports/(\d+)">' + re.escape(NAME), queue.text).group(1))
    detail = client.get(f"/staff/reports/{report_id}")
    assert "+7 700 000 00 01" in detail.text  # staff see the contact
    done = client.post(f"/staff/reports/{report_id}/approve",
                       data={"csrf_token": csrf_from(detail.text), "note": "Passport taken, 3 callers"})
    assert done.status_code == 303

    result = engine.check(NAME)
    assert result["verdict"] == "warning"
    assert result["matches"][0]["source"] == "ngo_warnings"
    assert engine.check(phone=PHONE)["verdict"] == "warning"
    api = client.get("/api/v1/check", query_string={"q": NAME}).get_json()
    assert api["verdict"] == "warning"

    steps = [(a["actor"], a["action"]) for a in reversed(appdb.audit_rows())]
    assert steps == [("test", "staff.created"), ("public", "report.submitted"), ("alice", "staff.login"),
                     ("alice", "report.approved"), ("alice", "entry.listed")]
    entry = appdb.get_report(report_id)["entry_id"]
    public = client.get(f"/agency/{entry}")
    assert public.status_code == 200 and NAME in public.text
    assert "+7 700 000 00 01" not in public.text and "passport." not in public.text
    assert "+7 700 000 00 01" not in client.get(f"/api/v1/agencies/{entry}").text


def test_reject_leaves_verdict_and_is_audited(engine, client, staff):
    assert submit_report(client, name=NAME).status_code == 303
    login(client)
    report_id = appdb.list_reports()[0]["id"]
    token = csrf_from(client.get(f"/staff/reports/{report_id}").text)
    assert client.post(f"/staff/reports/{report_id}/reject", data={"csrf_token": token, "note": "no evidence"}).status_code == 303
    assert appdb.get_report(report_id)["status"] == "rejected"
    assert engine.check(NAME)["verdict"] != "warning"
    assert appdb.audit_rows(1)[0]["action"] == "report.rejected"
    again = client.post(f"/staff/reports/{report_id}/approve", data={"csrf_token": token, "note": "x"})
    assert again.status_code == 400  # a decided report cannot be decided twice


def test_merge_adds_alias_and_phone_to_entry(engine, client, staff):
    submit_report(client, name=NAME)
    submit_report(client, name="Invented Fixture Bridge Employment Agency", phone="+7 701 555 02 02")
    login(client)
    first, second = (r["id"] for r in appdb.list_reports())
    token = csrf_from(client.get(f"/staff/reports/{first}").text)
    client.post(f"/staff/reports/{first}/approve", data={"csrf_token": token, "note": "fees"})
    entry = appdb.get_report(first)["entry_id"]
    merged = client.post(f"/staff/reports/{second}/merge", data={"csrf_token": token, "entry_id": entry, "note": "same firm"})
    assert merged.status_code == 303
    assert appdb.get_report(second)["status"] == "merged"
    assert engine.check(phone="+7 701 555 02 02")["verdict"] == "warning"
    assert engine.check("Invented Fixture Bridge Employment Agency")["verdict"] == "warning"
    unknown = client.post(f"/staff/reports/{first}/merge", data={"csrf_token": token, "entry_id": "nope"})
    assert unknown.status_code == 400


def test_correction_from_agency_delists_our_entry(engine, client, staff):
    submit_report(client, name=NAME)
    login(client)
    report_id = appdb.list_reports()[0]["id"]
    token = csrf_from(client.get(f"/staff/reports/{report_id}").text)
    client.post(f"/staff/reports/{report_id}/approve", data={"csrf_token": token, "note": "fees"})
    entry = appdb.get_report(report_id)["entry_id"]
    assert engine.check(NAME)["verdict"] == "warning"
    page = client.get("/report", query_string={"kind": "correction", "agency_id": entry, "name": NAME})
    assert 'value="correction"' in page.text and entry in page.text
    client.post("/report", data={"csrf_token": csrf_from(page.text), "kind": "correction", "agency_id": entry,
                                 "name": NAME, "details": "We are licensed since 2026, licence 123."})
    correction = appdb.list_reports()[0]
    assert correction["kind"] == "correction"
    client.post(f"/staff/reports/{correction['id']}/accept", data={"csrf_token": token, "note": "licence shown"})
    assert engine.check(NAME)["verdict"] != "warning"
    assert [a["action"] for a in appdb.audit_rows(2)] == ["correction.accepted", "entry.removed"]
