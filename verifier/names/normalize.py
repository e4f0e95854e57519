"""Normalisation of agency names (phone and licence numbers: `numbers`).

One comparison form for every script the hotline meets: Kazakh and Russian Cyrillic, Latin
(English, Filipino, Uzbek), and Chinese (Hong Kong). The scrapers store what these functions
produce and the matcher compares it, so a registry record and a query always meet on the same key.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz import fuzz, process

from verifier.names.phonetic import read_spoken
from verifier.names.scripts import _KAZAKH_TO_RUSSIAN, _majority, _script, fix_homoglyphs, fold_token

NORM_VERSION = 12  # bump when a change here or in `numbers` changes stored keys: the index then recomputes them

# --- names -------------------------------------------------------------------------------------

QUOTES = "«»„“”‟\"'`´‘’‚‛‹›「」『』〈〉《》"
_QUOTE_RE = re.compile("[" + re.escape(QUOTES) + "]")
# "(FORMERLY X)", "(FOR. X", "(FOR:X", "(FORMER X", "… FORMERLY X", "(ранее X)": the old name
# becomes an alias. The PH directory cuts these suffixes at about 75 characters, so the closing
# bracket may be missing, and the old name may hold brackets of its own.
_FORMERLY_RE = re.compile(
    r"(?:\(\s*(?:formerly|former|for\.|for[:;]|for\s|frmly\.?|f/k/a|fka|ранее|бывш\.?|бывшее)"
    r"|\s(?:formerly|former|f/k/a)\s)\s*:?\s*(.*?)\)?\s*$", re.I)
_TRAILING_PAREN_RE = re.compile(r"\s*\(([^()]*)\)\s*$")
_MID_PAREN_RE = re.compile(r"\s*\([^()]*\)")
# A word in brackets that tells where, not who: not a name of its own.
_PLACE_WORDS = frozenset(("hongkong", "asia", "phils", "phil", "philippines", "pilipinas", "china", "manila", "international",
                          "overseas", "oversea", "global", "kazakhstan", "almati", "astana", "shimkent"))

# Legal forms taken out for comparison (kept in the display name), compared on the transliterated
# words before spelling variants are folded, so "ТОО" and "TOO" match but "LK" is not "LLC".
LEGAL_FORMS = (
    "товарищество с ограниченной ответственностью", "жауапкершілігі шектеулі серіктестігі",
    "товарищество с огр ответственностью", "товарищество с огр отв", "общество с огр ответственностью",
    "общество с ограниченной ответственностью", "индивидуальный предприниматель",
    "жеке кәсіпкер", "акционерное общество", "акционерлік қоғамы", "акционерлік қоғам",
    "закрытое акционерное общество", "открытое акционерное общество", "частное предприятие",
    "масъулияти чекланган жамият", "mas'uliyati cheklangan jamiyat", "limited liability partnership",
    "limited liability company", "private limited", "company limited", "co ltd",
    "тоо", "жшс", "ооо", "осоо", "ип", "жк", "ао", "зао", "оао", "пао", "чп", "мчж",
    "mchj", "xk", "too", "jshs", "llp", "llc", "ltd", "limited", "inc", "incorporated", "corp",
    "corporation", "co", "company", "pte", "pvt", "plc", "gmbh", "jsc", "ojsc", "cjsc", "opc",
    "有限公司", "有限責任公司", "公司",
)
# Where a legal form makes a firm a legal person: a query whose legal form belongs to other countries
# than a record's names another legal person ("ТОО X" is Kazakh; "X Limited" in Hong Kong is not it).
# Forms not here ("company", "co", 公司) say nothing of the country.
_CIS = ("KZ", "RU", "UZ", "KG", "TJ", "BY")
LEGAL_FORM_COUNTRIES = {
    **dict.fromkeys(("товарищество с ограниченной ответственностью", "жауапкершілігі шектеулі серіктестігі",
                     "товарищество с огр ответственностью", "товарищество с огр отв", "тоо", "жшс", "too",
                     "jshs", "llp", "limited liability partnership", "жеке кәсіпкер", "жк"), ("KZ",)),
    **dict.fromkeys(("общество с огр ответственностью", "общество с ограниченной ответственностью", "ооо"),
                    ("RU", "UZ", "BY", "TJ")),
    **dict.fromkeys(("закрытое акционерное общество", "открытое акционерное общество", "зао", "оао", "пао"),
                    ("RU", "BY")),
    **dict.fromkeys(("индивидуальный предприниматель", "ип", "акционерное общество", "ао", "частное предприятие",
                     "чп", "акционерлік қоғамы", "акционерлік қоғам", "jsc", "ojsc", "cjsc"), _CIS),
    **dict.fromkeys(("масъулияти чекланган жамият", "mas'uliyati cheklangan jamiyat", "мчж", "mchj", "xk"), ("UZ",)),
    "осоо": ("KG",),
    "llc": ("RU", "UZ", "KG", "TJ", "US"), "limited liability company": ("RU", "UZ", "KG", "TJ", "US"),
    **dict.fromkeys(("inc", "incorporated", "corp", "corporation", "opc", "limited", "ltd", "private limited",
                     "company limited", "co ltd", "pte", "pvt", "plc", "gmbh"), ("not CIS",)),
}
STOPWORDS = ("and", "the", "of", "for", "i")  # "i" is Russian "и"; "&" is not a word at all
# Abbreviations read as the full word, so "INT`L", "Int" and "International" compare equal.
ABBREVIATIONS = {
    "intl": "international", "int": "international", "natl": "national", "mgmt": "management",
    "svcs": "services", "svc": "services", "mfg": "manufacturing", "devt": "development",
    "assn": "association", "ent": "enterprises", "hr": "human resources",
    # Numbers written as words are numbers ("SEVEN DAYS", "Севен Дэйс", "7 Days").
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10",
}
# English business words as Russian speakers spell them in Cyrillic, read as the English word.
SPELLINGS = {
    "international": ("интернешнл", "интернэшнл", "интернейшнл", "интернешенал", "интернэшенал",
                      "интернешнал", "интернейшенал", "интернашенал", "интернационал"),
    "agency": ("эйдженси", "эйджинси", "агенси", "эдженси"),
    "resources": ("ресорсиз", "ресорсез", "ресурсез", "ресурсиз", "рисорсиз", "рисорсез"),
    "manpower": ("мэнпауэр", "манпауэр", "менпауэр", "мэнпауер", "манпауер", "менпауер"),
    "management": ("менеджмент", "менеджмэнт", "мэнеджмент"),
    "overseas": ("оверсиз", "оверсис", "оверсиес", "овэрсиз"),
    "solutions": ("солюшнс", "солюшенс", "солюшинс", "солюшн"),
    "services": ("сервисез", "сервисиз", "сервисес", "сёрвисез", "свкс"),
    "corporation": ("корпорейшн", "корпорэйшн", "корпорейшен", "корпорация"),
    "incorporated": ("инкорпорейтед", "инкорпорэйтед"), "inc": ("инк", "инкорп"),
    "limited": ("лимитед", "лимитэд"), "ltd": ("лтд",), "corp": ("корп",),
    "company": ("компани", "кампани", "компэни"), "co": ("ко",), "llc": ("ллк", "элэлси"),
    "human": ("хьюман", "хьюмен"), "recruitment": ("рекрутмент", "рекрутмэнт"),
    "placement": ("плейсмент", "плэйсмент"), "philippines": ("филиппинс", "филипинс"),
    "new": ("нью",), "wave": ("вейв", "уэйв"), "world": ("ворлд", "уорлд"),
    "star": ("стар",), "best": ("бест",), "first": ("ферст", "фёрст"),
    "education": ("эдукейшн", "эдьюкейшн", "эдукашн"), "consultants": ("консалтантс", "консультантс"),
    "executive": ("экзекьютив", "экзекутив"), "executives": ("экзекьютивс", "экзекутивес"),
    "integrated": ("интегрейтед", "интегратед"), "care": ("кэр", "кеар"), "home": ("хоум",),
    "power": ("пауэр", "пауер"), "ocean": ("оушен", "оушн"), "link": ("линк",), "gate": ("гейт",),
    "job": ("джоб",), "jobs": ("джобс",), "talents": ("талантс", "талентс"),
    "promotion": ("промоушн", "промоушен"), "construction": ("констракшн", "конструкшн", "конструкшен"),
    "maritime": ("маритайм",), "shipping": ("шиппинг",), "trading": ("трейдинг",),
    "pacific": ("пасифик", "пэсифик"), "hong kong": ("гонконг",), "macau": ("макао",),
    "the": ("зе", "зэ", "дзе"), "and": ("энд",), "of": ("оф",), "you": ("ю",),
}

SPELLING_TYPO = 85  # a Cyrillic word this close to a known spelling of an English word is read as it

_CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_TOKEN_RE = re.compile(r"[a-z]+|[0-9]+")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")


def clean_text(text: str | None, limit: int = 500) -> str:
    """Return text with control characters dropped, NFKC-normalised, spaces folded, length capped."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", str(text))
    text = _CONTROL_RE.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()[:limit]


