"""Webhook mode: Telegram POSTs each update to a secret path on loopback, behind the site's proxy.

Two secrets guard it: the path (derived from the webhook secret, so one value configures both)
and Telegram's `X-Telegram-Bot-Api-Secret-Token` header, compared in constant time; a request
without the right header gets 403. No access log: the path is a secret and nothing else is logged.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
import re

from aiohttp import web
from aiogram.types import Update
from pydantic import ValidationError

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
PATH_PREFIX = "/telegram/"
MAX_UPDATE_BYTES = 1024 * 1024  # an update holds at most a 4,096-character message and its reply
SECRET_RE = re.compile(r"[A-Za-z0-9_-]{16,256}")  # what Telegram accepts, at least 16 characters here


def webhook_path(secret: str) -> str:
    """Give the secret path Telegram posts to, derived from the webhook secret."""
    return PATH_PREFIX + hashlib.sha256(f"path:{secret}".encode()).hexdigest()[:32]


def valid_secret(secret: str) -> bool:
    """Tell whether a webhook secret is one Telegram accepts (16-256 of A-Z a-z 0-9 _ -)."""
    return bool(SECRET_RE.fullmatch(secret))


def _secret_matches(request: web.Request, secret: str) -> bool:
    """Tell whether the request carries Telegram's secret-token header with our secret."""
    sent = request.headers.get(SECRET_HEADER, "")
    return hmac.compare_digest(sent.encode("utf-8", "replace"), secret.encode())


def make_app(bot, dispatcher, secret: str) -> web.Application:
    """Give the aiohttp app answering POSTs to the secret path; every other path is 404."""
    app = web.Application(client_max_size=MAX_UPDATE_BYTES)

    async def receive(request: web.Request) -> web.Response:
        """Give 403 without the secret header, 400 for a body that is no update, else handle it; 200."""
        if not _secret_matches(request, secret):
            return web.json_response({"ok": False, "error": "forbidden"}, status=403)
        try:
            update = Update.model_validate(await request.json(), context={"bot": bot})
        except (ValueError, ValidationError):
            return web.json_response({"ok": False, "error": "not an update"}, status=400)
        try:
            await dispatcher.feed_update(bot, update)
        except Exception as exc:  # already logged by kind; Telegram must not resend it forever
            log.error("update %s not handled: %s", update.update_id, type(exc).__name__)
        return web.json_response({"ok": True})

    app.router.add_post(webhook_path(secret), receive)
    return app


async def set_webhook(bot, public_url: str, secret: str, update_types: list[str]) -> str:
    """Tell Telegram where to post updates (the public URL plus the secret path); give that URL."""
    url = public_url.rstrip("/") + webhook_path(secret)
    await bot.set_webhook(url, secret_token=secret, allowed_updates=update_types)
    return url
