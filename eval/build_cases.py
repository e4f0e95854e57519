"""Build labelled evaluation cases from the real names and phones in the registry database.

    VERIFIER_DB=data/verifier.db python -m eval.build_cases [--db PATH] [--out eval/cases.jsonl]

Every case starts from a real record (its published name or phone) and applies what a caller
does to it: a typo, another word order, another legal form, Cyrillic letters for a Latin name and
back, Kazakh letters, look-alike letters, phone formats; or builds what must NOT be found as the
same agency: a listed name with a distinguishing token (decoy), or a real-looking name on no list.
The perturbations are written from how people type, independently of verifier/names/normalize.py and
verifier/names/match.py (nothing here imports them): a case the matcher fails stays a case.

Output: one JSON object per line, sorted by slice then number, deterministic for one database
(fixed seed, records sorted by id). Fields:
  id, slice, q | name + phone, expect_id (agency id or null), accept_ids (every record an answer
  may rightly put first: the records whose name, without punctuation and legal form, is the same
  as the expected record's, or that publish the same phone), expect_verdicts (allowed verdicts),
  note (what was done); decoys also carry base_id (the listed record they imitate).

Labels:
- A record's own verdict is licensed / licence_invalid / warning from its status group. Where
  several records share the name (or phone), the verdict rules' precedence (warning >
  licence_invalid > licensed) over them is allowed as well.
- exact and legal_form must give that verdict. Slices that change the letters (typo, word order,
  transliteration, Kazakh letters, look-alikes, combined) may also answer `similar`, as long as
  the right record is shown first: the matcher cannot tell a caller's typo from a typo-squat.
- decoy and unlisted: `similar` or `not_found` only (never licensed, warning or licence_invalid).
- name_plus_other_phone: phone_mismatch, licence_invalid or warning (high risk, never licensed).
Left out of the base pool: KGD rows that are not companies (individual entrepreneurs, people's
names), and valid licences with an expiry date (their verdict changes with the calendar).
A perturbed query whose skeleton (anyascii, lower case, punctuation and legal forms out) equals
another record's name is dropped: it would be that record, not a typo of this one.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import sqlite3
import unicodedata
from collections import defaultdict
from pathlib import Path

import phonenumbers
from anyascii import anyascii

from eval import variants

SEED = 20261122
OUT = Path(__file__).resolve().parent / "cases.jsonl"
VERDICT_OF = {"valid": "licensed", "invalid": "licence_invalid", "warning": "warning"}
PRECEDENCE = ("warning", "licence_invalid", "licensed")
HIGH_RISK = ["licence_invalid", "phone_mismatch", "warning"]
NOT_SAME = ["not_found", "similar"]

# --- an independent skeleton of a name (for labels and collisions only) ------------------------

_LEGAL_PHRASES = (
    "товарищество с ограниченной ответственностью", "жауапкершілігі шектеулі серіктестігі",
    "общество с ограниченной ответственностью", "акционерное общество", "тоо", "жшс", "ооо", "ао",
    "too", "llp", "llc", "ltd", "limited", "inc", "incorporated", "corp", "corporation", "co",
    "company", "opc", "pte", "有限公司", "公司",
)


def _ascii_tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", anyascii(text).lower())


_LEGAL_SEQS = sorted({tuple(_ascii_tokens(p)) for p in _LEGAL_PHRASES}, key=len, reverse=True)
_PAREN_RE = re.compile(r"\s*\((?:[^()]*)\)?\s*$")
_FORMERLY_BARE_RE = re.compile(r"\s+\(?\s*(?:formerly|formely|ormerly)\b\s*:?\s*(.*)$", re.I)


def split_main(name: str) -> tuple[str, list[str]]:
    """Return the name without a trailing parenthetical ("(FORMERLY X)", "(X)"), and X."""
    name = unicodedata.normalize("NFKC", name).strip()
    m = _FORMERLY_BARE_RE.search(name)
    if m and m.start() > 0:
        return name[: m.start()].strip(), [m.group(1).strip(" .,;()")] if m.group(1).strip(" .,;()") else []
    m = _PAREN_RE.search(name)
    if not m or m.start() == 0:
        return name, []
    inner = re.sub(r"^\(\s*(?:formerly|for\.|frmly\.?|f/k/a)?\s*:?\s*", "", m.group().strip(), flags=re.I)
    inner = inner.rstrip(") ").strip()
    return name[: m.start()].strip(), ([inner] if inner else [])


def skeleton(text: str, ordered: bool = True) -> str:
    """Return a crude comparison form: ASCII, lower case, no punctuation, no legal forms."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"\bint[`'’]?l\b", "international", text)
    toks = _ascii_tokens(text)
    out, i = [], 0
    while i < len(toks):
        for seq in _LEGAL_SEQS:
            if tuple(toks[i:i + len(seq)]) == seq:
                i += len(seq)
                break
        else:
            out.append(re.sub(r"(.)\1+", r"\1", toks[i]).replace("y", "i"))
            i += 1
    out = out or toks
    return " ".join(out if ordered else sorted(out))


# --- parsing a published name into lead + core + trail ----------------------------------------

_TRAIL_FORM_RE = re.compile(
    r"[\s,]*\b(inc|incorporated|corp|corporation|co|company|ltd|limited|llc|llp|opc)\b\.?\s*$", re.I)
_KZ_LEAD_RE = re.compile(
    r"^\s*(товарищество\s+с\s+ограниченной\s+ответственностью|тоо|жшс|ао)(?=[\s\"«'“”])[\s\"«»'“”]*",
    re.I)
_KZ_TRAIL_RE = re.compile(r"[\s\"«»'“”]*$")


def parse(rec: dict) -> dict | None:
    """Return {lead, core, trail, form} of a record's current name, or None when unusable."""
    main, aliases = split_main(rec["name"])
    if rec["source"] == "kz_kgd":
        m = _KZ_LEAD_RE.match(main)
        if not m:
            return None  # individual entrepreneurs and people's names: not used
        rest = main[m.end():]
        t = _KZ_TRAIL_RE.search(rest)
        core = re.sub(r"\s+", " ", rest[: t.start()]).strip()
        form = "too_long" if m.group(1).casefold().startswith("товар") else m.group(1).casefold()
        return {"lead": main[: m.end()], "core": core, "trail": rest[t.start():], "form": form,
                "main": main, "aliases": aliases} if core else None
    core, trail, form = main, "", ""
    while (m := _TRAIL_FORM_RE.search(core)) and m.start() > 0:
        trail = core[m.start():] + trail
        form = form or m.group(1).lower()
        core = core[: m.start()]
    core = core.strip(" ,")
    if not core:
        return None
    return {"lead": "", "core": core, "trail": trail, "form": form, "main": main, "aliases": aliases}


def render(p: dict, core: str) -> str:
    """Return the name with a new core and the published legal form."""
    return f"{p['lead']}{core}{p['trail']}"


def letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def is_cyrillic(text: str) -> bool:
    cyr = sum("\u0400" <= ch <= "\u04ff" for ch in text)
    return cyr > 0 and cyr >= 0.8 * letters(text)


def is_latin(text: str) -> bool:
    lat = sum(ch.isascii() and ch.isalpha() for ch in text)
    return lat > 0 and lat == letters(text)


# --- typing errors ----------------------------------------------------------------------------

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm", "йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю")


def _neighbours() -> dict[str, str]:
    out: dict[str, str] = {}
    for row in _ROWS:
        for i, ch in enumerate(row):
            out[ch] = row[max(0, i - 1):i] + row[i + 1:i + 2]
    return out


NEIGHBOURS = _neighbours()


def _same_case(src: str, ch: str) -> str:
    return ch.upper() if src.isupper() else ch


def typo(text: str, rng: random.Random, edits: int = 1) -> str | None:
    """Return text with `edits` keyboard errors in letters of words of 4+ letters, or None."""
    for _ in range(20):
        out = text
        for _ in range(edits):
            spans = [m.span() for m in re.finditer(r"[^\W\d_]{4,}", out)]
            if not spans:
                return None
            a, b = rng.choice(spans)
            i = rng.randrange(a, b)
            ch = out[i]
            op = rng.choice(("sub", "del", "ins", "swap"))
            near = NEIGHBOURS.get(ch.lower(), "")
            if op == "sub" and near:
                out = out[:i] + _same_case(ch, rng.choice(near)) + out[i + 1:]
            elif op == "del":
                out = out[:i] + out[i + 1:]
            elif op == "ins":
                extra = _same_case(ch, rng.choice(near)) if near and rng.random() < 0.5 else ch
                out = out[:i] + extra + out[i:]
            elif op == "swap" and i + 1 < b and out[i + 1] != ch:
                out = out[:i] + out[i + 1] + ch + out[i + 2:]
        if out.casefold() != text.casefold():
            return out
    return None


# --- Latin name in Cyrillic letters (as a Russian speaker writes it) ---------------------------

EN_WORDS_CYR = {
    "international": "интернешнл", "manpower": "манпауэр", "services": "сервисез", "service": "сервис",
    "agency": "эйдженси", "employment": "эмплоймент", "recruitment": "рекрутмент", "global": "глобал",
    "overseas": "оверсиз", "human": "хьюман", "resources": "ресорсез", "management": "менеджмент",
    "placement": "плейсмент", "world": "ворлд", "group": "груп", "asia": "азия", "star": "стар",
    "philippines": "филиппинс", "maritime": "маритайм", "marine": "марин", "general": "дженерал",
    "consultancy": "консалтанси", "consultants": "консалтантс", "center": "центр", "centre": "центр",
    "trading": "трейдинг", "enterprises": "энтерпрайзис", "worldwide": "ворлдвайд",
    "development": "девелопмент", "staffing": "стаффинг", "pacific": "пасифик", "golden": "голден",
    "royal": "роял", "best": "бест", "first": "ферст", "new": "нью", "east": "ист", "west": "вест",
    "link": "линк", "care": "кэр", "job": "джоб", "jobs": "джобс", "helper": "хелпер", "maid": "мейд",
    "domestic": "доместик", "career": "карьер", "power": "пауэр", "ocean": "оушен", "skills": "скиллс",
    "solutions": "солюшнс", "bright": "брайт", "hongkong": "гонконг", "the": "зе", "and": "энд",
    "of": "оф", "personnel": "персонал", "express": "экспресс", "united": "юнайтед", "smart": "смарт",
    "shipping": "шиппинг", "crew": "крю", "people": "пипл", "good": "гуд", "home": "хоум",
}
FORMS_CYR = {"inc": "Инк", "incorporated": "Инкорпорейтед", "corp": "Корп", "corporation": "Корпорейшн",
             "co": "Ко", "company": "Компани", "ltd": "Лтд", "limited": "Лимитед"}
_LAT_DIGRAPHS = (("sch", "ш"), ("tion", "шн"), ("sh", "ш"), ("ch", "ч"), ("th", "т"), ("ph", "ф"),
                 ("kh", "х"), ("zh", "ж"), ("ck", "к"), ("qu", "кв"), ("oo", "у"),
                 ("ee", "и"), ("gh", "г"))
_LAT_LETTERS = {"a": "а", "b": "б", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "i": "и", "j": "дж",
                "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "к", "r": "р", "s": "с",
                "t": "т", "u": "у", "v": "в", "w": "в", "x": "кс", "z": "з"}


def _lat_letter(w: str, i: int) -> str:
    """Return one Latin letter as letter-to-sound rules write it in its place in the word."""
    ch, nxt = w[i], w[i + 1:i + 2]
    if ch == "c":
        return "с" if nxt in "eiy" else "к"
    if ch == "y":
        return "й" if (i == 0 and nxt in "aeiou") else "и"
    if ch == "e" and i == 0:
        return "э"
    return _LAT_LETTERS.get(ch, ch)


def lat_word_to_cyr(word: str) -> str:
    """Return one Latin word written by letter-to-sound rules in Cyrillic."""
    return variants.spell(word.lower(), _LAT_DIGRAPHS, _lat_letter)

def _case_like(src: str, out: str, upper: bool | None = None) -> str:
    if upper or (upper is None and src.isupper() and len(src) > 1):
        return out.upper()
    if src[:1].isupper():
        return out[:1].upper() + out[1:]
    return out


def to_cyrillic(text: str, rng: random.Random, upper: bool) -> str:
    """Return a Latin text as a Russian speaker writes it in Cyrillic (words known by ear, else letters)."""
    def word(m: re.Match) -> str:
        w = m.group()
        if len(w) > 1 and re.fullmatch(r"[IVXLCM]+", w):  # Roman numerals stay as they are
            return w
        known = EN_WORDS_CYR.get(w.lower())
        cy = known if known is not None and rng.random() < 0.7 else lat_word_to_cyr(w)
        return _case_like(w, cy, upper)
    text = re.sub(r"(?i)\b(hong)\s+(kong)\b", r"\1\2", text.replace("`", "'"))
    text = re.sub(r"(?i)\bint'l\b", "International", text)  # INT'L is said "international"
    text = re.sub(r"(\w)'(\w)", r"\1\2", text)
    out = re.sub(r"[A-Za-z]+", word, text)
    out = re.sub(r"[,.']", " ", out)
    return re.sub(r"\s+", " ", out).strip()


# --- Cyrillic name in Latin letters (as a person types it) -------------------------------------

_KAZ_TO_RU = {"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и"}
_GOST = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
         "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
         "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
         "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya"}
