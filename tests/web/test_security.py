"""Security headers on every page, framing only for /embed, no inline script, private logs."""
from __future__ import annotations

import re

import pytest

PAGES = ["/", "/check?q=manpower", "/sources", "/hotline", "/hotline?q=manpower", "/widget",
         "/embed", "/embed?q=manpower", "/api/v1/check?q=manpower", "/api/v1/openapi.json",
         "/agency/nope", "/widget.js"]


@pytest.mark.parametrize("path", PAGES)
def test_every_response_carries_the_security_headers(client, path):
    headers = client.get(path).headers
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp
    assert "unsafe-inline" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    ancestors = re.search(r"frame-ancestors ([^;]+)", csp).group(1)
    if path.startswith("/embed"):
        assert ancestors == "*" and "X-Frame-Options" not in headers
    else:
        assert ancestors == "'none'" and headers["X-Frame-Options"] == "DENY"


def test_embed_framing_follows_the_configured_allow_list(web_db):
    from verifier.web import create_app

    app = create_app({"TESTING": True, "VERIFIER_DB": web_db,
                      "EMBED_ALLOWED_ORIGINS": ["https://ngo.example"]})
    client = app.test_client()
    csp = client.get("/embed").headers["Content-Security-Policy"]
    assert "frame-ancestors 'self' https://ngo.example" in csp
    assert 'data-parent-origin="https://ngo.example"' in client.get(
        "/embed?origin=https://ngo.example").get_data(as_text=True)
    assert 'data-parent-origin=""' in client.get(
        "/embed?origin=https://evil.example").get_data(as_text=True)


@pytest.mark.parametrize("path", [p for p in PAGES if not p.startswith(("/api", "/widget.js"))])
def test_no_inline_scripts_or_styles(client, path):
    html = client.get(path).get_data(as_text=True)
    for tag in re.findall(r"<script[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag, tag
    assert " style=" not in html and "<style" not in html
    assert not re.search(r"\son[a-z]+=", html)  # no inline event handlers


def test_pages_are_not_cached_by_shared_caches(client):
    assert "no-store" in client.get("/check?q=manpower").headers["Cache-Control"]
