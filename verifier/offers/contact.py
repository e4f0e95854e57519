"""`private_channel`: the only way to reach the offer is a personal number, a messenger or a handle.

Decided from the entities, not from the word "only": a personal contact (a mobile number, a
handle, a messenger link, or words like "пишите в личку") and nothing that names a firm that can
be checked (a firm's name, an office address, a website, a work email, a landline).
"""
from __future__ import annotations

import re

import phonenumbers

from verifier.names.identity import COMMON_ZIPF
from verifier.offers.quote import flag_dict
from verifier.offers.rules import rules
from verifier.offers.rules.match import matches
from verifier.offers.text import Budget, Doc

CHAT_WORDS = 40  # a message this short naming pay and no way to reach anyone lives only in its chat
MESSENGER_LINK_RE = re.compile(r"(?:wa\.me|t\.me|telegram\.me|viber|instagram\.com|vk\.com|ok\.ru)", re.I)
FREE_MAIL_RE = re.compile(r"@(?:gmail|googlemail|mail|inbox|list|bk|yandex|ya|yahoo|ymail|rocketmail|hotmail|outlook|live|msn|"
                          r"icloud|me|aol|gmx|proton|protonmail|pm|tutanota|zoho|rambler|qq|163|126)\.", re.I)
ADDRESS_RE = re.compile(r"(?<![\w.@])(?:(?<!\d )адрес|ул\.|улица|проспект|пр-т|мкр|мекенжай|көшесі|manzil|ko'chasi|кўчаси|"
                        # an office, but not office work ("office tasks", "office cleaning") nor "our office:" a
                        # phone number (round 13)
                        r"(?:office|офис)(?![ \t]*+(?:(?:tasks?|work|cleaning|cleaners?|managers?|assistants?|administrators?|"
                        r"administration|jobs?|duties|support|staff|supplies|equipment|hours|space|skills|clerks?|based|"
                        r"environment|roles?|positions?|workers?)\b|-)|[ \t]*+:[ \t]*+[+(\d])|"
                        r"address|street|str\.|ul\.|ТРЦ|ТЦ|БЦ|бизнес-центр\w*+|\d+-қатар|\d+-орын|walk-in interviews?+|apply in person"
                        # round 13: a microdistrict, avenue or house number in Kazakh, Uzbek and Russian
                        r"|шағынаудан\w*+|даңғыл\w*+|\d+-үй|\d+-uy|mavze\w*+|мавзе\w*+|микрорайон\w*+|дом\s\d+"
                        r"|пр\.|бул\.|пер\.|шоссе|тракт|бульвар\w*+|переул\w*+|\d+-?kvartal|\d+-?квартал|kvartal|квартал\w*+|"
                        r"ko'cha\w*+|кўча\w*+|көше\w*+|саяжай\w*+)(?!\w)"
                        # a street address with its house number ("1200 Invented Parkway", "1104 E 6th St")
                        r"|(?-i:\b\d{1,5}[ \t]++(?:(?:[A-Z]|\d{1,3}(?:st|nd|rd|th))[\w'-]*+[ \t]++){1,3}(?:Parkway|Avenue|Ave|Road|Rd|Boulevard|Blvd|Street|St|Drive|Lane|Highway|Hwy)\b)",
                        re.I)
# The reader's own address asked for ("email your name, address and phone") or a home office names no firm.
NOT_FIRM_ADDRESS_RE = re.compile(r"(?:your|home|name,?|number,?|phone,?|email,?)\s+(?:and\s+)?(?:full\s+|home\s+)?address|address,?\s+(?:and\s+)?(?:phone|date)"
                                 r"|(?:my|new|home|home-)\s*office", re.I)
# "your home address", "на домашний адрес": where the job seeker lives, not where a firm sits
OWN_ADDRESS_RE = re.compile(r"(?:домашн\w*+|ваш\w*+|сво\w*+|твой|твоему|home|your|own|uy|үй\w*+)\s++$", re.I)
# a number given for a messenger is a mobile whatever its digits look like
# (or for a text message, "Text Daniel on 07700 900418"), up to three short words between ("WhatsApp Ms. Ann: +1 ...")
MESSENGER_BEFORE_RE = re.compile(r"(?:whats\s?app|viber|telegram|signal|ватсап|вотсап|вацап|вайбер|телеграм\w*+|\bwa|\bтг"
                                 r"|\btext|\bsms|\bсмс|\breply)(?:\W{1,3}+[^\W\d]{1,12}+\.?+){0,3}+\W{0,12}+$", re.I)


def _personal_phone(e: dict, known: dict[str, str], text: str = "") -> bool:
    """Tell whether a phone entity is a mobile (or cannot be told from one, or is given for a
    messenger); `known` holds the kinds of the numbers of this text already told (a text may
    repeat a number hundreds of times)."""
    if text and MESSENGER_BEFORE_RE.search(text[max(0, e["start"] - 30):e["start"]]):
        return True
    return _number_kind(e["value"], known) == "mobile"


def _landline(e: dict, known: dict[str, str]) -> bool:
    """Tell whether a phone entity is surely a landline (an office a firm can be found at)."""
    return _number_kind(e["value"], known) == "landline"


