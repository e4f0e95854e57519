"""A forged Host header is never printed back: the widget snippet and OpenAPI use the public URL."""
from __future__ import annotations

import pytest

FORGED = "evil.invented.example"


@pytest.fixture
def public_app(web_db):
    """Give an app with a configured public URL and trusted hosts."""
    from verifier.web import create_app
    return create_app({"TESTING": True, "VERIFIER_DB": web_db, "SECRET_KEY": "test",
                       "PUBLIC_URL": "https://check.invented.example/",
                       "TRUSTED_HOSTS": ["check.invented.example", "localhost"]})


@pytest.mark.parametrize("path", ["/widget", "/api/v1/openapi.json"])
def test_public_url_is_printed_whatever_the_host_header(web_db, path):
    from verifier.web import create_app
    app = create_app({"TESTING": True, "VERIFIER_DB": web_db, "SECRET_KEY": "test",
                      "PUBLIC_URL": "https://check.invented.example/"})
    response = app.test_client().get(path, headers={"Host": FORGED})
    assert response.status_code == 200
    assert FORGED not in response.text and "https://check.invented.example/" in response.text


@pytest.mark.parametrize("path", ["/widget", "/api/v1/openapi.json", "/check?q=TOO%20Dymka", "/offer"])
def test_no_page_prints_the_host_header_without_a_public_url(web_db, path):
    """Unset VERIFIER_PUBLIC_URL: the snippet shows a placeholder, OpenAPI a relative server, no page the Host."""
    from verifier.web import create_app
    app = create_app({"TESTING": True, "VERIFIER_DB": web_db, "SECRET_KEY": "test"})
    response = app.test_client().get(path, headers={"Host": FORGED})
    assert response.status_code == 200 and FORGED not in response.text


@pytest.mark.parametrize("path", ["/widget", "/api/v1/openapi.json", "/api/v1/health"])
def test_an_untrusted_host_is_refused(public_app, path):
    client = public_app.test_client()
    assert client.get(path, headers={"Host": FORGED}).status_code == 400
    assert client.get(path, headers={"Host": "check.invented.example"}).status_code == 200


def test_untrusted_host_answer_keeps_the_api_error_shape(public_app):
    response = public_app.test_client().get("/api/v1/check?q=x", headers={"Host": FORGED})
    assert response.status_code == 400 and response.json["ok"] is False
    assert FORGED not in response.text


@pytest.mark.parametrize("hops, second_client_status", [(1, 200), (0, 429)])
def test_behind_a_proxy_each_visitor_has_their_own_rate_limit(web_db, hops, second_client_status):
    from verifier.web import create_app
    app = create_app({"TESTING": True, "VERIFIER_DB": web_db, "SECRET_KEY": "test", "PROXY_HOPS": hops,
                      "API_RATE_LIMIT": "2/minute", "RATELIMIT_STORAGE_URI": "memory://"})
    client = app.test_client()

    def status_from(address: str) -> int:
        return client.get("/api/v1/sources", headers={"X-Forwarded-For": address}).status_code

    assert [status_from("192.0.2.1") for _ in range(3)] == [200, 200, 429]
    assert status_from("192.0.2.2") == second_client_status  # hops=0: the proxy's one bucket
