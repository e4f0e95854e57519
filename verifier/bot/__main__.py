"""`python -m verifier.bot --polling | --webhook`: run the Telegram bot on the site's engine.

Polling asks Telegram for updates (nothing to expose: the simple install). Webhook serves
VERIFIER_BOT_LISTEN on loopback for the site's proxy and tells Telegram to post there.
"""
from __future__ import annotations

import argparse
import asyncio
import dataclasses
import logging
import os
import secrets
import sys
from types import SimpleNamespace
from typing import Mapping

from . import UPDATE_TYPES, BotConfigError, BotSettings, Services, make_bot, make_dispatcher, make_services

log = logging.getLogger("verifier.bot")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Give the command line: how updates arrive, and the log level."""
    p = argparse.ArgumentParser(prog="python -m verifier.bot", description="The Telegram bot of the agency check.")
    mode = p.add_mutually_exclusive_group(required=True)
    mode.add_argument("--polling", action="store_true", help="ask Telegram for updates (no public address needed)")
    mode.add_argument("--webhook", action="store_true",
                      help="receive updates on VERIFIER_BOT_LISTEN behind the proxy (VERIFIER_BOT_WEBHOOK_URL)")
    p.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])
    return p.parse_args(argv)


def settings_for(args: argparse.Namespace, environ: Mapping[str, str]) -> BotSettings:
    """Give the settings for the chosen mode (a webhook secret made up when none is set); BotConfigError."""
    from .webhook import valid_secret
    settings = BotSettings.from_env(environ)
    if not args.webhook:
        return settings
    if not settings.webhook_url.startswith(("https://", "http://")):
        raise BotConfigError("--webhook needs VERIFIER_BOT_WEBHOOK_URL: the public address Telegram posts to "
                             "(e.g. https://check.example.org); the proxy passes /telegram/ to VERIFIER_BOT_LISTEN")
    if not settings.webhook_secret:  # Telegram is told the new one at every start
        return dataclasses.replace(settings, webhook_secret=secrets.token_urlsafe(32))
    if not valid_secret(settings.webhook_secret):
        raise BotConfigError("VERIFIER_BOT_WEBHOOK_SECRET must be 16-256 characters of A-Z a-z 0-9 _ -")
    return settings


def prepare(services: Services) -> None:
    """Open the app database (for the counts), load the lists and the scan's rules now; warn when lists are missing."""
    from verifier import appdb
    from verifier.appdb import searchcounts
    from verifier.engine import ListsNotLoaded
    from verifier.offers.scan import scan
    searchcounts.init_app(SimpleNamespace(config={"VERIFIER_COUNT_FLUSH_SECONDS": services.settings.count_flush_seconds}))
    if services.engine.app_db_path is not None:
        try:
            appdb.migrate(services.engine.app_db_path)
        except Exception as exc:  # counts stay in memory until it opens
            log.warning("app database not opened, counts kept in memory: %s", exc)
    try:
        services.engine.require_lists()
        scan("Работа за рубежом, оплата на карту.", "ru", services.engine)  # the scan's rules, read once now
    except ListsNotLoaded as exc:
        log.warning("lists not loaded, the bot says so to every query until they are: %s", exc)


async def start(bot) -> None:
    """Register the commands with Telegram (a failure is logged: the bot still answers)."""
    from .handlers import register_commands
    try:
        await register_commands(bot)
    except Exception as exc:
        log.warning("commands not registered: %s", type(exc).__name__)


async def run_polling(bot, dispatcher) -> None:
    """Register the commands, drop any webhook, then poll until SIGINT or SIGTERM."""
    await start(bot)
    await bot.delete_webhook(drop_pending_updates=False)
    await dispatcher.start_polling(bot, allowed_updates=UPDATE_TYPES, polling_timeout=25)


def run_webhook(bot, dispatcher, settings: BotSettings) -> None:
    """Serve the webhook on VERIFIER_BOT_LISTEN and tell Telegram its address; run until a signal."""
    from aiohttp import web
    from .webhook import make_app, set_webhook
    app = make_app(bot, dispatcher, settings.webhook_secret)

    async def on_startup(_app) -> None:
        await start(bot)
        await set_webhook(bot, settings.webhook_url, settings.webhook_secret, UPDATE_TYPES)
        log.info("webhook set; listening on %s:%s", *settings.listen)

    async def on_cleanup(_app) -> None:
        await bot.session.close()

    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    web.run_app(app, host=settings.listen[0], port=settings.listen[1], access_log=None, print=None)


def main(argv: list[str] | None = None, environ: Mapping[str, str] = os.environ) -> int:
    """Run the bot; give 2 (with a clear message) when it cannot start."""
    args = parse_args(argv)
    logging.basicConfig(level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        settings = settings_for(args, environ)
        services = make_services(settings, environ)
    except (BotConfigError, ValueError) as exc:
        print(f"verifier.bot: cannot start: {exc}", file=sys.stderr)
        return 2
    prepare(services)
    bot, dispatcher = make_bot(settings), make_dispatcher(services)
    if args.polling:
        asyncio.run(run_polling(bot, dispatcher))
    else:
        run_webhook(bot, dispatcher, settings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
