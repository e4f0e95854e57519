"""Security headers (CSP, framing, sniffing, referrer) shared by every blueprint."""
from __future__ import annotations

from typing import Iterable

from flask import Flask, Response, current_app, request

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


def init_app(app: Flask) -> None:
    """Register the security headers on every response of the app."""
    app.after_request(apply_security_headers)
