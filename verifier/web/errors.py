"""Error responses: one JSON shape under /api/, a friendly page everywhere else."""
from __future__ import annotations

from flask import Flask, current_app, jsonify, render_template, request
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import HTTPException, InternalServerError

from verifier.engine import ListsNotLoaded

FRIENDLY = {
    400: _l("The request could not be understood."),
    404: _l("There is no page at this address."),
    405: _l("This address does not accept that kind of request."),
    429: _l("Too many look-ups in a short time. Please wait a minute and try again."),
    500: _l("Something went wrong on our side. Please try again later."),
    503: _l("The lists this check searches are not loaded, so it cannot answer now. This is not "
            "\u201cnot found\u201d: try again later, or call a hotline."),
}


def wants_json() -> bool:
    """Tell whether the current request is an API request."""
    return request.path.startswith("/api/")


def api_error(message: str, status: int, headers: dict | None = None):
    """Give the API's error response: {"ok": false, "error": ..., "status": N}."""
    response = jsonify({"ok": False, "error": message, "status": status})
    response.status_code = status
    response.headers.update(headers or {})
    return response


def handle_http_error(error: HTTPException):
    """Render an HTTP error as JSON for the API or as a friendly page."""
    status = error.code or 500
    headers = {k: v for k, v in error.get_headers() if k.lower() in ("allow", "retry-after")}
    if wants_json():
        message = FRIENDLY.get(status) if status in (404, 429, 500) else None
        return api_error(str(message or error.description or error.name), status, headers)
    page = render_template("error.html", status=status, message=FRIENDLY.get(status, FRIENDLY[400]))
    return page, status, headers


def handle_unexpected(error: Exception):
    """Turn any uncaught exception into a 500 without leaking details (or the query)."""
    if isinstance(error, HTTPException):
        return handle_http_error(error)
    if isinstance(error, ListsNotLoaded):
        return handle_lists_not_loaded(error)
    current_app.logger.exception("Unhandled error on %s %s", request.method, request.path)
    return handle_http_error(InternalServerError())


def handle_lists_not_loaded(error: ListsNotLoaded):
    """Refuse to answer from missing lists: 503 in the API's shape, a plain page elsewhere."""
    current_app.logger.error("no verdict given: %s", error)
    if wants_json():
        return api_error(f"the lists are not loaded, no verdict can be given: {error}", 503,
                         {"Retry-After": "300"})
    return render_template("error.html", status=503, message=FRIENDLY[503]), 503, {"Retry-After": "300"}


def init_app(app: Flask) -> None:
    """Register the error handlers."""
    app.register_error_handler(ListsNotLoaded, handle_lists_not_loaded)
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(Exception, handle_unexpected)
