"""Flask app factory for the recruitment-agency check website and JSON API."""
from __future__ import annotations

from typing import Any

from flask import Flask
from flask_wtf.csrf import CSRFProtect

from verifier.appdb import searchcounts
from verifier.engine import Engine, ListsNotLoaded

from verifier.web import advice, api, errors, hotline, limits, locale, pages, security, widget
from verifier.web import faults, pinning, reports, staff
from verifier.web import offer  # issue 12: paste an offer
from verifier.web import bounds  # issue 23: deadlines, scans capped per address

# Every blueprint of the site, in one place. Other packages add theirs here.
BLUEPRINTS = (
    pages.bp,
    hotline.bp,
    widget.bp,
    api.bp,
    reports.bp, staff.bp,
    offer.bp,
)


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Give a configured app: defaults, then instance config.py, then the test's dict on top."""
    app = Flask(__name__, instance_relative_config=True)
    from verifier.web.config import default_config

    app.config.from_mapping(default_config())
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
    else:
        app.config.from_mapping(test_config)
    # One engine per app, made from its config: the registry (read-only) and the NGO list.
    app.extensions["verifier"] = Engine.from_config(app.config)
    app.json.sort_keys = False
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    # Every POST of every blueprint carries a CSRF token; only the cookie-less JSON API is exempt.
    CSRFProtect(app).exempt(api.bp)
    pinning.init_app(app)  # first: every other hook of a request sees the registry it answers from
    locale.init_app(app)
    advice.init_app(app)
    searchcounts.init_app(app)
    errors.init_app(app)
    faults.init_app(app)  # a locked or full app database: 503 "try again"
    security.init_app(app)
    app.extensions["verifier_limiter"] = limits.init_app(app)
    bounds.init_app(app)
    if app.config.get("WARM_INDEX"):
        try:
            app.extensions["verifier"].warm()
        except (FileNotFoundError, ListsNotLoaded) as exc:  # served as 503 until the lists load
            app.logger.warning("lists not loaded: %s", exc)
    return app
