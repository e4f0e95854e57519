"""Oversized requests on a real gunicorn: the app answers (its error shape, its headers), not gunicorn.

Issue 16: gunicorn's default 4,094-byte request line answered a longer query itself, with a bare
HTML 414 outside the API's JSON error shape and without the security headers.
"""
from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request

import pytest


def get(url: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    """Give (status, headers, body) of a GET, whatever the status."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=20) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.mark.parametrize("size", [4_500, 7_000])
def test_a_long_query_gets_the_api_error_shape(live_server, size):
    status, headers, body = get(live_server["url"] + "/api/v1/check?q=" + "A" * size)
    assert status == 400
    assert json.loads(body)["ok"] is False
    assert "Content-Security-Policy" in headers and headers["X-Content-Type-Options"] == "nosniff"


def test_a_long_header_gets_an_answer_from_the_app(live_server):
    status, headers, body = get(live_server["url"] + "/api/v1/health", {"X-Long": "b" * 7_000})
    assert status == 200 and "Content-Security-Policy" in headers


SECRET = "ZhanarSecretLookup7252"


@pytest.mark.parametrize("raw", [
    f"GET /check?q={SECRET} HTTP/1.1 junk\r\nHost: localhost\r\n\r\n",      # a broken request line
    f"GET /check?q={SECRET}{'a' * 9000} HTTP/1.1\r\nHost: localhost\r\n\r\n",  # past limit_request_line
    f"GET /check HTTP/1.1\r\nHost: localhost\r\nX-{SECRET} x: 1\r\n\r\n",     # a broken header
], ids=["bad-line", "long-line", "bad-header"])
def test_gunicorn_error_log_keeps_no_query_or_address(web_db, tmp_path, raw):
    from tests.live import gunicorn
    log = tmp_path / "error.log"
    with gunicorn(web_db, tmp_path / "app.db", error_log=log) as url:
        host, port = url.rsplit("/", 1)[1].split(":")
        with socket.create_connection((host, int(port)), timeout=10) as sock:
            sock.sendall(raw.encode())
            answer = sock.recv(200)
    assert answer.startswith(b"HTTP/1.1 4")
    text = log.read_text()
    assert "Invalid request refused" in text  # the fault is logged ...
    assert SECRET not in text and "127.0.0.1" not in text  # ... without what was looked up, or by whom
