"""A busy, full or unwritable app database: a "try again" page (503), never a 500 or half a change.

Writes to the app database (reports, logins, staff actions) happen in one transaction each, so a
write that fails changes nothing; the visitor is told so, in their language, and asked to retry.
Checks never write to it (search counts are written by a background thread: searchcounts.py).
"""
from __future__ import annotations

import sqlite3

from flask import Flask, current_app, render_template, request
from flask_babel import lazy_gettext as _l

from verifier.web.errors import api_error, handle_unexpected, wants_json

# SQLite primary result codes that mean "not now", not "a bug": busy, locked, read-only, I/O
# error, disk full, cannot open.
UNAVAILABLE = {5: "busy", 6: "locked", 8: "read-only", 10: "I/O error", 13: "full", 14: "cannot open"}
RETRY_AFTER_SECONDS = 30
TRY_AGAIN = _l("The database is busy or full, so this could not be done just now. Nothing was changed "
               "and nothing already stored was lost. Please try again in a minute.")


def unavailable_reason(error: BaseException) -> str | None:
    """Give why the database cannot be used now ("locked", "full", ...), or None for other errors."""
    code = getattr(error, "sqlite_errorcode", None)
    return UNAVAILABLE.get(code & 0xFF) if isinstance(code, int) else None


def handle_database_error(error: sqlite3.OperationalError):
    """Answer 503 with a try-again page (or the API's error shape) when the database is unavailable."""
    reason = unavailable_reason(error)
    if reason is None:
        return handle_unexpected(error)
    current_app.logger.warning("app database %s on %s %s: %s", reason, request.method, request.path, error)
    headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
    if wants_json():
        return api_error(str(TRY_AGAIN), 503, headers)
    return render_template("error.html", status=503, message=TRY_AGAIN), 503, headers


def init_app(app: Flask) -> None:
    """Register the try-again answer for SQLite errors that mean "not now"."""
    app.register_error_handler(sqlite3.OperationalError, handle_database_error)