_LOOSE = {**_GOST, "ж": "j", "х": "h", "ц": "c", "щ": "sh", "й": "i", "ы": "i", "ё": "e", "ю": "iu",
          "я": "ia"}


def to_latin(text: str, style: str, upper: bool | None = None) -> str:
    """Return Cyrillic text in Latin letters, GOST-like (kh, zh, ts) or loose (h, j, c)."""
    table = _GOST if style == "gost" else _LOOSE

    def word(m: re.Match) -> str:
        w = m.group()
        if _ROMAN.fullmatch(w):  # Roman numerals ("ХХІ") are typed as XXI
            return w.upper().translate(_ROMAN_TO_LAT)
        lat = "".join(table.get(_KAZ_TO_RU.get(ch, ch), _KAZ_TO_RU.get(ch, ch)) for ch in w.lower())
        return _case_like(w, lat, upper)
    return re.sub(r"[^\W\d_]+", word, text)


# --- Kazakh letters and look-alike letters ----------------------------------------------------

_ROMAN = re.compile(r"(?=\w*[XХIІ])[XХIІVLCСMМ]{2,}", re.I)  # XXI, ХХІ, III
_ROMAN_TO_LAT = str.maketrans("ХІСМ", "XICM")
_RU_TO_KAZ = {"к": "қ", "г": "ғ", "у": "ұү", "и": "і", "о": "ө", "а": "ә", "н": "ң"}
_LAT_TO_CYR_GLYPH = dict(zip("aeopcxAEOPCX", "аеорсхАЕОРСХ"))
_CYR_TO_LAT_GLYPH = {v: k for k, v in _LAT_TO_CYR_GLYPH.items()}


