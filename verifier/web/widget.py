"""Partner widget: the framed /embed page, the /widget.js loader and the /widget snippet page."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, current_app, render_template, request, send_from_directory, url_for

from verifier.web import lookup
from verifier.web.locale import current_lang
from verifier.web.security import PLACEHOLDER_URL, public_url

bp = Blueprint("widget", __name__)


def parent_origin() -> str | None:
    """Give the partner page's origin passed by widget.js, if well-formed and allowed."""
    raw = (request.args.get("origin") or "").strip()
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path or parts.query:
        return None
    origin = f"{parts.scheme}://{parts.netloc}"
    allowed = current_app.config.get("EMBED_ALLOWED_ORIGINS") or []
    return origin if not allowed or origin in allowed else None


@bp.get("/embed")
def embed():
    """Give the compact check form and result for use inside a partner's iframe."""
    result, error = lookup.try_check(request.args, current_lang())
    return render_template("embed.html", result=result, error=error, origin=parent_origin(),
                           form=lookup.shown_args(request.args)), 400 if error else 200


@bp.get("/widget.js")
def loader():
    """Give the one-file loader partners include with a script tag."""
    response = send_from_directory(current_app.static_folder, "widget-loader.js",
                                   mimetype="text/javascript", max_age=3600)
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


@bp.get("/widget")
def partners():
    """Give the page that shows partners the snippet to paste, with a live example."""
    script_url = public_url(PLACEHOLDER_URL) + url_for("widget.loader")  # never the request's Host header
    return render_template("widget.html", script_url=script_url)
