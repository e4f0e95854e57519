"""Routing: commands, messages and buttons in, answers out; the engine's work runs off the event loop.

In a private chat every text (or a photo's caption) is answered. In a group (privacy mode on) only
what is meant for the bot: a message mentioning it (its own text, or the message it replies to
when it says nothing else) or a reply to one of its answers. A button never carries the text: it
reads the message the answer replies to, so nothing is kept between the two.
"""
from __future__ import annotations

import asyncio
import logging
import re

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramRetryAfter
from aiogram.filters import Command, CommandObject
from aiogram.types import (BotCommand, CallbackQuery, ErrorEvent, InlineKeyboardButton, InlineKeyboardMarkup,
                           Message, ReplyParameters, User)

from verifier.offers.extract import read_query
from verifier.i18n import LANGUAGES, translate

from . import Services, render
from .answers import Answer, answer

log = logging.getLogger(__name__)


def make_router() -> Router:
    """Give a new router with every handler of the bot (one per dispatcher)."""
    router = Router(name="verifier-bot")
    router.message.register(on_help, Command("start", "help"))
    router.message.register(on_lang, Command("lang"))
    router.message.register(on_hotline, Command("hotline"))
    router.message.register(on_report, Command("report"))
    router.message.register(on_text, F.text | F.caption)
    router.message.register(on_text_missing, F.photo | F.document)
    router.callback_query.register(on_button)
    router.errors.register(on_error)
    return router


async def register_commands(bot: Bot) -> None:
    """Register the command list with Telegram in each language (Russian when none matches)."""
    for lang in (*LANGUAGES, None):
        words = lang or "ru"
        commands = [BotCommand(command=c, description=translate(words, d)) for c, d in render.COMMANDS.items()]
        await bot.set_my_commands(commands, language_code=lang)


def sender_id(message: Message) -> int:
    """Give whom an update counts against: the user, else the chat (a channel or anonymous admin)."""
    return message.from_user.id if message.from_user else message.chat.id


def language(services: Services, user: User | None) -> str:
    """Give the language to answer a user in."""
    return services.languages.language(user.id if user else None, user.language_code if user else None)


def _mentions(message: Message, me: User) -> bool:
    """Tell whether a message mentions the bot by @username or by a mention of its account."""
    text = message.text or message.caption or ""
    for e in message.entities or message.caption_entities or ():
        if e.type == "mention" and e.extract_from(text).lower() == f"@{me.username}".lower():
            return True
        if e.type == "text_mention" and e.user is not None and e.user.id == me.id:
            return True
    return False


def addressed(message: Message, me: User) -> bool:
    """Tell whether the bot should answer a message: any in a private chat, in a group only what is meant for it."""
    if message.chat.type == "private":
        return True
    reply = message.reply_to_message
    return _mentions(message, me) or bool(reply and reply.from_user and reply.from_user.id == me.id)


def message_text(message: Message, me: User) -> str:
    """Give a message's text or caption without mentions of the bot."""
    text = message.text or message.caption or ""
    return re.sub(rf"@{re.escape(me.username or '')}\b", " ", text, flags=re.I).strip() if me.username else text


def query_source(message: Message, me: User) -> Message | None:
    """Give the message to read: this one, or (if it only mentions the bot) the one it replies to."""
    if message_text(message, me):
        return message
    reply = message.reply_to_message
    if reply and not (reply.from_user and reply.from_user.id == me.id) and (reply.text or reply.caption):
        return reply
    return None


async def admitted(message: Message, services: Services, lang: str) -> bool:
    """Count an update against the limits; give whether to answer it (saying why not, once a minute)."""
    admission = services.limiter.admit(sender_id(message))
    if not admission.ok and admission.notify:
        words = render.RATE_USER if admission.reason == "user" else render.RATE_GLOBAL
        await send(message, [translate(lang, words)])
    return admission.ok


async def send(message: Message, texts: list[str], markup: InlineKeyboardMarkup | None = None,
               reply_to: Message | None = None) -> None:
    """Send answers into the message's chat, replying to it (or to `reply_to`), buttons on the last one."""
    params = ReplyParameters(message_id=(reply_to or message).message_id, allow_sending_without_reply=True)
    for i, text in enumerate(texts):
        last = i == len(texts) - 1
        await _send_one(message.bot, message.chat.id, text, params, markup if last else None)


async def _send_one(bot: Bot, chat_id: int, text: str, params: ReplyParameters,
                    markup: InlineKeyboardMarkup | None) -> None:
    """Send one message; when Telegram's flood control answers, wait as told and send it once more."""
    try:
        await bot.send_message(chat_id, text, reply_parameters=params, reply_markup=markup)
    except TelegramRetryAfter as exc:
        await asyncio.sleep(min(exc.retry_after, 30))
        await bot.send_message(chat_id, text, reply_parameters=params, reply_markup=markup)


def buttons(result: Answer, services: Services, lang: str) -> InlineKeyboardMarkup | None:
    """Give the answer's buttons: the other reading when ambiguous, and the report form."""
    rows = []
    if result.other:
        label = render.BUTTON_SCAN if result.other == "scan" else render.BUTTON_CHECK
        rows.append([InlineKeyboardButton(text=translate(lang, label), callback_data=result.other)])
    url = render.report_url(services.settings.public_url, lang, *result.report) if result.report else ""
    if url and result.kind in ("check", "scan"):
        rows.append([InlineKeyboardButton(text=translate(lang, render.BUTTON_REPORT), url=url)])
    return InlineKeyboardMarkup(inline_keyboard=rows) if rows else None