def _swap_some(text: str, table: dict, rng: random.Random, low: int, high: int, pick=None) -> str | None:
    pos = [i for i, ch in enumerate(text) if ch.lower() in table or ch in table]
    if not pos:
        return None
    chosen = rng.sample(pos, min(len(pos), rng.randint(low, high)))
    chars = list(text)
    for i in chosen:
        ch = chars[i]
        rep = table.get(ch) or table[ch.lower()]
        rep = rng.choice(rep) if pick is None else pick(rep)
        chars[i] = rep.upper() if ch.isupper() else rep
    return "".join(chars)


def kazakh_letters(core: str, rng: random.Random) -> tuple[str, str] | None:
    """Return core with Kazakh letters for Russian ones (or, if it has Kazakh ones, Russian for them)."""
    def to_ru(m: re.Match) -> str:
        w = m.group()
        if _ROMAN.fullmatch(w):  # "ХХІ" is the Roman numeral XXI, not a Kazakh word: left alone
            return w
        return "".join((_KAZ_TO_RU[ch.lower()].upper() if ch.isupper() else _KAZ_TO_RU[ch])
                       if ch.lower() in _KAZ_TO_RU else ch for ch in w)
    kaz_words = [w for w in re.findall(r"[^\W\d_]+", core)
                 if any(ch.lower() in _KAZ_TO_RU for ch in w) and not _ROMAN.fullmatch(w)]
    if kaz_words and rng.random() < 0.7:
        return re.sub(r"[^\W\d_]+", to_ru, core), "Kazakh letters typed as Russian ones"
    out = _swap_some(core, _RU_TO_KAZ, rng, 1, 2)
    return (out, "Russian letters typed as Kazakh ones") if out and out != core else None


