"""Hotline mode: a keyboard-first page for operators; works as a plain form without JavaScript."""
from __future__ import annotations

from flask import Blueprint, render_template, request
from flask_babel import gettext as _

from verifier.web import lookup, offer
from verifier.web.display import OTHER_FIRM
from verifier.web.advice import NOT_FOUND_WARNING, RISK_LABELS, STATUS_GROUP_LABELS, VERDICTS
from verifier.web.locale import current_lang

bp = Blueprint("hotline", __name__)


@bp.get("/hotline")
def hotline():
    """Give the hotline page, with server-rendered results when a query was submitted."""
    if (text := offer.pasted_offer(request.args)) is not None:
        return offer.scan_page(text)  # a pasted message longer than the box: the offer scan reads it whole
    result, error = lookup.try_check(request.args, current_lang())
    labels = script_labels()
    status = 400 if error else 200
    return render_template("hotline.html", result=result, error=error,
                           form=lookup.shown_args(request.args), labels=labels), status


def script_labels() -> dict:
    """Give the translated words hotline.js needs, keyed for lookup in the script."""
    return {
        "verdicts": {code: str(label) for code, (_css, label) in VERDICTS.items()},
        "css": {code: css for code, (css, _label) in VERDICTS.items()},
        "risks": {code: str(label) for code, label in RISK_LABELS.items()},
        "notSafe": str(NOT_FOUND_WARNING),
        "groups": {code: str(label) for code, label in STATUS_GROUP_LABELS.items()},
        "dataAsOf": _("data as of"), "checked": _("checked"), "noMatches": _("No records found."),
        "copied": _("Call note copied."), "copyFailed": _("Copy failed: select the note and copy it."),
        "failed": _("The check failed. Try again."), "query": _("query"), "otherFirm": str(OTHER_FIRM),
        "help": _("Ask for help"),
        "snapshot": _("registry snapshot"),
        "notices": _("Official notices"),
    }
