"""Numbers for people: dates in the reader's words, times in the site's zone, phones grouped."""
from __future__ import annotations

from datetime import date, datetime, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

import phonenumbers
from babel.dates import format_date, format_datetime

from verifier.i18n import pick_language


@lru_cache(maxsize=4096)
def human_date(stamp: str | None, lang: str) -> str:
    """Return an ISO date (or the date of a time) as the reader writes it: "14 сентября 2026 г."."""
    if not stamp:
        return ""
    try:
        day = date.fromisoformat(stamp[:10])
    except ValueError:
        return stamp
    return format_date(day, "long", locale=pick_language(lang))


def _zone(tz: str | ZoneInfo | None) -> ZoneInfo:
    """Return a time zone from a name (UTC when unknown)."""
    if isinstance(tz, ZoneInfo):
        return tz
    try:
        return ZoneInfo(tz or "UTC")
    except (KeyError, ValueError, OSError):
        return ZoneInfo("UTC")


def human_time(stamp: str | None, tz: str | ZoneInfo | None, lang: str) -> str:
    """Return an ISO time in the zone as the reader writes it, with the offset: "7 декабря 2026, 17:35 (UTC+05:00)".

    A bare date is shown as a date; a time without an offset is read as UTC.
    """
    if not stamp or len(stamp) <= 10:
        return human_date(stamp, lang)
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    moment = (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).astimezone(_zone(tz))
    offset = moment.strftime("%z")
    text = format_datetime(moment, "d MMMM y, HH:mm", tzinfo=moment.tzinfo, locale=pick_language(lang))
    return f"{text} (UTC{offset[:3]}:{offset[3:]})"


@lru_cache(maxsize=8192)
def grouped_phone(phone: str) -> str:
    """Return an E.164 number grouped as people read it (+82 10-1234-5678); other text as it is."""
    text = (phone or "").strip()
    if not text.startswith("+"):
        return text
    try:
        return phonenumbers.format_number(phonenumbers.parse(text), phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    except phonenumbers.NumberParseException:
        return text