def homoglyphs(core: str, rng: random.Random) -> tuple[str, str] | None:
    """Return core with some letters swapped for look-alikes of the other script."""
    table, what = ((_LAT_TO_CYR_GLYPH, "Latin letters replaced by Cyrillic look-alikes") if is_latin(core)
                   else (_CYR_TO_LAT_GLYPH, "Cyrillic letters replaced by Latin look-alikes"))
    if rng.random() < 0.3:  # one whole word
        words = [m for m in re.finditer(r"[^\W\d_]+", core) if any(ch in table for ch in m.group())]
        if words:
            m = rng.choice(words)
            w = "".join(table.get(ch, ch) for ch in m.group())
            return core[: m.start()] + w + core[m.end():], what + " (every one in a word)"
    out = _swap_some(core, table, rng, 1, 3)
    return (out, what) if out and out != core else None


# --- legal forms --------------------------------------------------------------------------------

LATIN_FORMS = {"inc": ["Corporation", "Corp.", "Incorporated", "Ltd"],
               "incorporated": ["Inc.", "Corporation"],
               "corporation": ["Inc.", "Corp", "Ltd"], "corp": ["Inc", "Corporation"],
               "limited": ["Ltd", "Ltd.", "Co. Ltd", "Company Limited", "Inc"],
               "ltd": ["Limited", "Inc"], "co": ["Inc.", "Company", "Corp"],
               "company": ["Co.", "Inc", "Limited"], "llc": ["Inc", "Ltd"], "opc": ["Inc", "Corp"]}
KZ_STYLES = {"too_long": 'Товарищество с ограниченной ответственностью "{c}"', "too_q": 'ТОО "{c}"',
             "too_g": "ТОО «{c}»", "too": "ТОО {c}", "too_lat": 'TOO "{c}"', "zhshs": "ЖШС «{c}»",
             "zhshs_after": '"{c}" ЖШС', "llp": "{c} LLP", "drop": "{c}"}


def change_legal_form(p: dict, source: str, rng: random.Random) -> tuple[str, str] | None:
    """Return the name with its legal form added, dropped or changed, and a note."""
    core, form = p["core"], p["form"]
    if source == "kz_kgd":
        keys = [k for k in KZ_STYLES if not (k == "too_long" and form == "too_long")
                and not (k.startswith("too_") and form == "тоо" and k != "too_lat")]
        k = rng.choice(keys)
        return KZ_STYLES[k].format(c=core), f"legal form {form} -> {k}"
    if not form:
        add = rng.choice(["Inc.", "Corp"] if source == "ph_dmw" else ["Limited", "Ltd", "Co. Ltd"])
        return f"{core} {add}", f"legal form added: {add}"
    if rng.random() < 0.35:
        return core, f"legal form dropped: {form}"
    new = rng.choice(LATIN_FORMS.get(form, ["Inc"]))
    sep = ", " if rng.random() < 0.3 else " "
    return f"{core}{sep}{new}", f"legal form {form} -> {new}"


# --- phones ---------------------------------------------------------------------------------------

TRUNK = {"PH": "0", "KZ": "8", "RU": "8"}


def phone_variants(e164: str, raw: str) -> list[tuple[str, str]]:
    """Return (variant name, text) for the ways people write one number."""
    num = phonenumbers.parse(e164)
    cc, nsn = num.country_code, phonenumbers.national_significant_number(num)
    region = phonenumbers.region_code_for_number(num) or ""
    groups = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.INTERNATIONAL).split()[1:]
    groups = [g for part in groups for g in part.split("-") if g]
    trunk = TRUNK.get(region, "")
    kind = phonenumbers.number_type(num)
    mobile = kind in (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)
    out = [
        ("plus_spaces", f"+{cc} " + " ".join(groups)),
        ("plus_dashes", f"+{cc}-" + "-".join(groups)),
        ("digits_no_plus", f"{cc}{nsn}"),
        ("no_plus_spaces", f"{cc} " + " ".join(groups)),
        ("intl_prefix_00", f"00{cc} " + " ".join(groups)),
        ("national_spaces", trunk + " ".join(groups) if trunk else " ".join(groups)),
        ("national_dashes", trunk + "-".join(groups) if trunk else "-".join(groups)),
        ("tel_link", f"tel:+{cc}{nsn}"),
    ]
    if len(groups) > 1:
        out.append(("brackets", f"+{cc} ({groups[0]}) " + "-".join(groups[1:])))
        if trunk:
            out.append(("trunk_brackets", f"({trunk}{groups[0]}) " + " ".join(groups[1:])))
    if trunk:
        out.append(("national_no_trunk", "".join(groups)))
    if region == "PH" and nsn.startswith("2") and len(groups) > 1 and not mobile:
        out.append(("manila_local_no_area", "-".join(groups[1:])))
    if mobile:
        out.append(("wa_me", f"wa.me/{cc}{nsn}"))
        out.append(("wa_me_https", f"https://wa.me/{cc}{nsn}"))
    if raw and raw.strip() and raw.strip() not in {t for _, t in out}:
        out.append(("as_published", raw.strip()))
    return out


# --- decoys and unlisted names -------------------------------------------------------------------

