"""A busy, full, unwritable or unreachable app database: a "try again" page (503), never a 500 or half a change.

Writes to the app database (reports, logins, staff actions) happen in one transaction each, so a
write that fails changes nothing; the visitor is told so, in their language, and asked to retry.
That holds on SQLite (locked, full, read-only) and on PostgreSQL (down, unreachable, full).
Checks never write to it (search counts are written by a background thread: searchcounts.py).
"""
from __future__ import annotations

from flask import Flask, current_app, render_template, request
from flask_babel import lazy_gettext as _l

from verifier.appdb.backend import redacted, unavailable_errors, unavailable_reason
from verifier.web.errors import api_error, handle_unexpected, wants_json

RETRY_AFTER_SECONDS = 30
TRY_AGAIN = _l("The database is busy or full, so this could not be done just now. Nothing was changed "
               "and nothing already stored was lost. Please try again in a minute.")


def handle_database_error(error: Exception):
    """Answer 503 with a try-again page (or the API's error shape) when the database is unavailable."""
    reason = unavailable_reason(error)
    if reason is None:
        return handle_unexpected(error)
    current_app.logger.warning("app database %s on %s %s: %s", reason, request.method, request.path,
                               redacted(str(error)))
    headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
    if wants_json():
        return api_error(str(TRY_AGAIN), 503, headers)
    return render_template("error.html", status=503, message=TRY_AGAIN), 503, headers


def init_app(app: Flask) -> None:
    """Register the try-again answer for database errors that mean "not now" (either engine)."""
    for error_class in unavailable_errors():
        app.register_error_handler(error_class, handle_database_error)