@lru_cache(maxsize=1)
def _word_map() -> dict[str, tuple[str, ...]]:
    """Return folded abbreviation or Cyrillic spelling -> the English word(s) it stands for."""
    out: dict[str, tuple[str, ...]] = {}
    for abbr, full in ABBREVIATIONS.items():
        out[fold_token(abbr)] = tuple(full.split())
    for english, spellings in SPELLINGS.items():
        for spelling in spellings:
            ascii_word = anyascii(spelling.translate(_KAZAKH_TO_RUSSIAN)).lower().replace("'", "")
            out[fold_token(ascii_word)] = tuple(english.split())
    return out


@lru_cache(maxsize=1 << 16)
def _nearest_spelling(folded: str) -> tuple[str, ...] | None:
    """Return the English word a Cyrillic spelling with a typo most likely stands for, if any."""
    if len(folded) < 5:
        return None
    words = _word_map()
    best = process.extractOne(folded, list(words), scorer=fuzz.ratio, score_cutoff=SPELLING_TYPO)
    return words[best[0]] if best else None


def _merge_initials(tokens: list[str]) -> list[str]:
    """Return tokens with runs of single letters joined: "A.D.M." is one word, "adm"."""
    out: list[str] = []
    run = ""
    for t in tokens:
        if len(t) == 1 and t.isascii() and t.isalpha():
            run += t
            continue
        if run:
            out.append(run)
            run = ""
        out.append(t)
    if run:
        out.append(run)
    return out


