"""Offer scans at once are capped: per worker with memory storage, across servers with redis."""
from __future__ import annotations

import pytest
from test_rate_limit_shared import redis_uri  # noqa: F401 (a private redis-server, the fixture)

from verifier.web import create_app

OFFER = "Работа в Турции. Оплата за визу 300$ на карту менеджера."


def scanning_app(web_db: str, storage: str, cap: int = 1):
    """Give an app with a scan cap on the given rate-limit storage."""
    return create_app({"TESTING": True, "VERIFIER_DB": web_db, "SECRET_KEY": "test", "SCAN_CONCURRENCY": cap,
                       "RATELIMIT_STORAGE_URI": storage, "WTF_CSRF_ENABLED": False})


def scan_status(app, lang: str = "en"):
    """POST one scan to the API; give the response."""
    return app.test_client().post("/api/v1/scan", json={"text": OFFER}, headers={"Accept-Language": lang})


def test_past_the_cap_a_scan_is_refused_at_once_with_retry_after(web_db):
    app = scanning_app(web_db, "memory://", cap=1)
    with app.extensions["verifier_scan_slots"].slot():  # a scan in progress
        busy = scan_status(app)
        page = app.test_client().post("/offer", data={"text": OFFER}, headers={"Accept-Language": "ru"})
    assert busy.status_code == 503 and int(busy.headers["Retry-After"]) >= 2  # (the limiter may ask for longer)
    assert busy.get_json()["ok"] is False and "try again" in busy.get_json()["error"]
    assert page.status_code == 503 and "попробуйте ещё раз" in page.text
    assert scan_status(app).status_code == 200  # the slot is free again


def test_servers_share_the_cap_through_redis(web_db, redis_uri):  # noqa: F811
    first, second = scanning_app(web_db, redis_uri, cap=2), scanning_app(web_db, redis_uri, cap=2)
    with first.extensions["verifier_scan_slots"].slot(), second.extensions["verifier_scan_slots"].slot():
        assert scan_status(first).status_code == 503 and scan_status(second).status_code == 503
    with first.extensions["verifier_scan_slots"].slot():
        assert scan_status(second).status_code == 200  # one of two taken: there is room
    assert [scan_status(app).status_code for app in (first, second)] == [200, 200]


def test_an_unreachable_redis_falls_back_to_a_cap_per_worker(web_db, tmp_path):
    app = scanning_app(web_db, f"redis+unix://{tmp_path}/gone.sock", cap=1)
    assert scan_status(app).status_code == 200
    with app.extensions["verifier_scan_slots"].slot():
        assert scan_status(app).status_code == 503


@pytest.mark.parametrize("uri,shared", [("memory://", False), ("redis://127.0.0.1:6390/0", True),
                                        ("redis+unix:///run/redis.sock?db=2", True)])
def test_which_storages_share_the_cap(web_db, uri, shared):
    assert (scanning_app(web_db, uri).extensions["verifier_scan_slots"].redis is not None) is shared
