"""One registry per request: the engine's registry is pinned when a request starts, released at its end.

A registry swap (a refresh, or a newer snapshot in VERIFIER_SNAPSHOT_DIR) lands between requests:
a request that started on the old registry finishes on it. The snapshot answered from is also put
in the WSGI environ (`verifier.snapshot`), so an access log may record it (gunicorn's
`%({verifier.snapshot}e)s`); it is never in the default log format.
"""
from __future__ import annotations

from flask import Flask, current_app, g, request

ENVIRON_KEY = "verifier.snapshot"


def pin_registry() -> None:
    """Pin the registry this request answers from (static files need none)."""
    if (request.endpoint or "").endswith("static"):
        return
    engine = current_app.extensions["verifier"]
    g.verifier_pin = engine.pin()
    request.environ[ENVIRON_KEY] = engine.snapshot_name() or "-"


def release_registry(_error: BaseException | None) -> None:
    """Release the registry the request was pinned to."""
    token = g.pop("verifier_pin", None)
    if token is not None:
        current_app.extensions["verifier"].unpin(token)


def init_app(app: Flask) -> None:
    """Register the pin at each request's start and its release at the end."""
    app.before_request(pin_registry)
    app.teardown_request(release_registry)
