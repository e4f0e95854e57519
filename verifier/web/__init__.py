"""Flask app factory for the recruitment-agency check website and JSON API."""
from __future__ import annotations

import os
from typing import Any

from flask import Flask

from verifier.web import advice, api, errors, hotline, limits, locale, pages, security, widget
from verifier.web import reports, staff  # issue 5: public reports and moderation

# Every blueprint of the site, in one place. Other packages add theirs here.
BLUEPRINTS = (
    pages.bp,
    hotline.bp,
    widget.bp,
    api.bp,
    reports.bp, staff.bp,
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
    # The checker reads the registry path from the environment (opened read-only there).
    os.environ["VERIFIER_DB"] = str(app.config["VERIFIER_DB"])
    app.json.sort_keys = False
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    locale.init_app(app)
    advice.init_app(app)
    errors.init_app(app)
    security.init_app(app)
    app.extensions["verifier_limiter"] = limits.init_app(app)
    if app.config.get("WARM_INDEX"):
        from verifier.web import lookup

        lookup.warm()
    return app