DECOY_TOKENS = {
    "latin": ["2", "3", "Plus", "Group", "International", "Asia"],
    "latin_city": {"ph_dmw": ["Manila", "Cebu", "Davao"], "hk_eaa": ["Kowloon", "Macau", "Manila"],
                   "kz_kgd": ["Almaty", "Astana", "Shymkent"]},
    "cyr": ["2", "3", "Плюс", "Групп", "Интернешнл", "Азия"],
    "cyr_city": ["Алматы", "Астана", "Шымкент"],
}
UNLISTED_WORDS = {
    "en_a": ["Golden", "Bright", "Prime", "Royal", "Pacific", "Eagle", "Summit", "Crown", "Unity",
             "Horizon", "Silverline", "Bluewave", "Evergreen", "Northstar", "Sunrise", "Harbor",
             "Keystone", "Trident", "Orchid", "Liberty", "Phoenix", "Zenith", "Vanguard", "Meridian"],
    "en_b": ["Star", "Bridge", "Link", "Gate", "Point", "Path", "Way", "Crest", "Field", "Rise",
             "Harvest", "Works", "Hands", "Careers", "Talent"],
    "en_c": ["Manpower Services", "Recruitment Agency", "Employment Agency", "Placement Services",
             "Human Resources", "Overseas Employment", "Staffing Solutions", "Personnel Consultancy"],
    "ph": ["Bayanihan", "Maharlika", "Bagong Pag-asa", "Tagumpay", "Kalayaan", "Mabuhay", "Bituin",
           "Pinoy Pride", "Masagana", "Dakila", "Hiraya", "Tanglaw"],
    "kz": ["Алтын", "Береке", "Нұр", "Жұлдыз", "Самал", "Бірлік", "Достық", "Арман", "Шапағат",
           "Ақ Жол", "Болашақ", "Көктем", "Жетісу", "Сарыарқа", "Тұран", "Мерей", "Ақниет", "Атамекен"],
    "ru": ["Строй", "Инвест", "Сервис", "Транс", "Кадры", "Персонал", "Трудовые Ресурсы",
           "Консалтинг", "Стандарт", "Альянс", "Восток", "Профи", "Техно", "Снаб", "Ресурс",
           "Капитал", "Трейд", "Логистик", "Агро", "Энерго", "Работа", "Вахта"],
}


def unlisted_name(rng: random.Random) -> tuple[str, str]:
    """Return a real-looking agency name built from real company-name words, and its kind."""
    kind = rng.choice(["en", "en", "ph", "kz", "kz", "kz_lat"])
    if kind == "en":
        name = f"{rng.choice(UNLISTED_WORDS['en_a'])} {rng.choice(UNLISTED_WORDS['en_b'])} " \
               f"{rng.choice(UNLISTED_WORDS['en_c'])} {rng.choice(['Inc.', 'Corp.', 'Limited', 'Ltd', ''])}"
    elif kind == "ph":
        name = f"{rng.choice(UNLISTED_WORDS['ph'])} {rng.choice(UNLISTED_WORDS['en_c'])} " \
               f"{rng.choice(['Inc.', 'Corporation', 'Co.', ''])}"
    else:
        core = f"{rng.choice(UNLISTED_WORDS['kz'])} {rng.choice(UNLISTED_WORDS['ru'])}"
        if rng.random() < 0.4:
            core += f" {rng.choice(UNLISTED_WORDS['ru'])}"
        if kind == "kz_lat":
            name = to_latin(core, rng.choice(["gost", "loose"]))
            name = rng.choice(["TOO {c}", "{c} LLP", "{c}"]).format(c=name)
        else:
            name = rng.choice(['ТОО "{c}"', "ТОО «{c}»", "ЖШС «{c}»", "{c}",
                               'Товарищество с ограниченной ответственностью "{c}"']).format(c=core)
    return re.sub(r"\s+", " ", name).strip(), kind


# --- the registry ---------------------------------------------------------------------------------

def load(db: str | Path) -> list[dict]:
    """Return current records with their phones, sorted by id."""
    conn = sqlite3.connect(f"file:{Path(db).resolve()}?mode=ro", uri=True)
    cols = {r[1] for r in conn.execute("pragma table_info(agencies)")}
    extra = [c for c in ("expires_on", "aliases") if c in cols]
    where = " where removed_at is null" if "removed_at" in cols else ""
    recs = {}
    for row in conn.execute(f"select id, source, name, status_group, list_kind{''.join(', ' + c for c in extra)} "
                            f"from agencies{where} order by id"):
        d = dict(zip(["id", "source", "name", "status_group", "list_kind", *extra], row))
        d["aliases"] = json.loads(d.get("aliases") or "[]")
        d["phones"] = []
        recs[d["id"]] = d
    for agency_id, e164, raw in conn.execute("select agency_id, e164, raw from phones order by agency_id, e164"):
        if agency_id in recs:
            recs[agency_id]["phones"].append((e164, raw or ""))
    conn.close()
    return list(recs.values())


class Registry:
    """Records, their name classes (same skeleton) and phone owners."""

    def __init__(self, recs: list[dict]) -> None:
        self.recs = recs
        self.by_id = {r["id"]: r for r in recs}
        self.classes: dict[str, set[str]] = defaultdict(set)
        self.sorted_classes: dict[str, set[str]] = defaultdict(set)
        self.owners: dict[str, set[str]] = defaultdict(set)
        for r in recs:
            main, paren = split_main(r["name"])
            for n in {main, r["name"], *paren, *r["aliases"]}:
                if n and skeleton(n):
                    self.classes[skeleton(n)].add(r["id"])
                    self.sorted_classes[skeleton(n, False)].add(r["id"])
            for e164, _ in r["phones"]:
                self.owners[e164].add(r["id"])

    def name_class(self, rec: dict) -> set[str]:
        main, _ = split_main(rec["name"])
        return self.classes[skeleton(main)] | {rec["id"]}

    def collides(self, query: str, allowed: set[str]) -> bool:
        """Return True when the query's skeleton is the name of a record outside `allowed`."""
        for key, table in ((skeleton(query), self.classes), (skeleton(query, False), self.sorted_classes)):
            if table.get(key, set()) - allowed:
                return True
        return False

    def verdict(self, ids: set[str]) -> str:
        got = {VERDICT_OF[self.by_id[i]["status_group"]] for i in ids}
        return next(v for v in PRECEDENCE if v in got)

    def usable(self, r: dict) -> bool:
        """Return True for records the base pool may use (see the module docstring)."""
        return not (r["status_group"] == "valid" and r.get("expires_on"))


