"""Language choice for the web: ?lang= parameter, then cookie, then Accept-Language."""
from __future__ import annotations

from flask import Flask, Response, current_app, request, url_for
from flask_babel import Babel, get_locale
from werkzeug.routing import BuildError

from verifier.offers.cards import mask_result

COOKIE = "lang"
LANGUAGE_NAMES = {"kk": "Қазақша", "ru": "Русский", "uz": "Oʻzbekcha", "en": "English"}


def supported() -> tuple[str, ...]:
    """Give the configured language codes."""
    return tuple(current_app.config["LANGUAGES"])


def requested_lang() -> str | None:
    """Give the ?lang= value if it names a supported language."""
    lang = (request.args.get("lang") or "").strip().lower()
    return lang if lang in supported() else None


def select_locale() -> str:
    """Give the language for this request (parameter, cookie, Accept-Language, default)."""
    lang = requested_lang()
    if lang is None and not request.path.startswith("/api/"):
        cookie = request.cookies.get(COOKIE, "")
        lang = cookie if cookie in supported() else None
    if lang is None:
        lang = request.accept_languages.best_match(supported())
    return lang or current_app.config["BABEL_DEFAULT_LOCALE"]


def current_lang() -> str:
    """Give the language code of the current request."""
    return str(get_locale() or current_app.config["BABEL_DEFAULT_LOCALE"])


def remember_lang(response: Response) -> Response:
    """Store an explicit ?lang= choice in a cookie (pages only, not the API or the embed)."""
    lang = requested_lang()
    skip = request.path.startswith("/api/") or request.endpoint in ("widget.embed", "static")
    if lang and not skip and request.cookies.get(COOKIE) != lang:
        response.set_cookie(COOKIE, lang, max_age=365 * 24 * 3600, samesite="Lax",
                            httponly=True, secure=request.is_secure)
    return response


def switch_url(lang: str) -> str:
    """Give the current page's URL in another language, keeping its other parameters."""
    view_args = request.view_args or {}
    # Keep ordinary parameters only: never let the query override path parts or url_for's own
    # arguments (`endpoint`, `_external`, ...); a card number in it is masked.
    args = mask_result({k: v for k, v in request.args.items()
                        if k not in ("lang", "endpoint") and not k.startswith("_") and k not in view_args})
    if request.endpoint and request.url_rule is not None:
        try:
            return url_for(request.endpoint, **view_args, **args, lang=lang)
        except (BuildError, TypeError, ValueError):  # never fail a page (or its error page) over this
            pass
    return url_for("pages.home", lang=lang)


def init_app(app: Flask) -> None:
    """Attach Flask-Babel with our locale selector and the template helpers."""
    from verifier.web import display

    Babel(app, locale_selector=select_locale)
    app.after_request(remember_lang)
    display.init_app(app)

    @app.context_processor
    def language_helpers() -> dict:
        """Expose the switcher data to every template."""
        return {"LANGUAGE_NAMES": LANGUAGE_NAMES, "switch_url": switch_url,
                "current_lang": current_lang, "languages": supported()}
