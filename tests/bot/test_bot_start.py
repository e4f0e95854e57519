"""The bot started as `python -m verifier.bot`: long polling, no token, no lists, and no Flask."""
from __future__ import annotations

import subprocess
import sys

import pytest

from tests.bot.conftest import ROOT, BotProcess, bot_env, free_port
from tests.bot.fake_telegram import FakeTelegram, message_update
from verifier.bot import render
from verifier.i18n import translate
from verifier.verdict import VERDICTS


@pytest.fixture(scope="module")
def polling(tmp_path_factory, registry_db):
    """Give (fake Bot API, bot) with the bot long-polling the fake."""
    fake = FakeTelegram(free_port()).start()
    workdir = tmp_path_factory.mktemp("bot-polling")
    bot = BotProcess(workdir, fake, "polling", bot_env(workdir, fake, registry_db)).start()
    yield fake, bot
    bot.stop()


def test_polling_receives_updates_and_answers_in_the_chosen_language(polling):
    fake, _bot = polling
    fake.push(message_update("/lang kk", 2001), message_update("ТОО Дымка", 2001))
    sent = fake.wait_for("sendMessage", 2, chat_id=2001)
    assert sent[0]["text"] == translate("kk", render.LANG_SET)
    assert sent[1]["text"].startswith(f"🔴 {translate('kk', VERDICTS['warning'].label)}")
    assert fake.calls("deleteWebhook") and fake.tokens() == {"123456:invented-test-token"}
    assert {p.get("language_code") for p in fake.calls("setMyCommands")} == {"kk", "ru", "uz", "en", None}


def test_polling_stops_on_sigterm(polling):
    _fake, bot = polling
    log = bot.stop()
    assert bot.proc.returncode == 0, log
    assert "Polling stopped" in log


def test_without_a_token_the_bot_refuses_to_start(tmp_path, registry_db):
    env = bot_env(tmp_path, FakeTelegram(free_port()), registry_db)
    del env["VERIFIER_BOT_TOKEN"]
    done = subprocess.run([sys.executable, "-m", "verifier.bot", "--polling"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "no bot token: set VERIFIER_BOT_TOKEN" in done.stderr


def test_the_token_can_come_from_a_file(tmp_path, registry_db):
    fake = FakeTelegram(free_port()).start()
    (tmp_path / "token").write_text("654321:invented-token-from-a-file\n")
    env = bot_env(tmp_path, fake, registry_db, VERIFIER_BOT_TOKEN_FILE=str(tmp_path / "token"))
    del env["VERIFIER_BOT_TOKEN"]
    bot = BotProcess(tmp_path, fake, "polling", env).start()
    bot.stop()
    assert fake.tokens() == {"654321:invented-token-from-a-file"}


def test_the_bot_runs_without_flask():
    code = ("import sys; import verifier.bot.__main__, verifier.bot.handlers, verifier.bot.webhook; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('flask', 'flask_babel', 'flask_limiter')"
            " or m.startswith('verifier.web')))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_without_lists_it_says_so_and_the_global_limit_holds(tmp_path):
    fake = FakeTelegram(free_port()).start()
    env = bot_env(tmp_path, fake, tmp_path / "missing.db", VERIFIER_BOT_WEBHOOK_URL="https://check.example.org",
                  VERIFIER_BOT_WEBHOOK_SECRET="invented-webhook-secret-0123456789",
                  VERIFIER_BOT_LISTEN=f"127.0.0.1:{(port := free_port())}", VERIFIER_BOT_RATE_LIMIT="3/minute")
    bot = BotProcess(tmp_path, fake, "webhook", env, port).start()
    try:
        for user_id, text in ((3001, "ТОО Дымка"), (3002, "+7 701 000 0001"),
                              (3003, "Работа в Дубае. Оплата на карту. Пишите в WhatsApp.")):
            bot.post(message_update(text, user_id))
            assert [p["text"] for p in fake.wait_for("sendMessage", chat_id=user_id)] == [
                translate("ru", render.NOT_LOADED)]
        bot.post(message_update("ТОО Дымка", 3004))  # a fourth user within the minute: over the global limit
        assert fake.wait_for("sendMessage", chat_id=3004)[0]["text"] == translate("ru", render.RATE_GLOBAL)
        not_found = translate("ru", VERDICTS["not_found"].label)
        assert not any(not_found in p["text"] for p in fake.calls("sendMessage"))
    finally:
        log = bot.stop()
    assert "lists not loaded" in log
