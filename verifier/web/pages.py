"""Job-seeker pages: search box, result, agency record and sources."""
from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request, url_for

from verifier.web import lookup
from verifier.web.locale import current_lang

bp = Blueprint("pages", __name__)


@bp.get("/")
def home():
    """Give the search page."""
    return render_template("home.html")


@bp.get("/check")
def check_page():
    """Give the result page for ?q= (or name=, phone=, licence=); a shareable GET link."""
    if not lookup.has_query(request.args):
        return redirect(url_for("pages.home"))
    try:
        result = lookup.run_check(request.args, current_lang())
    except lookup.QueryError as error:
        return render_template("home.html", error=str(error)), 400
    return render_template("result.html", result=result, form=lookup.shown_args(request.args))


@bp.get("/agency/<agency_id>")
def agency(agency_id: str):
    """Give one agency's record with its status history."""
    record = lookup.agency(agency_id, current_lang())
    if record is None:
        abort(404)
    return render_template("agency.html", agency=record)


@bp.get("/sources")
def sources():
    """Give the list of sources with publisher, record count and freshness."""
    return render_template("sources.html", sources=lookup.sources(current_lang()))