def _h(*parts) -> int:
    """Return a stable 64-bit hash of the parts (the order in which records are drawn)."""
    return int.from_bytes(hashlib.sha1(":".join(map(str, parts)).encode()).digest()[:8], "big")


def build(db: str | Path, seed: int = SEED) -> list[dict]:
    """Return every case, deterministically for one database."""
    reg = Registry(load(db))
    rng = random.Random(seed)
    cases: list[dict] = []
    pool = [r for r in reg.recs if reg.usable(r) and all(reg.usable(reg.by_id[i]) for i in reg.name_class(r))]
    parsed = {r["id"]: p for r in pool if (p := parse(r))}
    by_src: dict[str, list[dict]] = defaultdict(list)
    for r in pool:
        if r["id"] in parsed:
            by_src[r["source"]].append(r)

    def sample(slice_: str, sources: dict[str, int], pred=lambda r, p: True):
        """Return (record, parsed name, its own random generator) for the first n of each source
        in a fixed hash order: a record added to or dropped from the registry changes no other case."""
        out = []
        for src, n in sources.items():
            cand = [(r, parsed[r["id"]]) for r in by_src[src] if pred(r, parsed[r["id"]])]
            cand.sort(key=lambda rp: _h(seed, slice_, rp[0]["id"]))
            out += [(r, p, random.Random(_h(seed, slice_, r["id"]))) for r, p in cand[:n]]
        return out

    def add(slice_: str, rec: dict | None, note: str, lenient: bool = False, verdicts=None, **query) -> None:
        if rec is not None:
            accept = reg.name_class(rec)
            if verdicts is None:
                verdicts = {VERDICT_OF[rec["status_group"]], reg.verdict(accept)}
                if lenient:
                    verdicts.add("similar")
        case = {"id": "", "slice": slice_, **query, "expect_id": rec["id"] if rec else None,
                "accept_ids": sorted(accept) if rec else [], "expect_verdicts": sorted(verdicts), "note": note}
        cases.append(case)

    def add_name(slice_: str, rec: dict, query: str, note: str, lenient: bool) -> None:
        if query and not reg.collides(query, reg.name_class(rec)):
            add(slice_, rec, note, lenient, q=query)

    latin_core = lambda r, p: is_latin(p["core"])  # noqa: E731
    cyr_core = lambda r, p: is_cyrillic(p["core"])  # noqa: E731

    # exact: the name as published (and Hong Kong's Chinese names)
    for r, p, rr in sample("exact", {"ph_dmw": 100, "hk_eaa": 80, "kz_kgd": 60}):
        add("exact", r, "name as published", q=r["name"])
    def chinese_alias(r: dict) -> str | None:
        return next((a for a in r["aliases"] if re.search(r"[\u3400-\u9fff]", a)), None)
    chinese = sorted((r for r in pool if r["source"] == "hk_eaa" and chinese_alias(r)), key=lambda r: _h(seed, "zh", r["id"]))
    for r in chinese[:15]:
        add("exact", r, "Chinese name as published", q=chinese_alias(r))

    # typo: 1-2 keyboard errors in names of 8+ letters
    for r, p, rr in sample("typo", {"ph_dmw": 100, "hk_eaa": 80, "kz_kgd": 70}, lambda r, p: letters(p["core"]) >= 8):
        edits = 2 if letters(p["core"]) >= 12 and rr.random() < 0.4 else 1
        if (t := typo(p["core"], rr, edits)):
            add_name("typo", r, render(p, t), f"{edits} typing error(s)", True)

    # word_order
    for r, p, rr in sample("word_order", {"ph_dmw": 50, "hk_eaa": 40, "kz_kgd": 40}, lambda r, p: len(p["core"].split()) >= 2):
        words = p["core"].split()
        if rr.random() < 0.5:
            i = rr.randrange(len(words) - 1)
            words[i], words[i + 1] = words[i + 1], words[i]
            note = "two neighbouring words swapped"
        else:
            words = words[1:] + words[:1]
            note = "first word moved to the end"
        if words != p["core"].split():
            add_name("word_order", r, render(p, " ".join(words)), note, True)

    # legal_form: added, dropped or changed
    for r, p, rr in sample("legal_form", {"ph_dmw": 100, "hk_eaa": 70, "kz_kgd": 80}):
        if (got := change_legal_form(p, r["source"], rr)):
            add_name("legal_form", r, got[0], got[1], False)

    # cyrillic_of_latin: a PH or HK name written in Russian Cyrillic
    for r, p, rr in sample("cyrillic_of_latin", {"ph_dmw": 90, "hk_eaa": 60}, latin_core):
        upper = rr.random() < 0.5
        form = FORMS_CYR.get(p["form"], "") if rr.random() < 0.7 else ""
        q = to_cyrillic(p["core"], rr, upper) + (" " + (form.upper() if upper else form) if form else "")
        add_name("cyrillic_of_latin", r, q.strip(), "Latin name written in Cyrillic by sound"
                 + ("" if form or not p["form"] else "; legal form left out"), True)

    # latin_of_cyrillic: a KGD name typed in Latin letters, GOST-like and loose
    for r, p, rr in sample("latin_of_cyrillic", {"kz_kgd": 110}, cyr_core):
        for style in ("gost", "loose"):
            upper = rr.random() < 0.3
            core = to_latin(p["core"], style, upper or None)
            q = rr.choice(["TOO {c}", 'TOO "{c}"', "{c}", "{c} LLP"]).format(c=core)
            add_name("latin_of_cyrillic", r, q, f"Cyrillic name typed in Latin ({style})", True)

    # kazakh_letters
    for r, p, rr in sample("kazakh_letters", {"kz_kgd": 150}, lambda r, p: is_cyrillic(p["core"])):
        if (got := kazakh_letters(p["core"], rr)):
            add_name("kazakh_letters", r, render(p, got[0]), got[1], True)

    # homoglyph
    for r, p, rr in sample("homoglyph", {"ph_dmw": 70, "hk_eaa": 50, "kz_kgd": 80}):
        if (is_latin(p["core"]) or is_cyrillic(p["core"])) and (got := homoglyphs(p["core"], rr)):
            add_name("homoglyph", r, render(p, got[0]), got[1], True)

    # combined: transliteration + one typing error + another legal form
    for r, p, rr in sample("combined", {"ph_dmw": 70, "hk_eaa": 50}, lambda r, p: latin_core(r, p) and letters(p["core"]) >= 8):
        upper = rr.random() < 0.5
        core = typo(to_cyrillic(p["core"], rr, upper), rr, 1)
        if not core:
            continue
        forms = [f for k, f in FORMS_CYR.items() if k != p["form"] and f != FORMS_CYR.get(p["form"])]
        form = "" if p["form"] and rr.random() < 0.4 else rr.choice(forms)
        q = f"{core} {form.upper() if upper else form}".strip()
        add_name("combined", r, q, f"Cyrillic by sound + 1 typing error + legal form {p['form'] or '-'} -> {form or '-'}", True)
    for r, p, rr in sample("combined2", {"kz_kgd": 80}, lambda r, p: cyr_core(r, p) and letters(p["core"]) >= 8):
        style = rr.choice(["gost", "loose"])
        core = typo(to_latin(p["core"], style), rr, 1)
        if not core:
            continue
        fmt = rr.choice(["{c} LLP", "{c}", "LLP {c}", "{c} Ltd"])
        add_name("combined", r, fmt.format(c=core), f"Latin ({style}) + 1 typing error + legal form {p['form']} -> {fmt}", True)

    # legal_form_typo_kz: a KGD name with its long legal form misspelt (as the list itself does)
    for r, p, rr in sample("legal_form_typo_kz", {"kz_kgd": 130}):
        form, note = variants.misspelt_kz_form(rr)
        quoted = rr.choice(['"{c}"', "«{c}»", "{c}"]).format(c=p["core"])
        add_name("legal_form_typo_kz", r, f"{form} {quoted}", note, True)

    # legal_form_typo: Latin legal forms misspelt (en on PH/HK names; en/uz long forms on KGD names)
    def latin_form(r, p):
        return p["form"] in variants.LATIN_FORM_TYPOS or p["trail"].strip(" .,").lower() in variants.LATIN_FORM_TYPOS
    for r, p, rr in sample("legal_form_typo", {"ph_dmw": 60, "hk_eaa": 60}, latin_form):
        full = p["trail"].strip(" .,").lower()
        typo_form = rr.choice(variants.LATIN_FORM_TYPOS.get(full) or variants.LATIN_FORM_TYPOS[p["form"]])
        add_name("legal_form_typo", r, f"{p['core']} {typo_form}", f"legal form {full} misspelt: {typo_form}", True)
    for r, p, rr in sample("legal_form_typo", {"kz_kgd": 40}, cyr_core):
        form = variants.keyboard_typo(variants.EN_LONG[rr.choice(sorted(variants.EN_LONG))], rr)
        core = to_latin(p["core"], rr.choice(["gost", "loose"]))
        add_name("legal_form_typo", r, rr.choice(["{f} {c}", "{c} {f}"]).format(f=form, c=core),
                 f"KGD name in Latin, long en/uz legal form misspelt: {form}", True)

    # phonetic: a PH or HK name written in Cyrillic by ear (words as heard, compounds split,
    # numbers as words), as a Russian speaker writes what was said on the phone
    for r, p, rr in sample("phonetic", {"ph_dmw": 110, "hk_eaa": 70}, latin_core):
        q = variants.by_ear(p["core"], rr, rr.random() < 0.4)
        add_name("phonetic", r, q, "English name written in Cyrillic by ear", True)

    # acronym: a name's acronym spelled by Latin letter names in Cyrillic, or typed with dots/spaces
    for r, p, rr in sample("acronym", {"ph_dmw": 90, "hk_eaa": 70},
                           lambda r, p: latin_core(r, p) and variants.acronym_of(p["core"]) is not None):
        q, note = variants.spell_acronym(p["core"], variants.acronym_of(p["core"]), rr)
        add_name("acronym", r, q, note, True)

    # bracketed: "(FORMERLY X)", "(FOR X)", "(X)" dropped, kept without brackets, moved, or alone
    for r, p, rr in sample("bracketed", {"ph_dmw": 160, "hk_eaa": 40, "kz_kgd": 20},
                           lambda r, p: bool(variants.bracket_variants(r["name"]))):
        q, note, alone = rr.choice(variants.bracket_variants(r["name"]))
        if not alone:
            add_name("bracketed", r, q, note, True)
            continue
        accept = reg.classes.get(skeleton(q), set()) | reg.name_class(r)
        if skeleton(q) and not reg.collides(q, accept):
            add("bracketed", r, note, verdicts={reg.verdict(accept), "similar"}, q=q)
            cases[-1]["accept_ids"] = sorted(accept)

    # phone_variants: each sampled published number in every common format, asked alone
    def phone_ok(e164: str) -> bool:
        owners = reg.owners[e164]
        return bool(owners) and all(reg.usable(reg.by_id[i]) for i in owners)

    phone_pool: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for r in reg.recs:
        for e164, raw in r["phones"]:
            try:
                num = phonenumbers.parse(e164)
            except phonenumbers.NumberParseException:
                continue
            if not phonenumbers.is_valid_number(num) or not phone_ok(e164):
                continue
            region = phonenumbers.region_code_for_number(num)
            mobile = phonenumbers.number_type(num) == phonenumbers.PhoneNumberType.MOBILE
            key = f"{region}_{'mobile' if mobile else 'fixed'}" if region in ("PH", "HK") else "other"
            if all(e164 != x[1] for x in phone_pool[key]) if len(reg.owners[e164]) > 1 else True:
                phone_pool[key].append((r["id"], e164, raw))
    for key, n in (("PH_mobile", 35), ("PH_fixed", 30), ("HK_mobile", 15), ("HK_fixed", 15), ("other", 3)):
        for rid, e164, raw in sorted(phone_pool[key], key=lambda x: _h(seed, "phone", x[0], x[1]))[:n]:
            owners = reg.owners[e164]
            for variant, text in phone_variants(e164, raw):
                add("phone_variants", reg.by_id[rid], f"{e164} as {variant}", verdicts={reg.verdict(owners)}, q=text)
                cases[-1]["accept_ids"] = sorted(owners)

    # name_plus_own_phone and name_plus_other_phone: valid agencies only
    def valid_class(r: dict, p: dict) -> bool:
        return all(reg.by_id[i]["status_group"] == "valid" for i in reg.name_class(r))

    all_phones = sorted({(e164, raw) for r in reg.recs for e164, raw in r["phones"] if phone_ok(e164)})
    for r, p, rr in sample("name_plus_own_phone", {"ph_dmw": 70, "hk_eaa": 50}, lambda r, p: valid_class(r, p) and r["phones"]):
        cls = reg.name_class(r)
        own = [(e, raw) for e, raw in r["phones"] if reg.owners[e] <= cls and phone_ok(e)]
        if not own:
            continue
        e164, raw = rr.choice(own)
        variant, text = rr.choice(phone_variants(e164, raw))
        name = r["name"] if rr.random() < 0.7 else p["core"]
        add("name_plus_own_phone", r, f"own phone {e164} as {variant}", verdicts={"licensed"}, name=name, phone=text)
    for r, p, rr in sample("name_plus_other_phone", {"ph_dmw": 70, "hk_eaa": 50}, valid_class):
        cls = reg.name_class(r)
        e164, raw = min((ph for ph in all_phones if not (reg.owners[ph[0]] & cls)),
                        key=lambda ph: _h(seed, r["id"], ph[0]))
        variant, text = rr.choice(phone_variants(e164, raw))
        other = sorted(reg.owners[e164])[0]
        add("name_plus_other_phone", r, f"phone {e164} ({variant}) of {other}", verdicts=HIGH_RISK,
            name=r["name"], phone=text)

    # decoy: a listed name with a distinguishing token
    for r, p, rr in sample("decoy", {"ph_dmw": 110, "hk_eaa": 80, "kz_kgd": 110}):
        cyr = is_cyrillic(p["core"])
        have = set(skeleton(p["core"]).split())
        if rr.random() < 0.25:
            token = rr.choice(DECOY_TOKENS["cyr_city"] if cyr else DECOY_TOKENS["latin_city"][r["source"]])
            where = rr.choice(["start", "end"])
        else:
            token = rr.choice(DECOY_TOKENS["cyr" if cyr else "latin"])
            where = "end"
        if set(skeleton(token).split()) & have:
            continue
        if not cyr and p["core"].isupper():
            token = token.upper()
        sep = "-" if token.isdigit() and rr.random() < 0.3 else " "
        core = f"{token} {p['core']}" if where == "start" else f"{p['core']}{sep}{token}"
        q = render(p, core)
        if reg.collides(q, set()):
            continue
        add("decoy", None, f"listed name + {token!r} at the {where}", verdicts=NOT_SAME, q=q)
        cases[-1]["base_id"] = r["id"]

    # unlisted: real company-name words combined, on no list
    seen: set[str] = set()
    while sum(c["slice"] == "unlisted" for c in cases) < 250:
        name, kind = unlisted_name(rng)
        if skeleton(name) in seen or reg.collides(name, set()):
            continue
        seen.add(skeleton(name))
        add("unlisted", None, f"made-up name ({kind} words), on no list", verdicts=NOT_SAME, q=name)

    counters: dict[str, int] = defaultdict(int)
    for c in cases:
        counters[c["slice"]] += 1
        c["id"] = f"{c['slice']}-{counters[c['slice']]:04d}"
    return cases


def write(cases: list[dict], out: Path) -> None:
    with open(out, "w", encoding="utf-8") as f:
        for c in cases:
            f.write(json.dumps(c, ensure_ascii=False, sort_keys=False) + "\n")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default=os.environ.get("VERIFIER_DB", "data/verifier.db"))
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    cases = build(args.db)
    write(cases, args.out)
    counts: dict[str, int] = defaultdict(int)
    for c in cases:
        counts[c["slice"]] += 1
    print(f"{len(cases)} cases -> {args.out}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
