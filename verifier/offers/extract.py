"""Reading text one way: phones, licence numbers, agency names, links, handles, emails and cards.

Shared by the offer scan (a whole job ad) and the one search box (`read_query`). Every entity is
a dict {"kind", "text", "start", "end", "value"} with offsets into the text as given; a card
number is masked (last four digits only) in both its text and its value.
"""
from __future__ import annotations

import bisect
import re

import phonenumbers

from verifier import DEFAULT_REGION
from verifier.names.numbers import parse_phones
from verifier.offers.agencies import LookBack
from verifier.offers.box import phone_shaped, without_place_and_pay
from verifier.offers.cards import at_digit_runs, find_cards, matches_at
from verifier.offers.phones import is_amount, phone_regions

KINDS = ("agency", "phone", "licence", "link", "handle", "email", "card")

EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)++")
LINK_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"«»]+|(?<![\w.-])(?:[a-z0-9-]++\.)++(?:com|kz|ru|uz|kg|me|org|net|info|"
                     r"tr|ae|kr|pl|ph|hk|io|online|site|shop|biz|pro|work|jobs)\b(?:/[^\s<>\"«»]*)?", re.I)
HANDLE_RE = re.compile(r"(?<![\w.@/])@[A-Za-z][A-Za-z0-9_]{2,31}\b")
_AT_RE = re.compile("@")
CARD_RE = re.compile(r"(?<![\d+])(?:\d{4}[ -]){3}\d{4}(?!\d)|(?<![\d+])\d{16}(?!\d)")
_LABEL = (r"(?:\b(?:БИН|BIN|ИИН|IIN|БСН|ЖСН|ИНН|INN|STIR|СТИР|ОГРН)\b|\bEA\b(?:\s*licen[cs]e)?|лиценз\w*|"
          r"licen[cs]e|litsenziya\w*|литсензия\w*|лицензия)")
LICENCE_RE = re.compile(_LABEL + r"\s*(?:№|No\.?|N|#|номер\w*|number|raqami)?\s*[:.]?\s*"
                        r"(?P<v>(?=[\w\-/]*\d)[A-ZА-Я0-9][\w\-/]{2,24}[A-ZА-Я0-9])", re.I)
# Where a label can begin, in the text upper- then lower-cased (every letter re.I takes for a label letter
# reads as that letter there): one letter each, so overlapping labels are all found.
_LABEL_START_RE = re.compile(r"б(?=ин|сн)|b(?=in)|и(?=ин|нн)|i(?=in|nn)|ж(?=сн)|s(?=tir)|с(?=тир)|о(?=грн)|e(?=a)|"
                             r"л(?=иценз|итсензия)|l(?=icen[cs]e|itsenziya)")
BARE_BIN_RE = re.compile(r"(?<![\d+])\d{12}(?!\d)")
DMW_LICENCE_RE = re.compile(r"\b[A-Z]{2,5}-\d{2,4}-[A-Z]{1,3}-\d{4,8}(?:-[A-Z]{1,3})?\b")

_FORMS_BEFORE = r"ТОО|ЖШС|ООО|ОсОО|ОАО|ЗАО|АО|ИП|ЖК|МЧЖ|MChJ|МЧЖ|XK|ХК|TOO|LLP|LLC|OOO"
_FORMS_AFTER = (r"LLP|LLC|Inc\.?|Ltd\.?|Limited|Corp\.?|Corporation|GmbH|Sp\. ?z ?o\.? ?o\.?|MChJ|XK|"
                r"Co\.,? Ltd\.?|ТОО|ЖШС|ООО|МЧЖ|Sdn\.? Bhd\.?|Bhd\.?|PLC|FZE|FZCO|FZ-LLC")