def _ascii_words(text: str) -> list[str]:
    """Return the ASCII words of casefolded text in any script, abbreviations spelled out."""
    ascii_text = anyascii(read_spoken(text.translate(_KAZAKH_TO_RUSSIAN))).lower().replace("'", "").replace("`", "")
    tokens = _merge_initials([t for t in _TOKEN_RE.findall(ascii_text) if fold_token(t) not in STOPWORDS])
    words = _word_map()
    out: list[str] = []
    for t in tokens:
        folded = fold_token(t)
        out.extend(w for w in (words.get(folded) or _nearest_spelling(folded) or (t,)) if fold_token(w) not in STOPWORDS)
    return out


def _words(text: str) -> list[str]:
    """Return ASCII words and, for Chinese, one token per character, in reading order."""
    out: list[str] = []
    pos = 0
    for m in _CJK_RE.finditer(text):
        out.extend(_ascii_words(text[pos:m.start()]))
        out.extend(m.group())  # Chinese: each character is a token of its own, compared exactly
        pos = m.end()
    out.extend(_ascii_words(text[pos:]))
    return out


@lru_cache(maxsize=1)
def _legal_form_words() -> tuple[tuple[str, ...], ...]:
    """Return the word sequences of every legal form, longest first, then in alphabetical order (the
    same order in every process: a set's order would change with the hash seed, and with it which
    spelling of a form an explanation names)."""
    seqs = {tuple(_words(form.casefold())) for form in LEGAL_FORMS}
    return tuple(sorted((s for s in seqs if s), key=lambda s: (-len(s), s)))