def _number_kind(value: str, known: dict[str, str]) -> str:
    """Give "landline", "either" (a North American number cannot be told from a mobile) or
    "mobile" (also a number phonenumbers cannot type) for a number in E.164."""
    if value not in known:
        try:
            kind = phonenumbers.number_type(phonenumbers.parse(value))
        except phonenumbers.NumberParseException:
            kind = None
        known[value] = {phonenumbers.PhoneNumberType.FIXED_LINE: "landline",
                        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE: "either"}.get(kind, "mobile")
    return known[value]


def _messenger_link(text: str, e: dict) -> bool:
    """Tell whether a link entity is a messenger's, or a handle that reads like a site ("@quickcash.jobs")."""
    return bool(MESSENGER_LINK_RE.search(e["text"])) or text[max(0, e["start"] - 1):e["start"]] == "@"


def _quoted_word(e: dict) -> bool:
    """Tell whether an agency entity is one common word in quotes ('Text "JOB"', «товар»): a word
    set off, not a firm's name (it is still checked against the lists)."""
    word = e["text"].strip("«»“”„\"' ")
    if e["text"][:1] not in "«“„\"'" or not word.isalpha():
        return False
    from wordfreq import zipf_frequency
    return zipf_frequency(word.lower(), "en" if word.isascii() else "ru") >= COMMON_ZIPF


def firm_named(text: str, entities: list[dict]) -> bool:
    """Tell whether the offer names something checkable: a firm, an address, a site, a work email or a landline."""
    known: dict[str, str] = {}
    for e in entities:
        kind = e["kind"]
        if kind == "agency" and _quoted_word(e):
            continue
        if kind in ("agency", "licence") or (kind == "link" and not _messenger_link(text, e)):
            return True
        if (kind == "email" and not FREE_MAIL_RE.search(e["text"])) or (kind == "phone" and _landline(e, known)
                                                                        and not _personal_phone(e, known, text)):
            return True
    text = NOT_FIRM_ADDRESS_RE.sub(" ", text)
    return any(not OWN_ADDRESS_RE.search(text[max(0, m.start() - 20):m.start()]) for m in ADDRESS_RE.finditer(text))


def firm_in(doc: Doc, entities: list[dict]) -> bool:
    """Give, read once per doc, whether the offer names a firm one can check (see firm_named)."""
    if "firm" not in doc.memo:
        doc.memo["firm"] = firm_named(doc.text, entities)
    return doc.memo["firm"]


def _name_with_free_mail(text: str, entities: list[dict]) -> bool:
    """Tell whether the only thing an offer gives to check is a firm's name, and applications go to a
    free mailbox ("Northsea Petro Energy Ltd ... send your CV to northseapetro.hr@gmail.com"): a
    firm that hires through a personal mailbox can't be reached as a firm."""
    return (any(e["kind"] == "email" and FREE_MAIL_RE.search(e["text"]) for e in entities)
            and not firm_named(text, [e for e in entities if e["kind"] != "agency"]))


def personal_contact(doc: Doc, entities: list[dict], budget: Budget) -> tuple[int, int] | None:
    """Give the span (characters) of the first personal contact, or None."""
    known: dict[str, str] = {}
    spans = [(e["start"], e["end"]) for e in entities
             if e["kind"] == "handle" or (e["kind"] == "phone" and _personal_phone(e, known, doc.original))
             or (e["kind"] == "link" and _messenger_link(doc.original, e))
             or (e["kind"] == "email" and FREE_MAIL_RE.search(e["text"]))]
    for pattern in rules().flags["private_channel"].patterns:
        hit = next(matches(doc, pattern, budget), None)
        if hit is not None:
            spans.append((doc.tokens[hit[0]].start, doc.tokens[hit[1]].end))
    return min(spans) if spans else None


def anonymous_pay(doc: Doc, entities: list[dict], budget: Budget, country: str | None) -> tuple[int, int] | None:
    """Give the span of the pay named by a short message with no contact and no place (a chat post), or None."""
    if entities or country or sum(t.kind == "word" for t in doc.tokens) > CHAT_WORDS:
        return None
    return _first_span(doc, rules().flags["private_channel"].weak, budget)


def _first_span(doc: Doc, patterns, budget: Budget) -> tuple[int, int] | None:
    """Give the span (characters) of the first of the patterns found, or None."""
    for pattern in patterns:
        hit = next(matches(doc, pattern, budget), None)
        if hit is not None:
            return doc.tokens[hit[0]].start, doc.tokens[hit[1]].end
    return None


def private_channel(doc: Doc, entities: list[dict], budget: Budget, country: str | None = None) -> list[dict]:
    """Give the `private_channel` flag when a personal contact is the only way to reach the offer."""
    chat = _first_span(doc, rules().flags["private_channel"].always, budget)
    if chat is None and firm_in(doc, entities) and not _name_with_free_mail(doc.original, entities):
        return []
    span = chat or personal_contact(doc, entities, budget) or anonymous_pay(doc, entities, budget, country)
    if span is None:
        return []
    flag = flag_dict(doc, "private_channel", 0, 0)
    flag.update(start=span[0], end=span[1], quote=doc.original[span[0]:span[1]])
    return [flag]
