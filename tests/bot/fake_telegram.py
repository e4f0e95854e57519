"""A stand-in for Telegram's Bot API on loopback: a small aiohttp app in a thread of its own.

The bot talks to it through aiogram's base-URL setting, as it would to a self-hosted Bot API
server: updates go in through getUpdates (polling), every method call is recorded with its
payload (sendMessage, setMyCommands, setWebhook, ...) and answered the way Telegram answers.
"""
from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time

from aiohttp import web

BOT_USER = {"id": 990001, "is_bot": True, "first_name": "Invented check", "username": "invented_check_bot"}
JSON_FIELDS = ("reply_markup", "reply_parameters", "commands", "allowed_updates", "link_preview_options", "scope")


class FakeTelegram:
    """The fake Bot API: start() serves it on a loopback port, calls() gives what the bot sent."""

    def __init__(self, port: int):
        self.port = port
        self.base_url = f"http://127.0.0.1:{port}"
        self._calls: list[tuple[str, str, dict]] = []
        self._pending: list[dict] = []
        self._ids = itertools.count(1000)
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._arrived: asyncio.Event | None = None

    def start(self) -> "FakeTelegram":
        """Serve the fake in a background thread; give it once it listens."""
        threading.Thread(target=self._serve, name="fake-telegram", daemon=True).start()
        assert self._ready.wait(10), "the fake Bot API did not start"
        return self

    def _serve(self) -> None:
        """Run the aiohttp app on the thread's own loop."""
        asyncio.set_event_loop(self._loop)
        self._arrived = asyncio.Event()
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._method)
        runner = web.AppRunner(app, access_log=None)
        self._loop.run_until_complete(runner.setup())
        self._loop.run_until_complete(web.TCPSite(runner, "127.0.0.1", self.port).start())
        self._ready.set()
        self._loop.run_forever()

    def push(self, *updates: dict) -> None:
        """Queue updates for the bot's next getUpdates."""
        with self._lock:
            self._pending += updates
        self._loop.call_soon_threadsafe(self._arrived.set)

    def calls(self, method: str | None = None, chat_id: int | None = None) -> list[dict]:
        """Give the payloads the bot sent (of one method, to one chat), oldest first."""
        with self._lock:
            return [p for _, m, p in self._calls if (method is None or m == method)
                    and (chat_id is None or str(p.get("chat_id")) == str(chat_id))]

    def tokens(self) -> set[str]:
        """Give the tokens the bot called with."""
        with self._lock:
            return {t for t, _, _ in self._calls}

    def wait_for(self, method: str, count: int = 1, chat_id: int | None = None, timeout: float = 20) -> list[dict]:
        """Give the payloads once at least `count` calls of a method arrived (AssertionError after timeout)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(found := self.calls(method, chat_id)) >= count:
                return found
            time.sleep(0.02)
        raise AssertionError(f"{method}: {len(self.calls(method, chat_id))} calls, expected {count}")

    async def _method(self, request: web.Request) -> web.Response:
        """Record one call and give Telegram's answer to it."""
        method, payload = request.match_info["method"], await self._payload(request)
        with self._lock:
            self._calls.append((request.match_info["token"], method, payload))
        if method == "getUpdates":
            return web.json_response({"ok": True, "result": await self._updates(payload)})
        result = BOT_USER if method == "getMe" else self._sent_message(payload) if method == "sendMessage" else True
        return web.json_response({"ok": True, "result": result})

    @staticmethod
    async def _payload(request: web.Request) -> dict:
        """Give the call's fields, the JSON-encoded ones decoded."""
        if request.content_type == "application/json":
            return await request.json()
        fields = dict(await request.post())
        return {k: json.loads(v) if k in JSON_FIELDS else v for k, v in fields.items()}

    async def _updates(self, payload: dict) -> list[dict]:
        """Give the queued updates from the offset on, waiting up to the long-poll timeout for some."""
        offset, wait = int(payload.get("offset") or 0), min(float(payload.get("timeout") or 0), 2.0)
        deadline = time.monotonic() + wait
        while True:
            with self._lock:
                self._pending = [u for u in self._pending if u["update_id"] >= offset]
                ready = list(self._pending)
            if ready or time.monotonic() >= deadline:
                return ready
            self._arrived.clear()
            try:
                await asyncio.wait_for(self._arrived.wait(), max(0.01, deadline - time.monotonic()))
            except asyncio.TimeoutError:
                pass

    def _sent_message(self, payload: dict) -> dict:
        """Give the Message Telegram returns for a sendMessage."""
        chat_id = int(payload["chat_id"])
        return {"message_id": next(self._ids), "date": int(time.time()), "from": BOT_USER, "text": payload["text"],
                "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"}}


_update_ids = itertools.count(1)
_message_ids = itertools.count(1)


def user(user_id: int, lang: str = "ru") -> dict:
    """Give a Telegram user (invented)."""
    return {"id": user_id, "is_bot": False, "first_name": f"Invented {user_id}", "language_code": lang}


def message(text: str, user_id: int, *, chat_id: int | None = None, lang: str = "ru", forwarded: bool = False,
            caption: bool = False, reply_to: dict | None = None, entities: list | None = None) -> dict:
    """Give a Message object as Telegram sends it (a private chat unless chat_id is negative)."""
    chat_id = user_id if chat_id is None else chat_id
    msg = {"message_id": next(_message_ids), "date": int(time.time()), "from": user(user_id, lang),
           "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"}}
    if caption:
        msg.update(caption=text, photo=[{"file_id": "invented", "file_unique_id": "invented", "width": 1, "height": 1}])
    else:
        msg["text"] = text
    if text.startswith("/"):
        msg["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    if entities:
        msg["entities"] = entities
    if forwarded:
        msg["forward_origin"] = {"type": "hidden_user", "date": int(time.time()), "sender_user_name": "Invented"}
    if reply_to:
        msg["reply_to_message"] = reply_to
    return msg


def message_update(text: str, user_id: int, **kwargs) -> dict:
    """Give an update holding a new message."""
    return {"update_id": next(_update_ids), "message": message(text, user_id, **kwargs)}


def button_update(data: str, user_id: int, shown: dict, lang: str = "ru") -> dict:
    """Give an update holding a button press on a message the bot sent."""
    return {"update_id": next(_update_ids), "callback_query": {
        "id": str(next(_update_ids)), "from": user(user_id, lang), "chat_instance": "invented",
        "data": data, "message": shown}}