@lru_cache(maxsize=1)
def _legal_forms_by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Return the legal-form sequences grouped by their first word, longest first."""
    groups: dict[str, list[tuple[str, ...]]] = {}
    for seq in _legal_form_words():
        groups.setdefault(seq[0], []).append(seq)
    return {first: tuple(seqs) for first, seqs in groups.items()}


@dataclass
class NameKey:
    """The comparison form of one name, with what was done to reach it."""
    display: str
    tokens: tuple[str, ...]
    legal_forms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        """Return the tokens joined by spaces."""
        return " ".join(self.tokens)


def split_aliases(name: str) -> tuple[str, list[str]]:
    """Return the name without a former-name or bracketed suffix, and the other names it gives."""
    if m := _FORMERLY_RE.search(name):
        main = name[: m.start()].strip(" ,;-")
        alias = m.group(1).strip(" .,;:)(")
        if not m.group().rstrip().endswith(")"):
            alias = _drop_cut_word(alias)
        if main:  # the old name alone, and both names together (a query with the brackets dropped)
            return main, [alias, f"{main} {alias}"] if alias else []
    if (m := _TRAILING_PAREN_RE.search(name)) and (main := name[: m.start()].strip(" ,;-")):
        # "Ivy's Agency (H.K.)", '"Garanti" (Гаранти)': the name also goes without the brackets;
        # the bracketed part is a name of its own only when it is more than an initial or a word.
        inner = m.group(1).strip()
        aliases = [f"{main} {inner}"]  # without the brackets: an alias's own key must not split it again
        inner_words = _words(inner.casefold())
        place = fold_token("".join(inner_words)) in {fold_token(w) for w in _PLACE_WORDS}
        if inner_words and not place and sum(ch.isalpha() for ch in inner) >= 3 and (len(inner_words) >= 2 or (
                _majority([_script(c) for c in inner.casefold()]) != _majority([_script(c) for c in main.casefold()]))
                or len(inner_words[0]) >= 4):
            aliases.append(inner)  # another name ("(AIMS)", "(ШУРУП)"), not a place ("(HK)", "(ASIA)")
        return main, aliases
    if (bare := re.sub(r"\s+", " ", _MID_PAREN_RE.sub(" ", name)).strip()) != name and bare:
        return name, [bare]  # "… AGENCY (FORAI) INCORPORATED" is also written without the brackets
    return name, []


_CUT_WORD_RE = re.compile(r"\s+(\S+)$")


def _drop_cut_word(alias: str) -> str:
    """Return a former name cut at the directory's length limit without its cut last word, when
    that is one or two letters ("… PROMOTION A") or the start of a legal form ("… CORPORA")."""
    m = _CUT_WORD_RE.search(alias)
    if not m:
        return alias
    word = fold_token(re.sub(r"\W", "", m.group(1).casefold()))
    if len(word) <= 2 or any(f.startswith(word) for f in _legal_form_keys() if len(word) >= 2):
        return alias[: m.start()].rstrip(" ,;-&")
    return alias


def name_key(name: str | None) -> NameKey:
    """Return the comparison key of a name: legal forms out, one script, variants folded."""
    display = clean_text(name)
    main, aliases = split_aliases(display)
    notes: list[str] = []
    text = _QUOTE_RE.sub(lambda m: "'" if m.group() in "'`´‘’" else " ", main.casefold())
    text, changed = fix_homoglyphs(text)
    if changed:
        notes.append("mixed-script look-alike letters unified")
    if not text.isascii() and (any(_script(ch) == "cyr" for ch in text) or _CJK_RE.search(text)):
        notes.append("transliterated")
    words, forms = strip_legal_forms(_words(text))
    if forms:
        notes.append("legal form ignored: " + ", ".join(forms))
    folded = [fold_token(w) if w.isascii() else w for w in words]
    # Folding can leave single letters ("aa" -> "a") that join like initials: join them too, so a
    # key normalises to itself.
    tokens = tuple(fold_token(t) if t.isascii() else t for t in _merge_initials(folded))
    return NameKey(display, tokens, tuple(forms), tuple(aliases), notes)


def strip_legal_forms(words: list[str]) -> tuple[list[str], list[str]]:
    """Return words without legal-form sequences (unless under three letters would be left), and the forms.

    Long forms are also recognised misspelt, joined or split ("Товаричество с ограниченой
    ответственновтью", "сограниченной"): the KGD list itself misspells them, and a misspelt form
    left in a name would count as a distinguishing word."""
    out: list[str] = []
    forms: list[str] = []
    i = 0
    by_first = _legal_forms_by_first_word()
    while i < len(words):
        seq = next((seq for seq in by_first.get(words[i], ()) if tuple(words[i: i + len(seq)]) == seq), ())
        misspelt = _misspelt_legal_form(words, i)
        if misspelt and misspelt[0] > len(seq):  # "Limited Liaility Company" is not "Limited" + two words
            forms.append(misspelt[1])
            i += misspelt[0]
        elif seq:
            forms.append(" ".join(seq))
            i += len(seq)
        else:
            out.append(words[i])
            i += 1
    if too_few_letters(out):
        return words, []  # "T & F Company", "ТОО": too little would be left without the legal form
    return out, forms


LEGAL_FORM_TYPO = 86  # a run of words this close to a long legal form (letters only) is that form


@lru_cache(maxsize=1)
def _long_legal_forms() -> tuple[tuple[int, str, str], ...]:
    """Return (word count, folded letters, form) of the legal forms of 7+ letters."""
    out = {}
    for seq in _legal_form_words():
        joined = fold_token("".join(seq))
        if len(joined) >= 7 and joined.isascii():
            out[joined] = (len(seq), joined, " ".join(seq))
    return tuple(out.values())


def _misspelt_legal_form(words: list[str], i: int) -> tuple[int, str] | None:
    """Return (words used, form) when the words from i spell a long legal form with a typo."""
    if not words[i].isascii() or not words[i][:1].isalpha():
        return None
    best = None
    first = fold_token(words[i])[:1]
    for n, joined, form in _long_legal_forms():
        if first not in joined[:2]:  # its first letter, or the second when the first was left out ("orporation")
            continue
        slack = max(2, len(joined) // 8)
        for used in range(max(1, n - 1), min(n + 1, len(words) - i) + 1):
            raw = "".join(words[i: i + used])
            if len(raw) + raw.count("x") < len(joined) - slack:
                continue  # too short even before folding, which lengthens only "x" (to "ks")
            text = fold_token(raw)
            if abs(len(text) - len(joined)) > slack or (used == 1 and n == 1 and len(text) < 9 and text != joined):
                continue
            score = fuzz.ratio(text, joined, score_cutoff=LEGAL_FORM_TYPO if len(joined) >= 9 else 90)
            if score and (best is None or score * len(joined) > best[0]):  # the most text covered
                best = (score * len(joined), used, form)
    return (best[1], best[2]) if best else None


MIN_LETTERS = 3  # the shortness rule: fewer letters or digits than this never identify a name alone


def too_few_letters(words) -> bool:
    """Return True for words of under MIN_LETTERS letters or digits in all (a Chinese character counts two)."""
    return sum(2 if _CJK_RE.match(w) else len(w) for w in words) < MIN_LETTERS


def too_short_to_match(key: "NameKey | str") -> bool:
    """Return True when a name has too little to compare: under three letters or digits once
    legal forms and spelling variants are taken out ("a", "mmmm", "ТОО")."""
    nk = key if isinstance(key, NameKey) else name_key(key)
    if not nk.legal_forms and " ".join(nk.tokens) in _legal_form_keys():
        return True  # nothing but a legal form
    letters = "".join(t for t in nk.tokens if not _CJK_RE.match(t))
    return too_few_letters(nk.tokens) or (
        len(set(letters)) < 2 and len(nk.tokens) == 1 and not letters.isdigit())  # "mmmm", "ааааа"


@lru_cache(maxsize=1)
def _legal_form_keys() -> frozenset[str]:
    """Return every legal form as its folded words joined by spaces."""
    return frozenset(" ".join(fold_token(w) for w in seq) for seq in _legal_form_words())


@lru_cache(maxsize=1)
def _form_countries() -> dict[str, tuple[str, ...]]:
    """Return each legal form as a name key reads it -> the countries it belongs to."""
    return {" ".join(_words(form.casefold())): countries for form, countries in LEGAL_FORM_COUNTRIES.items()}


def legal_form_fits(form: str, country: str) -> bool:
    """Return True unless a legal form (as NameKey.legal_forms holds it) belongs to other countries
    than `country` (a record of no known country fits every form)."""
    countries = _form_countries().get(form)
    if not countries or not country:
        return True
    return country.upper() in countries or ("not CIS" in countries and country.upper() not in _CIS)

