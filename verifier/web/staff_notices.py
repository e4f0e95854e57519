"""Staff pages for official notices: add one from a form, approve another's, export and import the CSV.

Under /staff/notices, behind the staff login (the staff pages' own check), with CSRF and the audit
log as for every staff action. A notice
is shown to the public only once a second staff member approves it, unless the office runs alone
(NOTICES_SELF_APPROVE), which the audit log records with the notice.
"""
from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for

from verifier.appdb import notices
from verifier.records.notices import GROUPS, MAX_QUOTE, STATUS_WORDS
from verifier.web.staff import ActionForm, actor, csv_download, decided, form_text, load_staff, staff_context

bp = Blueprint("staff_notices", __name__, url_prefix="/staff")
bp.before_request(load_staff)  # signed-in staff only, as on every staff page
bp.context_processor(staff_context)

MAX_IMPORT = 2 * 1024 * 1024
FIELD_LIMITS = {"name": 300, "name_variants": 1000, "country": 2, "reg_number": 100, "status": 20,
                "authority": 500, "date": 10, "url": 1000, "quote": MAX_QUOTE, "lang": 8, "note": 500}


def _alone() -> bool:
    """Tell whether this office publishes a notice without a second approval."""
    return bool(current_app.config.get("NOTICES_SELF_APPROVE"))


def _page(status: int = 200, error: str = "", values: dict | None = None):
    """Give the notices page: the form, the notices waiting for approval, the published ones."""
    return render_template("staff/notices.html", form=ActionForm(), pending=notices.list_notices("pending"),
                           published=notices.list_notices("published"), statuses=list(GROUPS),
                           status_words=STATUS_WORDS, alone=_alone(), error=error, values=values or {},
                           max_quote=MAX_QUOTE), status


@bp.get("/notices")
def notice_list():
    """Give the official notices page."""
    return _page()


@bp.post("/notices")
def notice_add():
    """Add a notice from the form; a problem is shown with the values kept."""
    values = {name: form_text(name, limit) for name, limit in FIELD_LIMITS.items()}
    try:
        notice_id = notices.add(values, actor(), alone=_alone())
    except ValueError as error:
        return _page(400, str(error), values)
    flash(f"Notice {notice_id} added" + (" and published (office of one)." if _alone() else
                                          ": it is shown once another staff member approves it."))
    return redirect(url_for("staff_notices.notice_list"), 303)


@bp.post("/notices/<int:notice_id>/<any(approve, reject):action>")
@decided
def notice_decide(notice_id: int, action: str):
    """Approve (publish) or reject a pending notice."""
    notices.decide(notice_id, actor(), action == "approve", form_text("note"))
    flash(f"Notice {notice_id}: {action} done.")
    return redirect(url_for("staff_notices.notice_list"), 303)


@bp.get("/notices.csv")
def notice_export():
    """Give the published notices as a notices CSV, the shipped file's columns (audited)."""
    return csv_download(notices.export_csv, "notices.exported", "notice_events", "official-notices.csv")


@bp.post("/notices/import")
@decided
def notice_import():
    """Add every row of an uploaded notices CSV (all or none), each waiting for approval."""
    upload = request.files.get("file")
    if upload is None:
        raise ValueError("choose a notices CSV file to import")
    content = upload.read(MAX_IMPORT + 1)
    if len(content) > MAX_IMPORT:
        abort(413)
    count = notices.import_csv(content, actor(), alone=_alone())
    flash(f"{count} notices imported.")
    return redirect(url_for("staff_notices.notice_list"), 303)
