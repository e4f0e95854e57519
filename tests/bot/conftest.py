"""Fixtures of the bot's tests: the fake Bot API, and the real bot run as `python -m verifier.bot`."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from tests.bot.fake_telegram import FakeTelegram

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "123456:invented-test-token"
SECRET = "invented-webhook-secret-0123456789"
PUBLIC_URL = "https://check.example.org"


def free_port() -> int:
    """Give a loopback port nothing listens on now (tests never pick fixed ports: runs may overlap)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _port_open(port: int) -> bool:
    """Tell whether something listens on a loopback port."""
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex(("127.0.0.1", port)) == 0


class BotProcess:
    """The bot as a process of its own, on the fake Bot API, its output kept in a log file."""

    def __init__(self, workdir: Path, fake: FakeTelegram, mode: str, env: dict[str, str], port: int | None = None):
        self.workdir, self.fake, self.mode, self.port = workdir, fake, mode, port
        self.log_path = workdir / "bot.log"
        self.env = env
        self.proc: subprocess.Popen | None = None

    def start(self) -> "BotProcess":
        """Start the bot and give it once it answers (webhook set and listening, or polling)."""
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen([sys.executable, "-m", "verifier.bot", f"--{self.mode}", "--log-level", "debug"],
                                         cwd=self.workdir, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, self.log_path.read_text()
            ready = (self.fake.calls("setWebhook") and _port_open(self.port) if self.mode == "webhook"
                     else self.fake.calls("getUpdates"))
            if ready:
                return self
            time.sleep(0.05)
        raise AssertionError("the bot did not start: " + self.log_path.read_text())

    def post(self, update: dict, secret: str | None = SECRET, path: str | None = None) -> requests.Response:
        """POST an update to the bot's webhook as Telegram does (with the secret header unless None)."""
        from verifier.bot.webhook import SECRET_HEADER, webhook_path
        headers = {SECRET_HEADER: secret} if secret is not None else {}
        url = f"http://127.0.0.1:{self.port}{path or webhook_path(SECRET)}"
        return requests.post(url, json=update, headers=headers, timeout=30)

    def stop(self) -> str:
        """Stop the bot as systemd does (SIGTERM); give its log."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        return self.log_path.read_text(encoding="utf-8", errors="replace")


def bot_env(workdir: Path, fake: FakeTelegram, registry: Path, **extra: str) -> dict[str, str]:
    """Give the bot's environment: this one without any VERIFIER_/RATELIMIT_ setting, then the test's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VERIFIER_", "RATELIMIT_"))}
    env.update(PYTHONPATH=str(ROOT), VERIFIER_BOT_TOKEN=TOKEN, VERIFIER_BOT_API_URL=fake.base_url,
               VERIFIER_DB=str(registry), VERIFIER_APP_DB=str(workdir / "app.db"), VERIFIER_PUBLIC_URL=PUBLIC_URL,
               VERIFIER_COUNT_FLUSH_SECONDS="1")
    env.update(extra)
    return env


@pytest.fixture(scope="module")
def fake_webhook_api():
    """Give a fake Bot API for the webhook bot."""
    return FakeTelegram(free_port()).start()


@pytest.fixture(scope="module")
def webhook_bot(tmp_path_factory, registry_db, fake_webhook_api):
    """Give the bot in webhook mode on the real registry (global limit raised: many tests share it)."""
    workdir = tmp_path_factory.mktemp("bot-webhook")
    env = bot_env(workdir, fake_webhook_api, registry_db, VERIFIER_BOT_WEBHOOK_URL=PUBLIC_URL,
                  VERIFIER_BOT_WEBHOOK_SECRET=SECRET, VERIFIER_BOT_LISTEN=f"127.0.0.1:{(port := free_port())}",
                  VERIFIER_BOT_RATE_LIMIT="1000/second")
    bot = BotProcess(workdir, fake_webhook_api, "webhook", env, port).start()
    yield bot
    bot.stop()