async def respond(message: Message, source: Message, services: Services, lang: str, force: str = "") -> None:
    """Answer the text of `source` into `message`'s chat: the check or the scan, split to fit."""
    text = message_text(source, await message.bot.me())
    forwarded = source.forward_origin is not None or bool(source.caption)
    result = await asyncio.to_thread(answer, services.engine, text, lang, forwarded=forwarded, force=force,
                                     hotlines=services.settings.hotlines)
    await send(message, render.split_message(result.text), buttons(result, services, lang), reply_to=source)


async def on_text(message: Message, services: Services) -> None:
    """Answer a text, a forwarded message or a caption: the check or the offer scan."""
    me = await message.bot.me()
    command = (message.text or "").startswith("/")
    if not addressed(message, me) or (command and message.chat.type != "private"):
        return  # not meant for the bot, or another bot's command
    lang = language(services, message.from_user)
    if not await admitted(message, services, lang):
        return
    source = None if command else query_source(message, me)
    if source is None:
        await send(message, [render.help_text(lang)])
        return
    await respond(message, source, services, lang)


async def on_text_missing(message: Message, services: Services) -> None:
    """Say, in a private chat, that a photo or file without a caption cannot be read."""
    if message.chat.type == "private":
        lang = language(services, message.from_user)
        if await admitted(message, services, lang):
            await send(message, [translate(lang, render.TEXT_ONLY)])


async def on_help(message: Message, services: Services) -> None:
    """Answer /start and /help: what the bot does, that it is not an official registry, that nothing is stored."""
    lang = language(services, message.from_user)
    if await admitted(message, services, lang):
        await send(message, render.split_message(render.help_text(lang)))


def language_buttons() -> InlineKeyboardMarkup:
    """Give one button per language, each named in itself."""
    return InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(text=name, callback_data=f"lang:{code}")
                                                  for code, name in render.LANGUAGE_NAMES.items()]])


async def on_lang(message: Message, command: CommandObject, services: Services) -> None:
    """Answer /lang: set the language given (kk, ru, uz, en), or offer the four as buttons."""
    lang = language(services, message.from_user)
    if not await admitted(message, services, lang):
        return
    chosen = (command.args or "").strip().lower()
    if chosen in LANGUAGES and message.from_user:
        services.languages.choose(message.from_user.id, chosen)
        await send(message, [translate(chosen, render.LANG_SET)])
    else:
        await send(message, [translate(lang, render.LANG_CHOOSE)], language_buttons())


async def on_hotline(message: Message, services: Services) -> None:
    """Answer /hotline: the NGO's contacts, each with the date it was last confirmed."""
    lang = language(services, message.from_user)
    if await admitted(message, services, lang):
        await send(message, ["\n".join(render.hotline_lines(services.settings.hotlines, lang))])


async def on_report(message: Message, command: CommandObject, services: Services) -> None:
    """Answer /report [name, phone]: a link to the site's report form, prefilled with what was given."""
    lang = language(services, message.from_user)
    if not await admitted(message, services, lang):
        return
    given = read_query(command.args or "") if command.args else {"name": "", "phones": []}
    url = render.report_url(services.settings.public_url, lang, given["name"], (given["phones"] or [""])[0])
    if url:
        await send(message, [f"{translate(lang, render.REPORT_LINK)}\n{url}"])
    else:
        lines = [translate(lang, render.REPORT_NONE), *render.hotline_lines(services.settings.hotlines, lang)]
        await send(message, ["\n".join(lines)])


async def on_button(callback: CallbackQuery, services: Services) -> None:
    """Answer a button: a language chosen, or the other reading of the message an answer replies to."""
    lang = language(services, callback.from_user)
    shown = callback.message if isinstance(callback.message, Message) else None
    data = callback.data or ""
    if shown is None:  # the answer is too old for Telegram to show it to the bot
        await callback.answer(translate(lang, render.GONE))
        return
    if not services.limiter.admit(callback.from_user.id).ok:
        await callback.answer(translate(lang, render.RATE_USER))
        return
    await callback.answer()
    if data.startswith("lang:") and data[5:] in LANGUAGES:
        services.languages.choose(callback.from_user.id, data[5:])
        await send(shown, [translate(data[5:], render.LANG_SET)])
    elif data in ("scan", "check"):
        source = shown.reply_to_message
        if source is None or not (source.text or source.caption):
            await send(shown, [translate(lang, render.GONE)])
            return
        await respond(shown, source, services, lang, force=data)


async def on_error(event: ErrorEvent, services: Services) -> bool:
    """Log a failed update by its kind of error only (never its text) and tell the user."""
    log.error("update %s failed: %s", event.update.update_id, type(event.exception).__name__)
    update, callback = event.update, event.update.callback_query
    message = update.message or (callback.message if callback else None)
    user = update.message.from_user if update.message else callback.from_user if callback else None
    if isinstance(message, Message):
        try:
            await message.bot.send_message(message.chat.id, translate(language(services, user), render.FAILED))
        except Exception as exc:  # the chat is gone or Telegram is away: nothing more to do
            log.warning("could not say that update %s failed: %s", event.update.update_id, type(exc).__name__)
    return True
