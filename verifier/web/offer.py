"""Paste an offer (issue 12): the /offer page and the JSON scan; the text is never stored or logged."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify, render_template, request
from flask_babel import lazy_gettext as _l

from verifier.appdb import searchcounts
from verifier.offers.scan import MAX_TEXT, scan
from verifier.offers.rules import texts
from verifier.offers.cards import mask_cards
from verifier.web import bounds, lookup
from verifier.web.errors import api_error
from verifier.web.locale import current_lang

bp = Blueprint("offer", __name__)

# A character is up to 12 bytes once form- or JSON-escaped (4 UTF-8 bytes as %XX%XX%XX%XX, or a
# surrogate pair as two \uXXXX): 20,000 of them in any script fit, with room for the rest of the form.
MAX_BODY = 12 * MAX_TEXT + 16 * 1024
EMPTY = _l("Paste the text of the offer first.")
TOO_LONG = _l("The text is too long: at most %(max)s characters.", max=f"{MAX_TEXT:,}")


def run_scan(text: str, lang: str) -> dict:
    """Give the scan of an offer and count it (the day, risk and flag codes only); ScansBusy when
    this address runs too many at once, ScanTimeout past the scan's deadline."""
    with bounds.scan_slot():
        engine = lookup.loaded_engine()
        deadline = bounds.deadline("scan")
        result = scan(text, lang, engine, deadline=deadline, should_stop=deadline.gone)
    searchcounts.count_scan(result["risk"], [f["code"] for f in result["flags"]])
    return result


def marked(text: str, flags: list[dict]) -> list[tuple[str, str | None]]:
    """Give the text cut into pieces, each with the flag code whose quote it is (or None)."""
    pieces, pos = [], 0
    for f in sorted(flags, key=lambda f: f["start"]):
        if f["start"] >= pos:
            pieces += [(text[pos:f["start"]], None), (text[f["start"]:f["end"]], f["code"])]
            pos = f["end"]
    return [p for p in pieces + [(text[pos:], None)] if p[0]]


@bp.before_app_request
def _limit_body() -> None:
    """Let a scan's body be as large as a full offer needs (before the CSRF check reads the form)."""
    if request.endpoint in ("offer.offer_result", "api.scan"):
        request.max_content_length = max(MAX_BODY, current_app.config.get("MAX_CONTENT_LENGTH") or 0)


@bp.get("/offer")
def offer_form():
    """Give the page with the box to paste an offer into."""
    return render_template("offer.html", text="")


@bp.post("/offer")
def offer_result():
    """Give the scan of the pasted offer (a form post with its CSRF token; no JavaScript needed)."""
    text = request.form.get("text") or ""
    if not text.strip():
        return render_template("offer.html", text="", error=str(EMPTY)), 400
    if len(text) > MAX_TEXT:
        return render_template("offer.html", text="", error=str(TOO_LONG)), 413
    with current_app.extensions["verifier_limiter"].shared_limit(
            lambda: current_app.config["PAGE_RATE_LIMIT"], scope="pages"):
        result = run_scan(text, current_lang())
    return render_template("offer_result.html", result=result, pieces=marked(mask_cards(text), result["flags"]),
                           words=texts(result["lang"]))


def api_scan():
    """Give the scan of JSON {"text", "lang"} (POST /api/v1/scan), or the API's error shape."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not isinstance(body.get("text"), str):
        return api_error('Send a JSON object with "text" (and optionally "lang").', 400)
    if not body["text"].strip():
        return api_error("The text is empty.", 400)
    if len(body["text"]) > MAX_TEXT:
        return api_error(f"The text is too long: at most {MAX_TEXT} characters.", 413)
    lang = body.get("lang") if isinstance(body.get("lang"), str) else current_lang()
    return jsonify(run_scan(body["text"], lang))
