"""JSON API: real responses validated against the app's own OpenAPI 3.1 document."""
from __future__ import annotations

from urllib.parse import quote

import pytest
from jsonschema import Draft202012Validator

from realdata import CANCELLED_NAME, LICENSED_NAME, LICENSED_PHONE, WARNING_NAME


@pytest.fixture
def openapi(client) -> dict:
    """Give the served OpenAPI document."""
    return client.get("/api/v1/openapi.json").get_json()


def validate(document: dict, schema_name: str, instance) -> None:
    """Validate an instance against a component schema of the document (refs resolved)."""
    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": document["components"]}
    Draft202012Validator(schema).validate(instance)


def test_document_is_openapi_3_1_and_covers_every_route(openapi):
    assert openapi["openapi"].startswith("3.1")
    assert set(openapi["paths"]) >= {"/check", "/agencies/{agency_id}", "/sources"}
    for name, schema in openapi["components"]["schemas"].items():
        Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("params, verdict", [
    ({"q": LICENSED_NAME}, "licensed"),
    ({"q": CANCELLED_NAME}, "licence_invalid"),
    ({"q": WARNING_NAME}, "warning"),
    ({"phone": LICENSED_PHONE}, "licensed"),
    ({"name": "Qwxz Zyxw Nonexistent Recruiters"}, "not_found"),
    ({"q": "manpower", "lang": "ru"}, None),
])
def test_check_responses_match_the_schema(client, openapi, params, verdict):
    response = client.get("/api/v1/check", query_string=params)
    assert response.status_code == 200
    data = response.get_json()
    validate(openapi, "CheckResult", data)
    if verdict:
        assert data["verdict"] == verdict


def test_agency_and_sources_match_the_schema(client, openapi):
    match = client.get("/api/v1/check?q=" + quote(CANCELLED_NAME)).get_json()["matches"][0]
    record = client.get(f"/api/v1/agencies/{match['agency_id']}").get_json()
    validate(openapi, "Agency", record)
    assert record["status_history"]
    sources = client.get("/api/v1/sources").get_json()
    validate(openapi, "SourceList", sources)
    assert {s["id"] for s in sources["sources"]} >= {"ph_dmw", "hk_eaa", "kz_kgd"}
    validate(openapi, "Health", client.get("/api/v1/health").get_json())


@pytest.mark.parametrize("method, path, status", [
    ("get", "/api/v1/check", 400),
    ("get", "/api/v1/check?q=" + "x" * 301, 400),
    ("get", "/api/v1/agencies/nope", 404),
    ("get", "/api/v1/nothing-here", 404),
    ("post", "/api/v1/check?q=abc", 405),
])
def test_errors_have_one_shape(client, openapi, method, path, status):
    response = getattr(client, method)(path)
    assert response.status_code == status
    body = response.get_json()
    validate(openapi, "Error", body)
    assert body["status"] == status and body["ok"] is False


def test_cors_allows_reading_without_credentials(client):
    response = client.get("/api/v1/check?q=abc", headers={"Origin": "https://jobs.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response.headers
    preflight = client.options("/api/v1/check", headers={
        "Origin": "https://jobs.example", "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "X-API-Key"})
    assert preflight.status_code == 200
    assert "X-API-Key" in preflight.headers["Access-Control-Allow-Headers"]


def test_rate_limit_answers_429_with_retry_after_and_partner_keys_get_more(web_db, openapi):
    from verifier.web import create_app

    app = create_app({"TESTING": True, "VERIFIER_DB": web_db, "API_RATE_LIMIT": "2/minute",
                      "API_PARTNER_RATE_LIMIT": "5/minute", "API_KEYS": frozenset({"partner-k"})})
    client = app.test_client()
    statuses = [client.get("/api/v1/check?q=manpower").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    limited = client.get("/api/v1/sources")
    assert limited.status_code == 429
    assert int(limited.headers["Retry-After"]) > 0
    validate(openapi, "Error", limited.get_json())
    partner = [client.get("/api/v1/check?q=manpower", headers={"X-API-Key": "partner-k"})
               for _ in range(5)]
    assert all(r.status_code == 200 for r in partner)
    assert client.get("/api/v1/health").status_code == 200  # the probe is never limited


def test_html_pages_are_rate_limited_with_a_friendly_page(web_db):
    from verifier.web import create_app

    app = create_app({"TESTING": True, "VERIFIER_DB": web_db, "PAGE_RATE_LIMIT": "1/minute"})
    client = app.test_client()
    assert client.get("/check?q=manpower").status_code == 200
    response = client.get("/check?q=manpower")
    assert response.status_code == 429 and "Retry-After" in response.headers
    assert "Too many look-ups" in response.get_data(as_text=True)
