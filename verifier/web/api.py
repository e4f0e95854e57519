"""JSON API v1: the same dicts the pages render, with one error shape and open CORS for GET."""
from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, jsonify, request

from verifier import appdb
from verifier.appdb.backend import database_errors

from verifier.web import lookup
from verifier.web.errors import api_error
from verifier.web.limits import API_KEY_HEADER
from verifier.web.locale import current_lang
from verifier.web.openapi import openapi_document
from verifier.web.security import public_url

bp = Blueprint("api", __name__, url_prefix="/api/v1")


@bp.after_request
def allow_cross_origin(response: Response) -> Response:
    """Let any site read GET responses, without cookies or credentials."""
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Allow-Methods"] = "GET, OPTIONS"
    response.headers["Access-Control-Allow-Headers"] = f"{API_KEY_HEADER}, Accept-Language"
    response.headers["Access-Control-Expose-Headers"] = "Retry-After, X-RateLimit-Remaining"
    response.headers["Access-Control-Max-Age"] = "86400"
    response.headers.setdefault("Cache-Control", "no-store")
    return response


@bp.get("/health")
def health():
    """Give 200 when the registry and the app database open as a check opens them, else 503 and why."""
    ready, states = lookup.engine().readiness()
    problems = [] if ready else ["the lists are not loaded: " + ", ".join(
        f"{s['id']} {s['state']}" for s in states if s["state"] in ("missing", "never", "empty")) or "no records"]
    try:
        appdb.ping(current_app.config["VERIFIER_APP_DB"])
    except (*database_errors(), OSError) as exc:
        problems.append(f"the app database cannot be read: {exc}")
    body = {"ok": not problems, "problems": problems, "snapshot": lookup.engine().snapshot_name(), "sources": states}
    return jsonify(body), 200 if not problems else 503


@bp.get("/check")
def check():
    """Give the verdict for ?q= or name=, phone=, licence= in ?lang=."""
    if not lookup.has_query(request.args):
        return api_error("Give q, or one of name, phone, licence.", 400)
    try:
        return jsonify(lookup.run_check(request.args, current_lang()))
    except lookup.QueryError as error:
        return api_error(str(error), 400)


@bp.post("/scan")
def scan():
    """Give the offer scan of JSON {"text", "lang"} (issue 12; the text is never stored)."""
    from verifier.web.offer import api_scan
    return api_scan()


@bp.post("/reports")
def report():
    """Store a report as JSON, as the /report form does (same checks, same per-address limit): 201."""
    from verifier.web.reports import api_report
    return api_report()


@bp.get("/agencies/<agency_id>")
def agency(agency_id: str):
    """Give one agency record with its status history."""
    record = lookup.agency(agency_id, current_lang())
    if record is None:
        abort(404)
    return jsonify(record)


@bp.get("/sources")
def sources():
    """Give the sources with record counts and freshness."""
    return jsonify({"sources": lookup.sources(current_lang())})


@bp.get("/openapi.json")
def openapi():
    """Give the OpenAPI 3.1 description of this API."""
    return jsonify(openapi_document(public_url()))  # never the request's Host header
