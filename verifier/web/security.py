"""Security headers (CSP, framing, sniffing, referrer) shared by every blueprint, and the Host rules.

A forged `Host` header must not reach what the site prints about itself (the widget snippet, the
OpenAPI `servers` URL): those use VERIFIER_PUBLIC_URL when it is set, and TRUSTED_HOSTS (comma-
separated host names) makes any request for another host a 400 before a view runs.
"""
from __future__ import annotations

import os
from typing import Iterable

from flask import Flask, Response, current_app, request
from werkzeug.exceptions import SecurityError
from werkzeug.middleware.proxy_fix import ProxyFix

# Pages that partners may put inside an iframe (endpoint names).
FRAMEABLE_ENDPOINTS = {"widget.embed"}

BASE_CSP = (
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "manifest-src 'self'",
)


def content_security_policy(frame_ancestors: Iterable[str] | None = None,
                            frame_src: Iterable[str] = ()) -> str:
    """Give the CSP header value; frame_ancestors None means the page may not be framed."""
    parts = list(BASE_CSP)
    if frame_src:
        parts.append("frame-src " + " ".join(frame_src))
    ancestors = list(frame_ancestors) if frame_ancestors is not None else []
    parts.append("frame-ancestors " + (" ".join(ancestors) if ancestors else "'none'"))
    return "; ".join(parts)


def embed_ancestors() -> list[str]:
    """Give the origins allowed to frame /embed: the configured allow-list, or any."""
    allowed = current_app.config.get("EMBED_ALLOWED_ORIGINS") or []
    return ["'self'", *allowed] if allowed else ["*"]


def apply_security_headers(response: Response) -> Response:
    """Set CSP, framing, nosniff and referrer headers on a response (after_request hook)."""
    frameable = request.endpoint in FRAMEABLE_ENDPOINTS
    ancestors = embed_ancestors() if frameable else None
    frame_src = ("'self'",) if request.endpoint == "widget.partners" else ()
    response.headers.setdefault("Content-Security-Policy",
                                content_security_policy(ancestors, frame_src))
    if not frameable:
        response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    # No referrer ever: result URLs carry the query, which must not reach the sites we link to.
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
    if request.endpoint != "static" and response.mimetype == "text/html":
        # Look-ups are private: keep them out of shared caches and back-forward snapshots elsewhere.
        response.headers.setdefault("Cache-Control", "private, no-store")
    return response


# Shown in the partner snippet while VERIFIER_PUBLIC_URL is not set: never the request's Host header.
PLACEHOLDER_URL = "https://CHECK-SITE.example"


def public_url(placeholder: str = "") -> str:
    """Give the site's base URL without a trailing slash: VERIFIER_PUBLIC_URL, else `placeholder`
    ("" makes the links relative); never the request's Host header, which a client can forge."""
    return (current_app.config.get("PUBLIC_URL") or placeholder).rstrip("/")


def printed_url() -> str:
    """Give this page's address as a printed record shows it: on VERIFIER_PUBLIC_URL when set,
    else the path alone; never the request's Host, and with any card number masked."""
    from urllib.parse import urlencode

    from verifier.offers.cards import mask_result
    query = urlencode(mask_result(list(request.args.items(multi=True))))
    return (current_app.config.get("PUBLIC_URL") or "").rstrip("/") + request.path + ("?" + query if query else "")


def configure_hosts(app: Flask) -> None:
    """Read VERIFIER_PUBLIC_URL, TRUSTED_HOSTS and VERIFIER_PROXY_HOPS unless the config has them."""
    app.config.setdefault("PUBLIC_URL", os.environ.get("VERIFIER_PUBLIC_URL", ""))
    hosts = [h.strip() for h in os.environ.get("TRUSTED_HOSTS", "").split(",") if h.strip()]
    if app.config.get("TRUSTED_HOSTS") is None and hosts:
        app.config["TRUSTED_HOSTS"] = hosts  # Flask answers 400 to any other Host
    # Behind N proxies every request comes from the proxy: take the client address (used only as an
    # in-memory rate-limit key, never stored) and scheme from the last N X-Forwarded-* entries.
    hops = int(app.config.setdefault("PROXY_HOPS", int(os.environ.get("VERIFIER_PROXY_HOPS", "0"))))
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=0, x_port=0, x_prefix=0)


def refuse_host(error: SecurityError):
    """Answer 400 to a request for a host not in TRUSTED_HOSTS (no page links: no URLs can be built)."""
    from verifier.web.errors import api_error, wants_json
    if wants_json():
        return api_error("Unknown host.", 400)
    return Response("Unknown host.\n", 400, mimetype="text/plain")


def init_app(app: Flask) -> None:
    """Register the security headers on every response of the app, and the Host rules."""
    configure_hosts(app)
    app.register_error_handler(SecurityError, refuse_host)
    app.after_request(apply_security_headers)
    app.add_template_global(printed_url)