_CAP = r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІЎ0-9][\w&'’`.-]*+"
QUOTED_RE = re.compile(r"(?:\b(?:" + _FORMS_BEFORE + r")\s*)?[«“„\"]([^«»“”„\"\n]{2,60})[»”“\"]")
FORM_BEFORE_RE = re.compile(r"\b(?:" + _FORMS_BEFORE + r")\s+" + _CAP + r"(?:[ \t]+" + _CAP + r"){0,3}")
# Names before a legal form or an agency word are read backwards from it (offers/agencies.py).
FORM_AFTER = LookBack(re.compile(r"(?<![\w])(?i:" + _FORMS_AFTER + r")(?![\w])"), re.compile(_CAP))
_AGENCY_WORDS = r"(?:Agency|Recruitment|Manpower|Staffing|Placements?|Consulting|International|Group|Services?|Solutions|Partners|Holding)\b"
AGENCY_WORD_AFTER = LookBack(re.compile(r"\b" + _AGENCY_WORDS + r"(?:[ \t]++" + _AGENCY_WORDS + r")*+"),
                             re.compile(r"[A-Z][\w&'-]++"), 4)
AGENCY_WORD_RE = re.compile(r"(?:агентств\w*+|agency|agentligi|агенттігі)[ \t]++(?:[A-ZА-ЯЁ][\w-]++)(?:[ \t]++[A-ZА-ЯЁ][\w-]++){0,2}")
_NOT_NAME_START = re.compile(r"^(?:The|Our|Call|Contact|Write|Job|Work|We|A|An|In|For|From|To|At|Via)\s+")

# Country cues for reading numbers written without a country code: the first region listed wins.
def text_regions(text: str, home: str | None = None) -> tuple[str, ...]:
    """Give the regions to read local phone numbers in, from the text's cues and the home region."""
    return phone_regions(text, None, home or DEFAULT_REGION)


def mask_card(raw: str) -> str:
    """Give a card number with every digit but the last four hidden."""
    digits = re.sub(r"\D", "", raw)
    return "•••• " + digits[-4:]


def _valid_bin(digits: str) -> bool:
    """Tell whether 12 digits can be a Kazakh BIN/IIN (the month in digits 3-4)."""
    return 1 <= int(digits[2:4]) <= 12


def _free(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Tell whether a span overlaps none already taken (`taken` is kept sorted, never overlapping)."""
    i = bisect.bisect_left(taken, (start, start))
    return (i == 0 or taken[i - 1][1] <= start) and (i == len(taken) or taken[i][0] >= end)


def _add(found: list[dict], taken: list, kind: str, m_text: str, start: int, end: int, value: str) -> None:
    """Record one entity unless its span is already taken."""
    if _free(taken, start, end):
        bisect.insort(taken, (start, end))
        found.append({"kind": kind, "text": m_text, "start": start, "end": end, "value": value})


# Runs of digits and phone punctuation: the matcher reads only these, not the whole text.
MAX_RUNS = 100  # digit runs read per text: an offer has a handful; a list of thousands is cut
MAX_READS = 300  # runs read per text over all regions (a run read as a phone is not read again)
# A run of digits that starts a word ("TQ5550000xx", a wallet or an order code, is not a phone).
_DIGIT_RUN_RE = re.compile(r"(?:[+(]|(?<![^\W_]))\d[\d\s().\-/]{5,}\d\)?")


def _phones(text: str, regions: tuple[str, ...], found: list[dict], taken: list) -> None:
    """Add every valid phone number, reading local numbers in each region until one is valid."""
    runs = []
    for r in _DIGIT_RUN_RE.finditer(text):
        # An abnormally long run ("1 2 3 4 …") is read in pieces: no number is that long.
        runs += [(r.start() + c.start(), c.group(0)) for c in re.finditer(r".{1,64}(?=\s|$)|.{1,64}", r.group(0))]
    reads, seen = 0, {}  # seen: what a run (or a number) read in a region gave, for runs repeated in this text
    # Every region in turn; then, for what none read, the first region again with numbers in no
    # allocated range that the words before them give as a phone ("Call Imran 07700 900377").
    for region, called in [(region, False) for region in regions] + [(regions[0], True)] * bool(regions):
        for offset, run in runs[:MAX_RUNS]:
            if reads >= MAX_READS or not _free(taken, offset, offset + len(run)):
                continue  # read already, or enough reading for one text
            reads += 1
            for start, end, raw in _matcher_hits(run, region, seen):
                _phone_match(text, (offset + start, offset + end, raw), region, found, taken, seen, called)


def _matcher_hits(run: str, region: str, seen: dict) -> list[tuple[int, int, str]]:
    """Give (start, end, raw text) of each number the matcher finds in a run read in a region."""
    key = ("run", run, region)
    if key not in seen:
        seen[key] = [(m.start, m.end, m.raw_string)
                     for m in phonenumbers.PhoneNumberMatcher(run, region, leniency=phonenumbers.Leniency.POSSIBLE)]
    return seen[key]


def _phone_match(text: str, hit: tuple[int, int, str], region: str, found: list[dict], taken: list, seen: dict,
                 called: bool = False) -> None:
    """Add the valid numbers of one matcher hit (several when one run holds them); with `called`, also
    a number of a length the region dials that the words before it give as a phone."""
    start, end, raw = hit
    if not _free(taken, start, end) or sum(c.isdigit() for c in raw) < 7 or is_amount(text, start, end):
        return
    if ("number", raw, region) not in seen:
        seen["number", raw, region] = parse_phones(raw, region)
    read = seen["number", raw, region]
    valid = ([p for p in read if p.valid] or [p for p in read if _given_as_phone(text, start, p)]
             or [p for p in read if called and _called(text, start) and _possible(p)])
    for i, p in enumerate(valid):
        if i == 0:
            _add(found, taken, "phone", raw, start, end, p.e164)
        else:  # "6310865/3843052": several numbers in one run share its span
            found.append({"kind": "phone", "text": raw, "start": start, "end": end, "value": p.e164})


# The words that give a number as a phone, up to three short words before it ("Call Imran 07700 900377",
# "call the office on 0117 496 0755", "Тел.: 8 (7252) ...").
_CALL_BEFORE_RE = re.compile(r"(?:\b(?:call|phone|tel|mob|mobile|cell|whats\s?app|text|sms|ring)|тел|телефон|звоните|звонить|"
                             r"звони|ватсап|қоңырау|qo'ng'iroq)\.?(?:\W{1,3}+[^\W\d]{1,12}+){0,3}+\W{1,4}+$", re.I)


def _called(text: str, start: int) -> bool:
    """Tell whether the words right before a number give it as a phone."""
    return bool(_CALL_BEFORE_RE.search(text[max(0, start - 50):start]))


def _possible(phone) -> bool:
    """Tell whether a number read has a length its country dials (though in no allocated range)."""
    number = phonenumbers.parse(phone.e164)
    return phonenumbers.is_possible_number_with_reason(number) == phonenumbers.ValidationResult.IS_POSSIBLE


def _given_as_phone(text: str, start: int, phone) -> bool:
    """Tell whether a number of no allocated range is still the phone the offer gives: written with
    its country code ("+7 727 555 01 80", the same in every region) and of a length that country dials."""
    return text.startswith("+", start) and _possible(phone)


def _messenger_phones(text: str, found: list[dict]) -> None:
    """Add the number inside a wa.me / t.me/+ / viber link as a phone entity of the same span."""
    for e in [e for e in found if e["kind"] == "link"]:
        if m := re.search(r"(?:wa\.me/|t\.me/\+|phone=|number=)\+?(\d{7,15})", e["text"], re.I):
            phones = [p for p in parse_phones("+" + m.group(1)) if p.valid]
            if phones:
                found.append({**e, "kind": "phone", "value": phones[0].e164})


def _licences(text: str, found: list[dict], taken: list) -> None:
    """Add licence and registration numbers: labelled ones, DMW-style ones and bare 12-digit BINs."""
    for m in _labelled_licences(text):
        value = m.group("v").upper()
        _add(found, taken, "licence", m.group(0), m.start(), m.end(), value)
    for rx in (DMW_LICENCE_RE, BARE_BIN_RE):
        for m in rx.finditer(text) if rx is DMW_LICENCE_RE else at_digit_runs(rx, text):
            if rx is DMW_LICENCE_RE or _valid_bin(m.group(0)):
                _add(found, taken, "licence", m.group(0), m.start(), m.end(), m.group(0))


def _labelled_licences(text: str):
    """Yield LICENCE_RE's matches as its finditer does, trying it only where a label can begin."""
    folded = text.upper().lower()
    if len(folded) != len(text):  # a letter that folds into two: positions would not line up
        yield from LICENCE_RE.finditer(text)
        return
    yield from matches_at(LICENCE_RE, text, (hit.start() for hit in _LABEL_START_RE.finditer(folded)))


def _agencies(text: str, found: list[dict], taken: list) -> None:
    """Add agency names: quoted names, names with a legal form, and '… Agency' / 'agency …'."""
    for rx in (QUOTED_RE, FORM_BEFORE_RE, FORM_AFTER, AGENCY_WORD_AFTER, AGENCY_WORD_RE):
        for m in rx.finditer(text):
            start, end = m.start(), m.end()
            i = bisect.bisect_right(taken, (start, len(text))) - 1
            if i >= 0 and taken[i][0] <= start < taken[i][1] < end:  # "85. Cielo Talent Limited"
                e = taken[i][1]
                start = e + len(text[e:end]) - len(text[e:end].lstrip(" .,;:-"))
            if rx is QUOTED_RE and not (m.group(0)[0] not in "«“„\"" or m.group(1)[:1].isupper()):
                continue  # a quoted phrase in lower case is a quotation, not a name
            name = text[start:end]
            if lead := _NOT_NAME_START.match(name):
                start, name = start + lead.end(), name[lead.end():]
            name = name.rstrip(" ,.;:")
            end = start + len(name)
            if len(re.sub(r"\W", "", name)) >= 3:
                _add(found, taken, "agency", name, start, end, name.strip())


def find_entities(text: str, regions: tuple[str, ...] | None = None) -> list[dict]:
    """Give every entity in the text, in order of position; cards are masked."""
    found: list[dict] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in (("email", EMAIL_RE), ("link", LINK_RE), ("card", CARD_RE)):
        for m in rx.finditer(text) if kind != "card" else at_digit_runs(rx, text):
            raw = m.group(0).rstrip(".,;:)")
            if kind == "card":
                raw = mask_card(raw)
            _add(found, taken, kind, raw, m.start(), m.start() + len(m.group(0).rstrip(".,;:)")), raw)
    for start, end in find_cards(text):  # every other way a card is written (cards.py)
        _add(found, taken, "card", mask_card(text[start:end]), start, end, mask_card(text[start:end]))
    _messenger_phones(text, found)
    for m in matches_at(HANDLE_RE, text, (at.start() for at in _AT_RE.finditer(text))):  # a handle opens with @
        _add(found, taken, "handle", m.group(0), m.start(), m.end(), m.group(0).lower())
    _licences(text, found, taken)
    _phones(text, regions or text_regions(text), found, taken)
    _agencies(text, found, taken)
    return sorted(found, key=lambda e: (e["start"], KINDS.index(e["kind"])))


# --- the one search box ----------------------------------------------------------------------

_LABEL_WORDS_RE = re.compile(
    # "the firm is X, the number is Y" / "фирма X, номер Y": the words people say around the parts.
    r"(?<!\w)(?:(?:the\s+)?(?:firm|company|agency|agent|recruiter)(?:'s\s+name)?\s+is|(?:and\s+)?(?:the\s+)?"
    r"(?:phone\s+)?number\s+is|(?:their\s+)?(?:phone|number)\s*:|фирма|firma|фирмасы|название|nomi)(?!\w)|"
    r"(?<!\w)(?:тел|телефон\w*|моб|сот|tel|phone|mob|mobile|cell|whats\s?app|вотсап|ватсап|telegram|телеграм|"
    r"viber|вайбер|контакт\w*|contacts?|номер|number|raqam\w*|№|no(?=\.))\.?(?!\w)|" + _LABEL, re.I)
_SENTENCE_RE = re.compile(r"[.!?\n]+")
_WORD_RE = re.compile(r"[^\W\d_]{2,}")


_FORMER_NAME_RE = re.compile(r"\((?:formerly|former|for\.|formely|ранее|бывш\w*)\b", re.I)
_BARE_DOMAIN_RE = re.compile(r"^[\w-]+(?:\.[\w-]+)+$")


def _is_offer(text: str, phones: list, agencies: list) -> bool:
    """Tell whether a query reads as a whole message: several sentences, or several names or phones."""
    sentences = [s for s in _SENTENCE_RE.split(text) if len(_WORD_RE.findall(s)) >= 3]
    former = _FORMER_NAME_RE.search(text)  # "X INC (FORMERLY Y INC)" is one firm under two names
    return len(text) > 300 or len(sentences) >= 2 or len(phones) > 1 or len(agencies) > 1 + bool(former)


def _leftover_name(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[str]]:
    """Give the text outside the spans with labels and punctuation taken out, and bare numbers in it."""
    keep, last = [], 0
    for start, end in sorted(spans):
        keep.append(text[last:start])
        last = max(last, end)
    rest = without_place_and_pay(" ".join(keep + [text[last:]]))
    rest = _LABEL_WORDS_RE.sub(" ", rest)
    numbers = re.findall(r"(?<![\w-])\d{5,}(?![\w-])", rest)
    for n in numbers:
        rest = rest.replace(n, " ")
    rest = re.sub(r"[()\[\]{},;:|/]+|\s[-–—]+\s", " ", rest)
    return re.sub(r"\s+", " ", rest).strip(" -–—.,:;"), numbers


def read_query(text: str, regions: tuple[str, ...] | None = None) -> dict:
    """Give the parts of a search-box query: {"name", "phones", "licences", "looks_like_offer"}.

    Local numbers are read in the text's own regions; pass `regions` to read them otherwise.
    """
    text = re.sub(r"\s+", " ", text or "").strip()
    entities = find_entities(text, regions)
    phones = list(dict.fromkeys(e["value"] for e in entities if e["kind"] == "phone"))
    licences = list(dict.fromkeys(e["value"] for e in entities if e["kind"] == "licence"))
    agencies = [e for e in entities if e["kind"] == "agency"]
    # In one box a bare domain is part of a name ("JOBSGLOBAL.COM EMPLOYMENT SERVICES INC").
    spans = [(e["start"], e["end"]) for e in entities if e["kind"] != "agency"
             and not (e["kind"] == "link" and _BARE_DOMAIN_RE.match(e["text"]))]
    for start, end, raw in phone_shaped(text, spans):  # a phone of no valid range is still a phone
        phones.append(raw)
        spans.append((start, end))
    name, numbers = _leftover_name(text, spans)
    licences += [n for n in numbers if n not in licences]
    return {"name": name, "phones": phones, "licences": licences,
            "looks_like_offer": _is_offer(text, phones, agencies)}
