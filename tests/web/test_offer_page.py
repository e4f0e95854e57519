"""The offer scan on the web: /offer (no JavaScript needed), POST /api/v1/scan, links, privacy."""
from __future__ import annotations

import logging
import re

import pytest
from jsonschema import Draft202012Validator

from tests.appdb_engines import stored_bytes
from tests.conftest import ENGINES, new_app_db
from verifier.appdb import searchcounts

OFFER = ("Работа в Турции в отеле. Оплата за визу 300$ на карту Kaspi менеджера. "
         "Агентство ТОО «Дымка», тел. 8 707 281 71 85.")


def csrf(client) -> str:
    """Give the CSRF token of the /offer form."""
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get("/offer").text).group(1)


def validate(client, schema_name: str, instance) -> None:
    """Validate against a component schema of the served OpenAPI document."""
    document = client.get("/api/v1/openapi.json").get_json()
    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": document["components"]}
    Draft202012Validator(schema).validate(instance)


def test_form_page_is_small_and_has_the_box(client):
    response = client.get("/offer?lang=kk")
    assert response.status_code == 200 and len(response.data) <= 50_000
    assert 'name="text"' in response.text and 'name="csrf_token"' in response.text
    assert "Алған ұсынысыңызды қойыңыз" in response.text


def test_form_post_needs_its_csrf_token(client):
    assert client.post("/offer", data={"text": OFFER}).status_code == 400


def test_form_post_gives_the_result_without_javascript(client):
    response = client.post("/offer?lang=ru", data={"text": OFFER, "csrf_token": csrf(client)})
    assert response.status_code == 200 and len(response.data) <= 50_000
    page = response.text
    assert 'data-risk="high"' in page
    assert 'data-flag="fee"' in page and 'data-flag="personal_payment"' in page
    assert '<mark data-flag="fee">Оплата за визу 300$</mark>' in page
    assert 'data-verdict="warning"' in page  # the firm's own warning beside the flags
    assert "https://www.iskur.gov.tr" in page


def test_a_country_with_no_checked_source_is_named_without_an_empty_list(client):
    text = "Hotel staff in London, United Kingdom. Pay the training fee of £650 to our agent."
    page = client.post("/offer?lang=en", data={"text": text, "csrf_token": csrf(client)}).text
    assert "Where the job is: United Kingdom" in page and 'class="dest-rules"' not in page


@pytest.mark.parametrize("text,status", [("   ", 400), ("ж" * 20_001, 413)])
def test_form_refuses_empty_and_too_long(client, text, status):
    assert client.post("/offer", data={"text": text, "csrf_token": csrf(client)}).status_code == status


def test_api_scan_matches_the_schema(client):
    document = client.get("/api/v1/openapi.json").get_json()
    assert "post" in document["paths"]["/scan"]
    response = client.post("/api/v1/scan", json={"text": OFFER, "lang": "en"})
    assert response.status_code == 200
    data = response.get_json()
    validate(client, "ScanResult", data)
    assert data["risk"] == "high" and {"fee", "personal_payment"} <= {f["code"] for f in data["flags"]}
    assert any(e["kind"] == "agency" and e["result"]["verdict"] == "warning" for e in data["entities"])


def test_api_takes_a_full_length_cyrillic_offer(client):
    text = ("Работа в Алматы, официальный договор. " * 600)[:20_000]
    assert client.post("/api/v1/scan", json={"text": text}).status_code == 200


@pytest.mark.parametrize("body,status", [
    ({"text": ""}, 400), ({"text": "   "}, 400), ({"lang": "ru"}, 400), ([1, 2], 400),
    ({"text": "x" * 20_001}, 413),
])
def test_api_errors_have_one_shape(client, body, status):
    response = client.post("/api/v1/scan", json=body)
    assert response.status_code == status
    assert response.get_json()["ok"] is False and response.get_json()["status"] == status
    validate(client, "Error", response.get_json())


@pytest.fixture(params=ENGINES)
def counted_client(request, web_db, tmp_path, monkeypatch):
    """Give (a client, its app database) on each engine in turn."""
    from verifier.web import create_app
    target = new_app_db(request.param, request, tmp_path)
    monkeypatch.setenv("VERIFIER_APP_DB", str(target))
    app = create_app({"TESTING": True, "VERIFIER_DB": web_db, "VERIFIER_APP_DB": str(target), "SECRET_KEY": "test"})
    return app.test_client(), target


def test_scans_leave_no_text_only_counts(counted_client, caplog):
    client, app_db = counted_client
    caplog.set_level(logging.DEBUG)
    secret = "Zhuldyz Secret Staffing, Оплата за визу 300$, 8 701 999 12 34"
    client.post("/api/v1/scan", json={"text": secret})
    client.post("/offer", data={"text": secret, "csrf_token": csrf(client)})
    searchcounts.flush_counts()
    stored = stored_bytes(app_db)
    for needle in ("Zhuldyz", "999 12 34", "7019991234", "Оплата"):
        assert needle.encode() not in stored
        assert needle not in caplog.text
    counts = {r["verdict"]: r["n"] for r in searchcounts.search_counts()}
    assert counts.get("scan:high", 0) >= 2 and counts.get("scan_flag:fee", 0) >= 2


@pytest.mark.parametrize("path", ["/?lang=en", "/check?q=Qwxz+Zyxw+Nonexistent+Recruiters", "/hotline",
                                  "/embed?q=Qwxz+Zyxw+Nonexistent+Recruiters"])
def test_offer_is_linked_from_home_results_hotline_and_embed(client, path):
    page = client.get(path).text
    assert 'href="/offer' in page or ('action="/offer' in page and 'name="csrf_token"' in page)
