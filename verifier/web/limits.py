"""Rate limits (Flask-Limiter): per client address, higher for partners sending an API key."""
from __future__ import annotations

import hashlib
import hmac

from flask import Flask, current_app, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

API_KEY_HEADER = "X-API-Key"


def partner_key() -> str | None:
    """Give the request's API key if it is one of the configured partner keys."""
    sent = request.headers.get(API_KEY_HEADER, "")
    if not sent:
        return None
    for key in current_app.config.get("API_KEYS") or ():
        if hmac.compare_digest(sent.encode(), key.encode()):
            return key
    return None


def client_key() -> str:
    """Give the rate-limit bucket: a hash of the partner key, else the client address."""
    key = partner_key()
    if key:
        return "key:" + hashlib.sha256(key.encode()).hexdigest()[:16]
    return "ip:" + (get_remote_address() or "unknown")


def api_limit() -> str:
    """Give the API limit string for this client (partners get the higher one)."""
    config = current_app.config
    return config["API_PARTNER_RATE_LIMIT"] if partner_key() else config["API_RATE_LIMIT"]


def page_limit() -> str:
    """Give the limit string for HTML look-up pages."""
    return current_app.config["PAGE_RATE_LIMIT"]


def scan_limit() -> str:
    """Give the limit string for offer scans (partners get the higher one)."""
    config = current_app.config
    return config["SCAN_PARTNER_RATE_LIMIT"] if partner_key() else config["SCAN_RATE_LIMIT"]


def is_free() -> bool:
    """Tell whether the request costs nothing: a CORS preflight or the health probe."""
    return request.method == "OPTIONS" or request.endpoint == "api.health"


def init_app(app: Flask) -> Limiter:
    """Give a limiter for this app: the API blueprint and look-up pages limited, health exempt."""
    # If the shared storage (redis) goes away, keep answering with per-worker counts until it is
    # back: a hotline's check must not fail because a counter is unreachable.
    limiter = Limiter(key_func=client_key, default_limits=[], in_memory_fallback_enabled=True, app=app)
    # One bucket per client for the whole API, and one for all look-up pages.
    limiter.shared_limit(api_limit, scope="api", exempt_when=is_free)(app.blueprints["api"])
    pages = limiter.shared_limit(page_limit, scope="pages")
    for endpoint in ("pages.check_page", "widget.embed", "hotline.hotline"):
        if endpoint in app.view_functions:
            app.view_functions[endpoint] = pages(app.view_functions[endpoint])
    scans = limiter.shared_limit(scan_limit, scope="scans", exempt_when=is_free)
    for endpoint in ("offer.offer_result", "api.scan"):  # on top of the page or API limit
        if endpoint in app.view_functions:
            app.view_functions[endpoint] = scans(app.view_functions[endpoint])
    return limiter
