"""Phone and licence numbers as the lists and the people asking write them, in one comparison form.

Phones become E.164 numbers (`phonenumbers`, with the renumberings the lists still use: Kazakhstan's
old 3xxx area codes, Metro Manila's added 8); licence and registration numbers a key without case,
spaces or dashes. The scrapers store what these functions produce and the matcher compares it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers

from verifier.names.normalize import clean_text

_LINK_RE = re.compile(r"(?:https?://)?(?:wa\.me/|api\.whatsapp\.com/send\?phone=|t\.me/\+?|tel:|viber://chat\?number=)", re.I)
# Kazakhstan moved its area codes from 3xxx to 7xxx (Shymkent (3252) -> (7252), Almaty 3272 -> 727).
_KZ_OLD_AREA_RE = re.compile(r"^3(\d{9})$")
_SPLIT_RE = re.compile(r"[/;,|]")  # separators between numbers in one field
# "4050164-65", "(632) 8864047 - 49": a run of numbers written as the first and its last digits.
_RANGE_RE = re.compile(r"(\d{7,})\s*-\s*(\d{1,2})(?!\d)")


def _expand_range(m: re.Match) -> str:
    first, tail = m.group(1), m.group(2)
    return f"{first} / {first[:-len(tail)]}{tail}"


@dataclass(frozen=True)
class Phone:
    """One phone number found in a field."""
    raw: str
    e164: str
    country: str
    national: str
    valid: bool


def _repair(num: phonenumbers.PhoneNumber, region: str) -> phonenumbers.PhoneNumber:
    """Return the number with known renumberings applied (old KZ area codes, Metro Manila)."""
    if phonenumbers.is_valid_number(num):
        return num
    nsn = str(num.national_number)
    candidates = []
    if num.country_code == 7 and (m := _KZ_OLD_AREA_RE.match(nsn)):
        candidates.append((7, "7" + m.group(1)))
    if num.country_code == 63:
        if nsn.startswith("63") and len(nsn) >= 9:     # "(632) 812-0083": country code written again
            nsn = nsn[2:]
            candidates.append((63, nsn))
        if len(nsn) == 10 and nsn.startswith("288"):   # "02-8-86589619": the new 8 written twice
            nsn = "2" + nsn[2:]
            candidates.append((63, nsn))
        if len(nsn) == 8 and nsn.startswith("2"):      # (02) + old 7 digits: 8 was prefixed in 2019
            candidates.append((63, "28" + nsn[1:]))
        if len(nsn) == 8:                              # Manila 8-digit number without (02)
            candidates.append((63, "2" + nsn))
        if len(nsn) == 7:                              # old 7-digit Manila number
            candidates.append((63, "28" + nsn))
    for cc, national in candidates:
        fixed = phonenumbers.PhoneNumber(country_code=cc, national_number=int(national))
        if phonenumbers.is_valid_number(fixed):
            return fixed
    return num


def _to_phone(raw: str, num: phonenumbers.PhoneNumber, region: str) -> Phone:
    """Return a Phone from a parsed number."""
    num = _repair(num, region)
    return Phone(
        raw=raw.strip(),
        e164=phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164),
        country=phonenumbers.region_code_for_number(num) or "",
        national=str(num.national_number),
        valid=phonenumbers.is_valid_number(num),
    )


def parse_phones(field_text: str | None, region: str | None = None) -> list[Phone]:
    """Return every phone number in a field (several may be joined by / , ;), source region first."""
    text = clean_text(field_text, limit=1000)
    if not text:
        return []
    text = _LINK_RE.sub(" +", text).replace("+ +", "+")
    text = _RANGE_RE.sub(_expand_range, text)
    region = (region or "ZZ").upper()
    found: dict[str, Phone] = {}
    for m in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.POSSIBLE):
        phone = _to_phone(m.raw_string, m.number, region)
        if not phone.valid and _SPLIT_RE.search(m.raw_string):
            # The matcher may join numbers split by "/" ("6310865/3843052"): read each part alone.
            parts = [p for part in _SPLIT_RE.split(m.raw_string) for p in parse_phones(part, region) if p.valid]
            if parts:
                for p in parts:
                    found.setdefault(p.e164, p)
                continue
        found.setdefault(phone.e164, phone)
    if not found:
        # Digits only, no "+": try the number as international, then as national.
        digits = re.sub(r"\D", "", text)
        if 7 <= len(digits) <= 15:
            for attempt, reg in (("+" + digits, None), (digits, region)):
                try:
                    num = phonenumbers.parse(attempt, reg)
                except phonenumbers.NumberParseException:
                    continue
                phone = _to_phone(text, num, region)
                if phone.valid:
                    found[phone.e164] = phone
                    break
    valid = [p for p in found.values() if p.valid]
    return valid or list(found.values())


_TYPED_PHONE_RE = re.compile(r"\+?[\d\s().\-]{7,30}")


def parse_typed_phone(text: str | None, region: str | None = None) -> list[Phone] | None:
    """Return the valid number a query holds when it is one number alone ("8 (7252) 30-01-52").

    Parses the text directly as a number of the region, several times faster than scanning it
    with parse_phones; meant as a first try before parse_phones. Returns None when the text is not
    one number alone (letters, links, several numbers, ranges), [] when it is not valid so read.
    """
    text = clean_text(text, limit=100)
    if not _TYPED_PHONE_RE.fullmatch(text) or _RANGE_RE.search(text) or len(phone_digits(text)) > 15:
        return None
    region = (region or "ZZ").upper()
    try:
        phone = _to_phone(text, phonenumbers.parse(text, region), region)
    except phonenumbers.NumberParseException:
        return []
    return [phone] if phone.valid else []


def phone_digits(text: str | None) -> str:
    """Return only the digits of a phone-looking string."""
    return re.sub(r"\D", "", clean_text(text, limit=200))


def looks_like_phone(text: str | None) -> bool:
    """Return True when a query is a phone number rather than a name or licence."""
    text = clean_text(text, limit=200)
    if not text:
        return False
    if _LINK_RE.search(text):
        return True
    digits = phone_digits(text)
    return len(digits) >= 6 and len(digits) >= 0.7 * len(re.sub(r"[\s()\-./+]", "", text))


# --- licence numbers ---------------------------------------------------------------------------

def licence_key(text: str | None) -> str:
    """Return a licence or registration number without case, spaces, dashes, dots or slashes."""
    text = clean_text(text, limit=100).upper()
    text = re.sub(r"[\s\-./_#№:]", "", text)
    if text in {"NA", "N/A", "NONE", "NULL", "-"}:
        return ""
    return text


_LICENCE_RE = re.compile(r"^(?=.*\d)[A-Za-zА-Яа-я]{0,6}[\s\-./#№]*[\dA-Za-z\-./ ]{4,30}$")


def looks_like_licence(text: str | None) -> bool:
    """Return True when a query looks like a licence or registration number (mostly digits)."""
    text = clean_text(text, limit=100)
    key = licence_key(text)
    if not key or not _LICENCE_RE.match(text):
        return False
    digits = sum(ch.isdigit() for ch in key)
    return digits >= 4 and digits >= 0.5 * len(key)
