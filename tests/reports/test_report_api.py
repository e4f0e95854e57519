"""POST /api/v1/reports: a report as JSON, with the form's checks and the form's count per address."""
from __future__ import annotations

from verifier import appdb

from .conftest import submit_report

REPORT = {"name": "Invented Fixture Caravan Jobs", "details": "Asked 500 dollars for a visa.",
          "phone": "+7 701 555 03 03", "country": "kz", "contact": "reporter@example.org"}


def test_a_json_report_is_stored_pending_with_its_audit_row(client):
    response = client.post("/api/v1/reports", json=REPORT)
    assert response.status_code == 201
    body = response.get_json()
    assert body["ok"] is True and body["status"] == "pending"
    stored = appdb.get_report(body["id"])
    assert stored["name"] == REPORT["name"] and stored["country"] == "KZ" and stored["kind"] == "report"
    assert stored["contact"] == "reporter@example.org" and stored["status"] == "pending"
    assert [(a["action"], a["target"]) for a in appdb.audit_rows()] == [("report.submitted", f"report:{body['id']}")]


def test_bad_json_reports_get_the_api_error_shape_and_store_nothing(client):
    for body in ({"name": "x"}, {"details": "y"}, {"name": "x", "details": "y", "country": "KAZ"},
                 {"name": "x", "details": "y", "kind": "other"}, {"name": 5, "details": "y"}, ["x"], None):
        response = client.post("/api/v1/reports", json=body)
        assert response.status_code == 400, body
        assert response.get_json()["ok"] is False and response.get_json()["status"] == 400
    assert client.post("/api/v1/reports", data=b"not json", content_type="application/json").status_code == 400
    assert appdb.list_reports() == []


def test_the_form_and_the_api_share_one_count_per_address(client):
    assert [submit_report(client, name="Invented form report").status_code for _ in range(3)] == [303] * 3
    assert [client.post("/api/v1/reports", json=REPORT).status_code for _ in range(3)] == [201, 201, 429]
    assert submit_report(client, name="Invented form report").status_code == 429
    assert len(appdb.list_reports()) == 5  # the limit of 5 an hour held across both doors


def test_the_openapi_document_describes_it(client):
    document = client.get("/api/v1/openapi.json").get_json()
    post = document["paths"]["/reports"]["post"]
    assert set(post["responses"]) >= {"201", "400", "429", "503"}
    assert post["requestBody"]["content"]["application/json"]["schema"]["required"] == ["name", "details"]
