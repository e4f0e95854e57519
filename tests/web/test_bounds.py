"""Bounded work (issue 23): deadlines for checks and scans, work stopped when the client has gone,
scans limited per address and capped at a few at once, across servers through the limiter storage."""
from __future__ import annotations

import re
import socket

import pytest

from realdata import WARNING_NAME
from test_rate_limit_shared import redis_uri  # noqa: F401 (a private redis-server for the shared cap)

OFFER = "Работа в Турции в отеле. Оплата за визу 300$ на карту менеджера. Агентство ТОО «Дымка»."
ERROR_KEYS = {"ok", "error", "status"}


def make_app(web_db, **config):
    """Give an app on the real registry with these settings on top."""
    from verifier.web import create_app
    return create_app({"TESTING": True, "VERIFIER_DB": web_db, "SECRET_KEY": "test", **config})


def csrf(client) -> str:
    """Give the CSRF token of the /offer form."""
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get("/offer").text).group(1)


def test_the_default_deadlines_let_ordinary_work_through(client):
    assert client.get("/api/v1/check", query_string={"q": WARNING_NAME}).status_code == 200
    assert client.post("/api/v1/scan", json={"text": OFFER}).status_code == 200


def test_a_check_past_its_deadline_is_a_503_never_half_an_answer(web_db):
    client = make_app(web_db, VERIFIER_CHECK_DEADLINE=-1).test_client()
    response = client.get("/api/v1/check", query_string={"q": WARNING_NAME})
    assert response.status_code == 503 and set(response.json) == ERROR_KEYS
    assert response.json["ok"] is False and response.json["status"] == 503
    page = client.get("/check", query_string={"q": WARNING_NAME, "lang": "ru"})
    assert page.status_code == 503 and "Проверка заняла слишком много времени" in page.text
    assert 'class="verdict' not in page.text and "Content-Security-Policy" in page.headers


def test_a_scan_past_its_deadline_asks_for_a_shorter_text(web_db):
    client = make_app(web_db, VERIFIER_SCAN_DEADLINE=-1).test_client()
    response = client.post("/api/v1/scan", json={"text": OFFER, "lang": "en"})
    assert response.status_code == 503 and set(response.json) == ERROR_KEYS
    assert "shorter text" in response.json["error"]
    page = client.post("/offer?lang=kk", data={"text": OFFER, "csrf_token": csrf(client)})
    assert page.status_code == 503 and "Қысқарақ мәтінмен көріңіз" in page.text
    assert "data-risk" not in page.text


def test_socket_closed_tells_a_hang_up_from_a_quiet_or_talking_client():
    from verifier.web.bounds import socket_closed
    server, client = socket.socketpair()
    with server, client:
        server.settimeout(30)  # as a worker's socket may have: the test must not wait on it
        assert socket_closed(server) is False
        client.sendall(b"GET / HTTP/1.1\r\n")  # a pipelined next request is not a hang-up
        assert socket_closed(server) is False
        assert server.recv(100)
        client.close()
        assert socket_closed(server) is True
    assert socket_closed(server) is True  # closed on our side too
    assert socket_closed(None) is False


@pytest.mark.parametrize("hung_up, status", [(False, 200), (True, 503)])
def test_a_scan_stops_when_its_client_has_gone(web_db, hung_up, status):
    client = make_app(web_db, VERIFIER_SCAN_DEADLINE=600).test_client()
    server, peer = socket.socketpair()
    with server, peer:
        if hung_up:
            peer.close()
        response = client.post("/api/v1/scan", json={"text": OFFER},
                               environ_overrides={"gunicorn.socket": server})
    assert response.status_code == status


def test_scans_have_their_own_lower_limit_and_checks_go_on(web_db):
    client = make_app(web_db, SCAN_RATE_LIMIT="2/minute").test_client()
    statuses = [client.post("/api/v1/scan", json={"text": OFFER}).status_code for _ in range(3)]
    token = csrf(client)
    assert statuses == [200, 200, 429]
    assert client.post("/offer", data={"text": OFFER, "csrf_token": token}).status_code == 429
    assert client.get("/api/v1/check", query_string={"q": WARNING_NAME}).status_code == 200


def test_one_address_runs_only_so_many_scans_at_once(web_db):
    from verifier.web import bounds
    app = make_app(web_db, SCAN_CONCURRENCY=1)
    client = app.test_client()
    with app.test_request_context("/api/v1/scan", method="POST"), bounds.scan_slot():
        busy = client.post("/api/v1/scan", json={"text": OFFER})
        other = client.post("/api/v1/scan", json={"text": OFFER}, environ_base={"REMOTE_ADDR": "192.0.2.7"})
    assert busy.status_code == 429 and set(busy.json) == ERROR_KEYS and busy.headers["Retry-After"]
    assert other.status_code == 200  # another address is not held up
    assert client.post("/api/v1/scan", json={"text": OFFER}).status_code == 200  # the slot came back


def test_the_cap_counts_across_servers_sharing_the_limiter_storage(web_db, redis_uri):  # noqa: F811
    from verifier.web import bounds
    first = make_app(web_db, SCAN_CONCURRENCY=1, RATELIMIT_STORAGE_URI=redis_uri)
    second = make_app(web_db, SCAN_CONCURRENCY=1, RATELIMIT_STORAGE_URI=redis_uri)
    with first.test_request_context("/api/v1/scan", method="POST"), bounds.scan_slot():
        assert second.test_client().post("/api/v1/scan", json={"text": OFFER}).status_code == 429
    assert second.test_client().post("/api/v1/scan", json={"text": OFFER}).status_code == 200


def test_a_full_offer_in_a_three_byte_script_fits_the_form(web_db):
    client = make_app(web_db, VERIFIER_SCAN_DEADLINE=60).test_client()
    text = ("სამუშაო თურქეთში სასტუმროში. " * 800)[:20_000]  # Georgian: 3 UTF-8 bytes, 9 once form-encoded
    response = client.post("/offer", data={"text": text, "csrf_token": csrf(client)})
    assert response.status_code == 200 and "data-risk" in response.text


@pytest.mark.parametrize("path, body", [("/api/v1/check?q=" + WARNING_NAME, None), ("/api/v1/scan", {"text": OFFER})])
def test_loading_the_lists_is_not_counted_against_the_deadline(web_db, tmp_path, path, body):
    # A cold app (or the first request after a refresh swapped the registry) builds its index first
    # (about 0.6 s on this machine): a registry file of its own, so nothing of it is loaded yet.
    fresh = tmp_path / "verifier.db"
    fresh.write_bytes(open(web_db, "rb").read())
    client = make_app(str(fresh), WARM_INDEX=False, VERIFIER_CHECK_DEADLINE=0.3,
                      VERIFIER_SCAN_DEADLINE=0.3).test_client()
    response = client.post(path, json=body) if body else client.get(path)
    assert response.status_code == 200
