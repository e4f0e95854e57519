"""Public report form: anyone reports a suspicious agency, or an agency asks for a correction.

No login. CSRF token (Flask-WTF, field `csrf_token`), a honeypot field, a rate limit on posts.
Reports wait in the staff queue; the reporter's contact is stored for staff only, and no client
address or search text is stored with a report.
"""
from __future__ import annotations

import os
import re

from flask import Blueprint, abort, current_app, jsonify, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, Regexp, ValidationError

from verifier import appdb
from verifier.appdb.backend import unavailable_errors
from verifier.names.normalize import clean_text
from verifier.names.numbers import looks_like_phone
from verifier.offers.cards import mask_cards

bp = Blueprint("reports", __name__)

MAX_FORM_BYTES = 64 * 1024  # a report is a few kB; anything larger is answered 413
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")


@bp.record_once
def setup(state) -> None:
    """Open (and migrate) the app database and set form limits."""
    app = state.app
    app.config.setdefault("REPORT_RATE_LIMIT", os.environ.get("VERIFIER_REPORT_RATE_LIMIT", "5/hour;20/day"))
    if app.config.get("MAX_CONTENT_LENGTH") is None:
        app.config["MAX_CONTENT_LENGTH"] = MAX_FORM_BYTES
    try:
        appdb.migrate(app.config["VERIFIER_APP_DB"])
    except unavailable_errors() as exc:  # checks work without it; writes say "try again" until it is back
        app.logger.warning("app database unavailable at start: %s", exc)


def rate_limited(limit_key: str):
    """Give the app's Flask-Limiter limit for a config key, usable as `with`: one count per client
    for every endpoint that uses the same key (the report form and POST /api/v1/reports)."""
    limiter = current_app.extensions["verifier_limiter"]
    return limiter.shared_limit(lambda: current_app.config[limit_key], scope=limit_key.lower(), methods=["POST"])


def clean_details(text: str | None) -> str:
    """Return free text with control characters dropped but line breaks kept."""
    return _CONTROL.sub("", (text or "").replace("\r\n", "\n")).strip()


def clean_line(text: str | None) -> str:
    """Return one line of text without control characters (the form's field filter)."""
    return clean_text(text or "", 500)


LINE = {"filters": [clean_line]}


class ReportForm(FlaskForm):
    """What a caller, or an agency asking for a correction, tells the NGO."""
    kind = RadioField(_l("What is this?"), default="report", choices=[
        ("report", _l("I want to warn about an agency")),
        ("correction", _l("I represent an agency and a listing is wrong"))])
    name = StringField(_l("Agency name"), [DataRequired(), Length(max=200)], **LINE)
    phone = StringField(_l("Phone number(s), separated by ;"), [Optional(), Length(max=200)], **LINE)
    licence_number = StringField(_l("Licence or registration number"), [Optional(), Length(max=60)], **LINE)
    country = StringField(_l("Country code (e.g. KZ)"), [Optional(), Regexp(r"^[A-Za-z]{2}$")], **LINE)
    agency_id = HiddenField(validators=[Optional(), Regexp(r"^[0-9a-f]{1,64}$")], **LINE)
    details = TextAreaField(_l("What happened? (what was promised, fees asked, documents taken)"),
                            [DataRequired(), Length(max=4000)], filters=[clean_details])
    contact = StringField(_l("Your phone or e-mail, if staff may contact you (optional, never published)"),
                          [Optional(), Length(max=200)], **LINE)
    homepage = StringField(_l("Leave this field empty"))  # honeypot: hidden from people, filled by bots


def prefill(args) -> dict:
    """Return form defaults from the search that led here (?name=, ?phone=, ?q=, ?licence=)."""
    q = mask_cards(clean_text(args.get("q", ""), 200))
    data = {k: mask_cards(clean_text(args.get(k, ""), 200)) for k in ("name", "phone", "licence", "agency_id")}
    if q and not data["name"] and not data["phone"]:
        data["phone" if looks_like_phone(q) else "name"] = q
    kind = "correction" if args.get("kind") == "correction" else "report"
    agency_id = data["agency_id"] if re.fullmatch(r"[0-9a-f]{1,64}", data["agency_id"]) else ""
    return {"name": data["name"], "phone": data["phone"], "licence_number": data["licence"],
            "kind": kind, "agency_id": agency_id}


@bp.route("/report", methods=["GET", "POST"])
def report():
    """Give the report form (prefilled from the search); store a valid post and thank the reporter."""
    if request.method == "GET":
        return render_template("report.html", form=ReportForm(data=prefill(request.args)))
    with rate_limited("REPORT_RATE_LIMIT"):
        form = ReportForm()
        if not form.validate():
            return render_template("report.html", form=form), 400
        if form.homepage.data:  # a bot: answer as if stored, keep nothing
            return redirect(url_for("reports.thanks"), 303)
        fields = {k: getattr(form, k).data or "" for k in appdb.REPORT_FIELDS}
        fields["country"] = fields["country"].upper()
        appdb.submit_report(fields)
    return redirect(url_for("reports.thanks"), 303)


def api_report():
    """Store a report sent as JSON (POST /api/v1/reports): 201 with its id, or the API's error shape."""
    from werkzeug.datastructures import MultiDict
    from verifier.web.errors import api_error
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not all(isinstance(v, str) for v in body.values()):
        return api_error('Send a JSON object of strings: "name" and "details" (and optionally "kind", '
                         '"phone", "licence_number", "country", "agency_id", "contact").', 400)
    with rate_limited("REPORT_RATE_LIMIT"):
        form = ReportForm(formdata=MultiDict(body), meta={"csrf": False})
        if not form.validate():
            fields = ", ".join(sorted(form.errors))
            return api_error(f"These fields are missing or not valid: {fields}.", 400)
        fields = {k: getattr(form, k).data or "" for k in appdb.REPORT_FIELDS}
        fields["country"] = fields["country"].upper()
        report_id = appdb.submit_report(fields)
    return jsonify({"ok": True, "id": report_id, "status": "pending"}), 201


@bp.get("/report/thanks")
def thanks():
    """Give the page shown after a report is stored."""
    return render_template("report_thanks.html")
