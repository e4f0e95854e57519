"""Rate limits of the bot: per user and for everyone, in the site's limiter storage.

The `limits` library (the one Flask-Limiter uses) with the same RATELIMIT_STORAGE_URI, so one
redis holds the site's and the bot's counters. A user's id is kept only as a keyed hash, and only
for as long as its window lasts. When the shared storage is unreachable, counting goes on in
memory (as the site does): a hotline's check never fails because a counter is away.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
from dataclasses import dataclass

from limits import parse, parse_many
from limits.errors import ConfigurationError
from limits.storage import MemoryStorage, storage_from_string
from limits.strategies import MovingWindowRateLimiter

log = logging.getLogger(__name__)
PREFIX = "verifier-bot"
NOTICE_LIMIT = "1/minute"  # "too many messages" is said once a minute, then the bot stays quiet


@dataclass(frozen=True)
class Admission:
    """Whether an update may be answered; if not, why ("user" or "global") and whether to say so."""
    ok: bool
    reason: str = ""
    notify: bool = False


def parse_limits(value: str, name: str) -> list:
    """Give the rate-limit items of a setting like "10/minute;200/day"; ValueError names the setting."""
    try:
        items = parse_many(value)
    except ValueError as exc:
        raise ValueError(f"{name} is not a rate limit like '10/minute;200/day': {value!r}") from exc
    if not items:
        raise ValueError(f"{name} is empty")
    return items


class BotLimiter:
    """Per-user and global moving-window limits, with an in-memory fallback for the storage."""

    def __init__(self, storage_uri: str, user_limit: str, global_limit: str, *, salt: bytes, enabled: bool = True):
        self.enabled = enabled
        self.user_items = parse_limits(user_limit, "VERIFIER_BOT_USER_RATE_LIMIT")
        self.global_items = parse_limits(global_limit, "VERIFIER_BOT_RATE_LIMIT")
        self.notice_item = parse(NOTICE_LIMIT)
        self._salt = salt
        try:
            self._shared = MovingWindowRateLimiter(storage_from_string(storage_uri))
        except ConfigurationError as exc:  # an unknown scheme, or its client library missing
            raise ValueError(f"RATELIMIT_STORAGE_URI cannot be used: {exc}") from exc
        self._memory = MovingWindowRateLimiter(MemoryStorage())
        self._fell_back = False

    def user_key(self, user_id: int) -> str:
        """Give the bucket name of a user: a keyed hash of the id, never the id itself."""
        return hmac.new(self._salt, str(user_id).encode(), hashlib.sha256).hexdigest()[:20]

    def _hit(self, item, *identifiers: str) -> bool:
        """Count one hit in the shared storage (or in memory while it is unreachable); give whether allowed."""
        try:
            allowed = self._shared.hit(item, PREFIX, *identifiers)
        except Exception as exc:  # redis down or refusing: keep answering, count here
            if not self._fell_back:
                log.warning("rate-limit storage unreachable, counting in memory: %s", type(exc).__name__)
            self._fell_back = True
            return self._memory.hit(item, PREFIX, *identifiers)
        if self._fell_back:
            log.info("rate-limit storage reachable again")
            self._fell_back = False
        return allowed

    def _all(self, items: list, *identifiers: str) -> bool:
        """Count a hit under every item; give whether all allowed it."""
        return all([self._hit(item, *identifiers) for item in items])

    def admit(self, user_id: int) -> Admission:
        """Count one update from a user; give whether to answer it and, if not, whether to say why."""
        if not self.enabled:
            return Admission(True)
        key = self.user_key(user_id)
        if not self._all(self.user_items, "user", key):
            return Admission(False, "user", self._hit(self.notice_item, "notice", key))
        if not self._all(self.global_items, "global"):
            return Admission(False, "global", self._hit(self.notice_item, "notice", key))
        return Admission(True)
