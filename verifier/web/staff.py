"""Staff pages: login, the moderation queue (approve, reject, merge), the NGO list, audit and counts.

Accounts are made from the command line (`python -m verifier.cli.staff create NAME`). Logins are
rate-limited; the session cookie is Secure, HttpOnly and SameSite; every POST carries a CSRF
token; every action lands in the append-only audit log with who and when.
"""
from __future__ import annotations

import io
from functools import wraps

from flask import (Blueprint, Response, abort, current_app, flash, g, redirect, render_template,
                   request, session, url_for)
from flask_wtf import FlaskForm
from flask_wtf.csrf import generate_csrf

from verifier import appdb
from verifier.appdb import searchcounts
from verifier.appdb import ngo
from verifier.web.reports import rate_limited

bp = Blueprint("staff", __name__, url_prefix="/staff")


@bp.record_once
def setup(state) -> None:
    """Make sure the login rate limit is set (the cookie settings come from the app's config:
    `web.config.default_config`, then whatever `create_app` was given)."""
    state.app.config.setdefault("STAFF_LOGIN_RATE_LIMIT", "5/minute;30/hour")


class ActionForm(FlaskForm):
    """An empty form: only its CSRF token, rendered in every staff form."""


@bp.before_request
def load_staff() -> Response | None:
    """Send a visitor without a live staff session to the login page (CSRF is checked app-wide).

    A session is live while its account is active and still at the session version it was signed
    with: logout, disabling the account or a new password bump the version, so a copied cookie
    stops working at once instead of when it expires.
    """
    staff_id, version = session.get("staff_id"), session.get("staff_version")
    live = isinstance(staff_id, int) and isinstance(version, int)
    g.staff = appdb.get_staff(staff_id, version) if live else None
    if g.staff is None and request.endpoint != "staff.login":
        session.pop("staff_id", None)
        session.pop("staff_version", None)
        return redirect(url_for("staff.login"))
    return None


@bp.context_processor
def staff_context() -> dict:
    """Give staff templates a CSRF token maker for the forms outside a FlaskForm."""
    return {"staff_csrf": generate_csrf}


def actor() -> str:
    """Return the logged-in staff member's name for the audit log."""
    return g.staff["username"]


def decided(fn):
    """Run a moderation action; a ValueError (not pending, missing reason) becomes a 400 page."""
    @wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except ValueError as error:
            return render_template("staff/error.html", message=str(error), form=ActionForm()), 400
    return wrapper


def form_text(name: str, limit: int = 1000) -> str:
    """Return a posted text field, refused (400) when longer than limit."""
    value = (request.form.get(name) or "").strip()
    if len(value) > limit:
        abort(400, description=f"{name} is longer than {limit} characters")
    return value


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Give the login form; on a correct name and password start a fresh staff session."""
    form = ActionForm()
    if request.method == "POST":
        with rate_limited("STAFF_LOGIN_RATE_LIMIT"):
            staff = appdb.authenticate(form_text("username", 64), form_text("password", 200))
        if staff is None:
            return render_template("staff/login.html", form=form, failed=True), 401
        session.clear()  # no session fixation: a new session (and CSRF token) after login
        session.permanent = True
        session["staff_id"], session["staff_version"] = staff["id"], staff["session_version"]
        return redirect(url_for("staff.queue"), 303)
    return render_template("staff/login.html", form=form, failed=False)


@bp.post("/logout")
def logout():
    """End the staff session everywhere: the cookie here and any copy of it (server-side version)."""
    if g.staff is not None:
        appdb.end_sessions(g.staff["id"], actor())  # first: on a locked database, stay logged in to retry
    session.clear()
    return redirect(url_for("staff.login"), 303)


@bp.get("/")
def queue():
    """Give the pending reports and corrections, oldest first."""
    return render_template("staff/queue.html", reports=appdb.list_reports("pending"),
                           recent=appdb.recent_decisions(20))


@bp.get("/reports/<int:report_id>")
def report(report_id: int):
    """Give one report with its contact (staff only), its history and the actions on it."""
    item = appdb.get_report(report_id)
    if item is None:
        abort(404)
    return render_template("staff/report.html", report=item, form=ActionForm(),
                           entries=ngo.list_entries(), history=appdb.audit_rows(target=f"report:{report_id}"))


@bp.post("/reports/<int:report_id>/<any(approve, reject, merge, accept):action>")
@decided
def decide(report_id: int, action: str):
    """Apply a moderation action to a pending report, then go back to the queue."""
    if appdb.get_report(report_id) is None:
        abort(404)
    note = form_text("note")
    if action == "approve":
        ngo.approve(report_id, actor(), note, current_app.config.get("VERIFIER_NGO_URL") or "")
    elif action == "merge":
        ngo.merge(report_id, actor(), form_text("entry_id", 64), note)
    elif action == "accept":
        ngo.accept_correction(report_id, actor(), note)
    else:
        ngo.reject(report_id, actor(), note)
    flash(f"Report {report_id}: {action} done.")
    return redirect(url_for("staff.queue"), 303)


@bp.get("/entries")
def entries():
    """Give the NGO warning list, removed entries last."""
    return render_template("staff/entries.html", entries=ngo.list_entries(include_removed=True), form=ActionForm())


@bp.post("/entries/<entry_id>/remove")
@decided
def remove_entry(entry_id: str):
    """Take an entry off the warning list with a reason."""
    if len(entry_id) > 64 or not appdb.entry_exists(entry_id):
        abort(404)
    ngo.remove_entry(entry_id, actor(), form_text("note"))
    return redirect(url_for("staff.entries"), 303)


def csv_download(write_csv, action: str, target: str, filename: str) -> Response:
    """Give what `write_csv` writes as a CSV download, the export audited with its row count."""
    out = io.StringIO()
    count = write_csv(out)
    with appdb.session() as db:
        appdb.audit(db, actor(), action, target, rows=count)
    return Response(out.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": f"attachment; filename={filename}"})


@bp.get("/entries.csv")
def export():
    """Give the listed entries as CSV in the import template (audited)."""
    return csv_download(ngo.export_csv, "list.exported", "ngo_entries", "ngo-warning-list.csv")


@bp.get("/audit")
def audit():
    """Give the newest audit log rows."""
    return render_template("staff/audit.html", rows=appdb.audit_rows(500))


@bp.get("/stats")
def stats():
    """Give search counts per day and verdict (no query text is ever stored)."""
    return render_template("staff/stats.html", rows=searchcounts.search_counts())
