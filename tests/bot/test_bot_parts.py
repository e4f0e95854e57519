"""The bot's plain parts: splitting long answers, the limiter's buckets, language choices, settings."""
from __future__ import annotations

import shutil
import subprocess
import time

import pytest

from tests.bot.conftest import free_port
from verifier.bot import BotConfigError, BotSettings, LanguageChoices
from verifier.bot.limits import BotLimiter
from verifier.bot.render import split_message, utf16_len
from verifier.bot.webhook import valid_secret, webhook_path

WORDS = ("Агентство", "визa", "🔴", "WhatsApp", "+77010000001", "долг", "Қазақстан", "x" * 7)


@pytest.mark.parametrize("limit", [20, 50, 4096])
@pytest.mark.parametrize("seed", range(6))
def test_split_keeps_every_word_whole_and_each_piece_within_the_limit(limit, seed):
    words = [WORDS[(seed * 7 + i * 3) % len(WORDS)] for i in range(400 + seed * 300)]
    breaks = ["\n\n" if i % 23 == 0 else "\n" if i % 7 == 0 else " " for i in range(len(words))]
    text = "".join(w + b for w, b in zip(words, breaks))
    pieces = split_message(text, limit)
    assert all(0 < utf16_len(p) <= limit for p in pieces)
    assert " ".join(pieces).split() == text.split()
    assert len(pieces) == 1 if utf16_len(text.strip()) <= limit else len(pieces) > 1


def test_split_keeps_paragraphs_together_when_they_fit():
    text = ("a " * 30).strip() + "\n\n" + ("b " * 30).strip() + "\n\n" + ("c " * 30).strip()
    assert split_message(text, 130) == [("a " * 30).strip() + "\n\n" + ("b " * 30).strip(), ("c " * 30).strip()]


def test_only_a_word_longer_than_a_message_is_cut_and_never_inside_an_emoji():
    pieces = split_message("🔴" * 5 + "a", 4)
    assert pieces == ["🔴🔴", "🔴🔴", "🔴a"]
    assert split_message("  ") == []


def test_the_limiter_counts_each_user_apart_and_says_so_once():
    limiter = BotLimiter("memory://", "2/minute", "5/minute", salt=b"invented")
    assert [limiter.admit(1).ok for _ in range(3)] == [True, True, False]
    assert limiter.admit(1).notify is False               # told once a minute, then quiet
    assert limiter.admit(2).ok and limiter.admit(2).ok    # another user has a bucket of their own
    third = limiter.admit(3)                               # the fifth admitted update: global limit
    assert third.ok and not limiter.admit(3).ok and limiter.admit(4).reason == "global"
    assert str(1) not in limiter.user_key(1) and limiter.user_key(1) != limiter.user_key(2)


@pytest.fixture
def redis_uri(tmp_path):
    """Run a private redis-server on a unix socket (nothing saved); give its URI."""
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("redis-server is not installed (scripts/test installs it)")
    sock = tmp_path / "redis.sock"
    process = subprocess.Popen([server, "--port", "0", "--unixsocket", str(sock), "--unixsocketperm", "700",
                                "--save", "", "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while not sock.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"redis+unix://{sock}"
    process.terminate()
    process.wait(timeout=10)


def test_two_bots_on_one_redis_share_each_users_count(redis_uri):
    first, second = (BotLimiter(redis_uri, "3/minute", "100/minute", salt=b"invented") for _ in range(2))
    assert [limiter.admit(7).ok for limiter in (first, second, first, second)] == [True, True, True, False]
    assert BotLimiter("memory://", "3/minute", "100/minute", salt=b"invented").admit(7).ok  # memory: its own count


def test_a_limiter_whose_storage_is_away_keeps_counting_in_memory():
    limiter = BotLimiter(f"redis://127.0.0.1:{free_port()}/0", "2/minute", "100/minute", salt=b"invented")  # nothing there
    assert [limiter.admit(1).ok for _ in range(3)] == [True, True, False]


def test_language_choices_are_bounded_and_default_to_telegram_then_russian():
    choices = LanguageChoices(size=2)
    choices.choose(1, "kk")
    choices.choose(2, "en")
    choices.choose(3, "uz")
    assert choices.language(1, "en") == "en"  # forgotten: the oldest choice went first
    assert choices.language(3, None) == "uz" and choices.language(4, "uz-UZ") == "uz"
    assert choices.language(5, "de") == "ru" and choices.language(None, None) == "ru"


def test_settings_refuse_a_missing_or_malformed_token(tmp_path):
    with pytest.raises(BotConfigError, match="no bot token"):
        BotSettings.from_env({})
    with pytest.raises(BotConfigError, match="does not look like a bot token"):
        BotSettings.from_env({"VERIFIER_BOT_TOKEN": "invented token"})
    with pytest.raises(BotConfigError, match="cannot read the token file"):
        BotSettings.from_env({"VERIFIER_BOT_TOKEN_FILE": str(tmp_path / "missing")})
    settings = BotSettings.from_env({"VERIFIER_BOT_TOKEN": "1:invented", "VERIFIER_BOT_API_URL": "http://127.0.0.1:1/"})
    assert settings.api_url == "http://127.0.0.1:1" and settings.hotlines[0]["name"].startswith("Sana Sezim")


def test_the_webhook_path_is_secret_and_the_secret_is_one_telegram_accepts():
    assert webhook_path("a" * 32) != webhook_path("b" * 32) and "a" * 32 not in webhook_path("a" * 32)
    assert valid_secret("invented-webhook-secret-0123456789")
    assert not valid_secret("short") and not valid_secret("has spaces in it, invented secret")
