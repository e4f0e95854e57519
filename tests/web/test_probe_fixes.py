"""What the attack-and-fault probe found (issue 23): ?endpoint= broke every page with the language
switcher, the result page printed a forged Host, and the report form allowed more than it kept."""
from __future__ import annotations

import re

import pytest

from realdata import LICENSED_NAME, WARNING_NAME

FORGED = "evil.invented.example"
STAFF = ("invented_staff", "invented staff password 7252")


@pytest.fixture
def app(web_db, tmp_path, monkeypatch):
    """Give the real app with its own app database holding one staff account."""
    from verifier import appdb
    from verifier.web import create_app
    monkeypatch.setenv("VERIFIER_APP_DB", str(tmp_path / "app.db"))
    appdb.create_staff(*STAFF, "test")
    return create_app({"TESTING": True, "VERIFIER_DB": web_db, "VERIFIER_APP_DB": str(tmp_path / "app.db"),
                       "SECRET_KEY": "test"})


def logged_in(client):
    """Log the client in as staff through the real form; give it back."""
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', client.get("/staff/login").text).group(1)
    client.post("/staff/login", data={"csrf_token": token, "username": STAFF[0], "password": STAFF[1]})
    return client


def page_paths(app) -> list[str]:
    """Give every GET address of the app: the rules without parts, one agency, a result and a 404."""
    paths = [r.rule for r in app.url_map.iter_rules() if "GET" in r.methods and not r.arguments]
    agency_id = app.extensions["verifier"].check(LICENSED_NAME)["matches"][0]["agency_id"]
    return paths + [f"/agency/{agency_id}", f"/api/v1/agencies/{agency_id}", "/check?q=" + WARNING_NAME,
                    "/hotline?q=" + WARNING_NAME, "/embed?q=" + WARNING_NAME, "/no-such-page"]


@pytest.mark.parametrize("extra", ["endpoint=x", "endpoint=pages.home&_external=1&values=x"])
def test_endpoint_in_the_query_is_never_a_500(app, extra, caplog):
    client = logged_in(app.test_client())
    for path in page_paths(app):
        response = client.get(path + ("&" if "?" in path else "?") + extra)
        assert response.status_code < 500, path
        assert "Content-Security-Policy" in response.headers, path
    assert "Traceback" not in caplog.text and "Unhandled error" not in caplog.text


def test_the_language_switcher_keeps_the_query_but_not_the_endpoint(app):
    page = app.test_client().get("/check", query_string={"q": WARNING_NAME, "endpoint": "x"}).text
    links = re.findall(r'href="([^"]*lang=ru[^"]*)"', page)
    assert links and all("endpoint" not in link and "q=" in link for link in links)


@pytest.mark.parametrize("public_url", ["https://check.invented.example", ""])
def test_no_page_prints_the_requests_host(web_db, public_url):
    from verifier.web import create_app
    app = create_app({"TESTING": True, "VERIFIER_DB": web_db, "SECRET_KEY": "test", "PUBLIC_URL": public_url})
    client = app.test_client()
    paths = [p for p in page_paths(app) if not p.startswith("/staff")]
    if not public_url:  # with no public URL set, the partner snippet and OpenAPI need the request's
        paths = [p for p in paths if p not in ("/widget", "/widget.js", "/api/v1/openapi.json")]
    for path in paths:
        assert FORGED not in client.get(path, headers={"Host": FORGED}).text, path
    result = client.get("/check", query_string={"q": WARNING_NAME}, headers={"Host": FORGED}).text
    printed = re.search(r'<span class="print-only">([^<]*)</span>', result).group(1)
    assert printed.startswith(public_url + "/check?q=")


def test_every_report_field_allows_in_the_browser_what_the_server_keeps(app):
    from verifier.web.reports import ReportForm
    page = app.test_client().get("/report").text
    with app.test_request_context():
        form = ReportForm()
    for field in form:
        longest = [v.max for v in field.validators if getattr(v, "max", -1) > 0]
        if longest:
            assert re.search(rf'name="{field.name}"[^>]*maxlength="{longest[0]}"', page) or \
                re.search(rf'maxlength="{longest[0]}"[^>]*name="{field.name}"', page), field.name


def test_endpoint_in_the_query_of_a_form_post_is_never_a_500(app):
    client = app.test_client()
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/offer").text).group(1)
    offer = client.post("/offer?endpoint=x", data={"text": "Работа в Турции, оплата за визу 300$.", "csrf_token": token})
    report = client.post("/report?endpoint=x", data={"csrf_token": token, "name": ""})  # refused: no name
    assert offer.status_code == 200 and report.status_code == 400
