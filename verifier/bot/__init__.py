"""The Telegram bot: the check and the offer scan, answered in the chat where the offer arrived.

Built on aiogram 3 and the same engine as the site (no Flask): `python -m verifier.bot --polling`
or `--webhook`. Settings come from the environment (read once, here); message text is never
stored or logged, only the site's counts per day.
"""
from __future__ import annotations

import os
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Mapping

from verifier.engine import Engine
from verifier.hotlines import configured_hotlines
from verifier.i18n import LANGUAGES

if TYPE_CHECKING:
    from .limits import BotLimiter

DEFAULT_API_URL = "https://api.telegram.org"
DEFAULT_LISTEN = "127.0.0.1:8081"
DEFAULT_USER_LIMIT = "10/minute;200/day"
DEFAULT_GLOBAL_LIMIT = "20/second;600/minute"
DEFAULT_LANG = "ru"
UPDATE_TYPES = ["message", "callback_query"]


class BotConfigError(ValueError):
    """The bot cannot start with these settings; the message says what to set."""


def _secret(environ: Mapping[str, str], value: str | None, file_name: str | None, what: str) -> str:
    """Give a secret set directly, or read from the file named; empty when neither is set."""
    if value:
        return value.strip()
    if not file_name:
        return ""
    try:
        return Path(file_name).read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise BotConfigError(f"cannot read the {what} file {file_name}: {exc.strerror}") from exc


def read_token(environ: Mapping[str, str]) -> str:
    """Give the bot token from VERIFIER_BOT_TOKEN or the file VERIFIER_BOT_TOKEN_FILE names."""
    token = _secret(environ, environ.get("VERIFIER_BOT_TOKEN"), environ.get("VERIFIER_BOT_TOKEN_FILE"), "token")
    if not token:
        raise BotConfigError("no bot token: set VERIFIER_BOT_TOKEN (the token BotFather gave), or "
                             "VERIFIER_BOT_TOKEN_FILE to a file holding it. The site is not affected.")
    left, sep, right = token.partition(":")
    if not (sep and left.isdigit() and right) or any(ch.isspace() for ch in token):
        raise BotConfigError("VERIFIER_BOT_TOKEN does not look like a bot token (digits:letters, from BotFather)")
    return token


def _listen(value: str) -> tuple[str, int]:
    """Give (host, port) of a HOST:PORT setting."""
    host, _, port = value.rpartition(":")
    if not host or not port.isdigit():
        raise BotConfigError(f"VERIFIER_BOT_LISTEN must be HOST:PORT, not {value!r}")
    return host.strip("[]"), int(port)


def _seconds(value: str) -> float:
    """Give a positive number of seconds of VERIFIER_COUNT_FLUSH_SECONDS."""
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0
    if seconds <= 0:
        raise BotConfigError(f"VERIFIER_COUNT_FLUSH_SECONDS must be a number of seconds, not {value!r}")
    return seconds


@dataclass(frozen=True)
class BotSettings:
    """Everything the bot reads from its environment, read once at start."""
    token: str
    api_url: str = DEFAULT_API_URL
    public_url: str = ""
    webhook_url: str = ""
    webhook_secret: str = ""
    listen: tuple[str, int] = ("127.0.0.1", 8081)
    user_limit: str = DEFAULT_USER_LIMIT
    global_limit: str = DEFAULT_GLOBAL_LIMIT
    limits_enabled: bool = True
    storage_uri: str = "memory://"
    hotlines: tuple = ()
    count_flush_seconds: float = 10.0

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> "BotSettings":
        """Give the settings of VERIFIER_BOT_* and the site's shared ones; raise BotConfigError."""
        return cls(
            token=read_token(environ),
            api_url=(environ.get("VERIFIER_BOT_API_URL") or DEFAULT_API_URL).rstrip("/"),
            public_url=(environ.get("VERIFIER_PUBLIC_URL") or "").rstrip("/"),
            webhook_url=(environ.get("VERIFIER_BOT_WEBHOOK_URL") or "").rstrip("/"),
            webhook_secret=_secret(environ, environ.get("VERIFIER_BOT_WEBHOOK_SECRET"),
                                   environ.get("VERIFIER_BOT_WEBHOOK_SECRET_FILE"), "webhook secret"),
            listen=_listen(environ.get("VERIFIER_BOT_LISTEN") or DEFAULT_LISTEN),
            user_limit=environ.get("VERIFIER_BOT_USER_RATE_LIMIT") or DEFAULT_USER_LIMIT,
            global_limit=environ.get("VERIFIER_BOT_RATE_LIMIT") or DEFAULT_GLOBAL_LIMIT,
            limits_enabled=environ.get("RATELIMIT_ENABLED", "true").lower() not in ("0", "false", "no"),
            storage_uri=environ.get("RATELIMIT_STORAGE_URI") or "memory://",
            hotlines=tuple(configured_hotlines(environ.get("VERIFIER_HOTLINES"))),
            count_flush_seconds=_seconds(environ.get("VERIFIER_COUNT_FLUSH_SECONDS") or "10"),
        )


class LanguageChoices:
    """The language each user chose with /lang, in memory only (bounded; lost on restart)."""

    def __init__(self, size: int = 100_000):
        self.size = size
        self._chosen: OrderedDict[int, str] = OrderedDict()

    def choose(self, user_id: int, lang: str) -> None:
        """Remember a user's language, forgetting the longest-unused choice when full."""
        self._chosen[user_id] = lang
        self._chosen.move_to_end(user_id)
        while len(self._chosen) > self.size:
            self._chosen.popitem(last=False)

    def language(self, user_id: int | None, telegram_code: str | None) -> str:
        """Give the user's language: chosen with /lang, else Telegram's, else Russian."""
        if user_id is not None and user_id in self._chosen:
            return self._chosen[user_id]
        code = (telegram_code or "").lower().replace("_", "-").split("-")[0]
        return code if code in LANGUAGES else DEFAULT_LANG


@dataclass
class Services:
    """What the handlers answer with: the settings, the engine, the limiter, language choices."""
    settings: BotSettings
    engine: Engine
    limiter: "BotLimiter"
    languages: LanguageChoices = field(default_factory=LanguageChoices)


def make_services(settings: BotSettings, environ: Mapping[str, str] = os.environ) -> Services:
    """Give the services for a bot: the engine made as the CLI makes it, and the rate limiter."""
    from .limits import BotLimiter
    limiter = BotLimiter(settings.storage_uri, settings.user_limit, settings.global_limit,
                         salt=settings.token.encode(), enabled=settings.limits_enabled)
    return Services(settings, Engine.from_env(environ), limiter)


def make_bot(settings: BotSettings):
    """Give an aiogram Bot talking to the configured Bot API server, link previews off."""
    from aiogram import Bot
    from aiogram.client.default import DefaultBotProperties
    from aiogram.client.session.aiohttp import AiohttpSession
    from aiogram.client.telegram import TelegramAPIServer
    session = AiohttpSession(api=TelegramAPIServer.from_base(settings.api_url))
    return Bot(settings.token, session=session, default=DefaultBotProperties(link_preview_is_disabled=True))


def make_dispatcher(services: Services):
    """Give a dispatcher with the bot's handlers, handing `services` to each."""
    from aiogram import Dispatcher
    from .handlers import make_router
    dispatcher = Dispatcher(services=services)
    dispatcher.include_router(make_router())
    return dispatcher
