"""JSON API v1: the same dicts the pages render, with one error shape and open CORS for GET."""
from __future__ import annotations

from flask import Blueprint, Response, abort, jsonify, request

from verifier.web import lookup
from verifier.web.errors import api_error
from verifier.web.limits import API_KEY_HEADER
from verifier.web.locale import current_lang
from verifier.web.openapi import openapi_document

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
    """Give a constant answer (liveness probe and the no-op baseline for load tests)."""
    return jsonify({"ok": True})


@bp.get("/check")
def check():
    """Give the verdict for ?q= or name=, phone=, licence= in ?lang=."""
    if not lookup.has_query(request.args):
        return api_error("Give q, or one of name, phone, licence.", 400)
    try:
        return jsonify(lookup.run_check(request.args, current_lang()))
    except lookup.QueryError as error:
        return api_error(str(error), 400)


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
    return jsonify({"sources": lookup.sources()})


@bp.get("/openapi.json")
def openapi():
    """Give the OpenAPI 3.1 description of this API."""
    return jsonify(openapi_document(request.host_url.rstrip("/")))
