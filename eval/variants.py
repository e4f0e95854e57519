"""How callers write names the matcher must still find (issue 13): misspelt legal forms, English
names written by ear in Cyrillic, acronyms spelled by letter names, bracketed parts moved.

Written from how people write, independently of verifier/names/normalize.py, verifier/names/phonetic.py and
verifier/names/match.py (nothing here imports them), so a case the matcher fails stays a case.
"""
from __future__ import annotations

import random
import re

# --- legal forms, misspelt -------------------------------------------------------------------------

# Misspellings seen in the KGD list itself and in what people type.
KZ_LONG_MISSPELT = (
    "Товаричество с ограниченной ответственностью", "Товарищество с ограниченной ответственновтью",
    "Товарищество с ограниченой ответственностью", "Товарищество с ограниченной отвественностью",
    "Товарищество с ограниченой отвественностью", "Товарищетсво с ограниченной ответственностью",
    "Товарищество сограниченной ответственностью", "Товарищество с ограниченной ответственность",
    "Товарищество с ограничеснной ответсвенностью", "Тоавриществом с ограниченной ответственностью",
    "Товарищество с ограниченной ответствен ностью", "Товарищество с огр. ответственностью",
)
KK_LONG = "Жауапкершілігі шектеулі серіктестігі"
EN_LONG = {"llp": "Limited Liability Partnership", "llc": "Limited Liability Company",
           "uz": "Mas'uliyati cheklangan jamiyat"}
LATIN_FORM_TYPOS = {"corporation": ("Corporaton", "Coporation", "Corparation", "Corporatoin"),
                    "incorporated": ("Incorporatd", "Incorparated", "Incorporeted", "Icorporated"),
                    "limited": ("Limted", "Limitted", "Limitd", "Lmited"),
                    "company": ("Compny", "Comapny", "Compani"),
                    "company limited": ("Company Limted", "Compnay Limited", "Co. Limted")}

_KEYS = ("йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю", "qwertyuiop", "asdfghjkl", "zxcvbnm")


def keyboard_typo(text: str, rng: random.Random) -> str:
    """Return text with one keyboard error in a word of 6+ letters (neighbour key, drop, double, swap)."""
    spans = [m.span() for m in re.finditer(r"[^\W\d_]{6,}", text)]
    a, b = rng.choice(spans)
    i = rng.randrange(a + 1, b - 1)
    ch = text[i].lower()
    row = next((r for r in _KEYS if ch in r), "")
    op = rng.choice(("sub", "del", "dup", "swap")) if row else rng.choice(("del", "dup", "swap"))
    if op == "sub":
        k = row.index(ch)
        new = row[k - 1] if k and (k + 1 >= len(row) or rng.random() < 0.5) else row[min(k + 1, len(row) - 1)]
        return text[:i] + (new.upper() if text[i].isupper() else new) + text[i + 1:]
    if op == "del":
        return text[:i] + text[i + 1:]
    if op == "dup":
        return text[:i] + text[i] + text[i:]
    return text[:i] + text[i + 1] + text[i] + text[i + 2:]


def misspelt_kz_form(rng: random.Random) -> tuple[str, str]:
    """Return a misspelt long Kazakh legal form (Russian or Kazakh) and a note."""
    pick = rng.random()
    if pick < 0.45:
        return rng.choice(KZ_LONG_MISSPELT), "long form misspelt as the KGD list does"
    if pick < 0.8:
        return keyboard_typo("Товарищество с ограниченной ответственностью", rng), "long form with a typing error"
    return keyboard_typo(KK_LONG, rng), "Kazakh long form with a typing error"


# --- English by ear, in Cyrillic ---------------------------------------------------------------------

# Words as Russian speakers hear them (not letter by letter), a second spelling where it varies.
BY_EAR = {
    "international": ("интернешнл", "интэрнэшнл", "интернэшенал"), "manpower": ("манпауэр", "мэнпауэр"),
    "services": ("сервисез", "сёрвисиз"), "service": ("сервис", "сёрвис"), "agency": ("эйдженси", "эйджэнси"),
    "employment": ("эмплоймент", "имплоймент"), "global": ("глобал", "глоубал"),
    "overseas": ("оверсиз", "оувэрсиз"), "human": ("хьюман", "хьюмэн"), "resources": ("ресорсез", "рисорсиз"),
    "recruitment": ("рекрутмент", "рикрутмент"), "placement": ("плейсмент", "плэйсмент"),
    "management": ("менеджмент", "мэнэджмент"), "world": ("ворлд", "уорлд"), "work": ("ворк", "уорк"),
    "pacific": ("пасифик", "пэсифик"), "way": ("уэй", "вэй"), "sky": ("скай",), "star": ("стар",),
    "consultancy": ("консалтанси", "консалтэнси"), "consultants": ("консалтантс",),
    "solutions": ("солюшнс", "сэлюшнз"), "maritime": ("маритайм", "мэритайм"), "marine": ("марин", "мэрин"),
    "general": ("дженерал", "дженерэл"), "trading": ("трейдинг",), "enterprises": ("энтерпрайзис", "энтэрпрайзес"),
    "development": ("девелопмент", "дивелопмент"), "staffing": ("стаффинг", "стафинг"),
    "golden": ("голден", "гоулден"), "royal": ("роял", "ройял"), "bright": ("брайт",), "prime": ("прайм",),
    "united": ("юнайтед",), "people": ("пипл",), "home": ("хоум",), "care": ("кэр", "кеа"), "job": ("джоб",),
    "jobs": ("джобс",), "link": ("линк",), "gate": ("гейт",), "power": ("пауэр",), "ocean": ("оушен", "оушн"),
    "east": ("ист",), "west": ("вест", "уэст"), "new": ("нью",), "first": ("ферст", "фёрст"), "best": ("бест",),
    "crew": ("крю",), "shipping": ("шиппинг", "шипинг"), "express": ("экспресс", "икспресс"),
    "career": ("кэрир", "карьер"), "careers": ("кэрирз",), "skills": ("скиллс", "скилз"), "smart": ("смарт",),
    "personnel": ("персонел", "пёрсонэл"), "group": ("груп", "групп"), "asia": ("эйша", "азия"),
    "philippines": ("филиппинс", "филипинз"), "center": ("сентер", "сэнтер"), "centre": ("сентер",),
    "worldwide": ("ворлдвайд", "уорлдуайд"), "helper": ("хелпер", "хэлпер"), "domestic": ("доместик", "дэмэстик"),
    "quality": ("кволити",), "excellence": ("экселенс",), "horizon": ("хорайзон",), "phoenix": ("финикс",),
    "eagle": ("игл",), "victory": ("виктори",), "premier": ("премьер",), "elite": ("элит",),
    "network": ("нетворк",), "partners": ("партнерс",), "harbor": ("харбор",), "sunrise": ("санрайз",),
    "alliance": ("эллайенс", "альянс"), "pioneer": ("пайонир",), "dynamic": ("дайнэмик", "дайнемик"),
    "vision": ("вижн",), "venture": ("венчер",), "legacy": ("легаси",), "summit": ("саммит",),
    "crown": ("краун",), "unity": ("юнити",), "liberty": ("либерти",), "talent": ("талант", "тэлент"),
    "evergreen": ("эвергрин",), "island": ("айленд",), "sea": ("си",), "land": ("ленд", "лэнд"),
    "point": ("поинт", "пойнт"), "line": ("лайн",), "bridge": ("бридж",), "force": ("форс",),
    "trust": ("траст",), "sun": ("сан",), "rise": ("райз",), "port": ("порт",), "man": ("мэн", "ман"),
    "oriental": ("ориентал",), "mutual": ("мьючуал",), "success": ("саксесс",), "supreme": ("суприм",),
    "connection": ("коннекшн",), "consulting": ("консалтинг",), "training": ("трейнинг",),
    "college": ("колледж",), "beauty": ("бьюти",), "white": ("уайт",), "happy": ("хэппи",),
    "business": ("бизнес",), "milestone": ("майлстоун",), "wings": ("уингс",), "days": ("дэйс", "дейз"),
}
NUMBER_WORDS = {"1": "Уан", "2": "Ту", "3": "Фри", "4": "Фор", "5": "Файв", "6": "Сикс", "7": "Севен",
                "8": "Эйт", "9": "Найн", "10": "Тен"}
# English spelling -> sound, longest first; vowel-consonant-e at the end ("gate", "prime", "home").
_EAR_PATTERNS = (
    ("tion", "шн"), ("sion", "жн"), ("ture", "чер"), ("ough", "оу"), ("igh", "ай"), ("sch", "ск"),
    ("ee", "и"), ("ea", "и"), ("oo", "у"), ("ai", "эй"), ("ay", "эй"), ("oy", "ой"), ("oi", "ой"),
    ("au", "о"), ("aw", "о"), ("ou", "ау"), ("ow", "ау"), ("ew", "ью"), ("ur", "ёр"), ("ir", "ёр"),
    ("er", "ер"), ("sh", "ш"), ("ch", "ч"), ("th", "т"), ("ph", "ф"), ("ck", "к"), ("qu", "кв"),
    ("wh", "у"), ("kn", "н"), ("gh", ""), ("ng", "нг"),
)
_EAR_LETTERS = {"a": "а", "b": "б", "c": "к", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "i": "и",
                "j": "дж", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "к", "r": "р",
                "s": "с", "t": "т", "u": "а", "v": "в", "w": "у", "x": "кс", "y": "и", "z": "з"}
_MAGIC_E = {"a": "ей", "i": "ай", "o": "оу", "u": "ю", "e": "и"}


def spell(word: str, patterns, letter) -> str:
    """Return a word written in Cyrillic: at each place the first of `patterns` (spelling, Cyrillic)
    that starts there, else one letter as `letter(word, i)` writes it."""
    out, i = [], 0
    while i < len(word):
        for pat, cy in patterns:
            if word.startswith(pat, i):
                out.append(cy)
                i += len(pat)
                break
        else:
            out.append(letter(word, i))
            i += 1
    return "".join(out)


def _ear_letter(w: str, i: int) -> str:
    """Return one English letter as heard in its place in the word."""
    ch, nxt = w[i], w[i + 1:i + 2]
    if ch == "c" and nxt and nxt in "eiy":
        return "с"
    if ch == "g" and nxt and nxt in "eiy":
        return "дж"
    if ch == "y" and i == len(w) - 1:
        return "и"
    if ch == "y" and nxt and nxt in "aeiou":
        return "й"
    if ch == "u" and i == 0:
        return "а" if nxt and nxt not in "aeiou" and w[i + 2:i + 3] not in tuple("aeiou") else "ю"
    if ch == "e" and i == 0:
        return "э"
    if ch == "w" and not (nxt and nxt in "aeiou"):
        return ""
    return _EAR_LETTERS.get(ch, ch)


def ear_word(word: str) -> str:
    """Return an English word written in Cyrillic the way it sounds (rules, not a dictionary)."""
    w = re.sub(r"(.)\1", r"\1", word.lower())
    magic = re.fullmatch(r"(.*?)([aeiou])([^aeiouwycg])e", w) if 4 <= len(w) <= 6 else None
    if magic:
        head = ear_word(magic.group(1)) if magic.group(1) else ""
        return head + _MAGIC_E[magic.group(2)] + _EAR_LETTERS.get(magic.group(3), "")
    return spell(w, _EAR_PATTERNS, _ear_letter)

COMPOUND_PARTS = ("sky", "way", "sea", "star", "land", "link", "world", "power", "man", "sun", "rise", "bridge",
                  "gate", "port", "point", "line", "net", "work", "force", "care", "home", "job", "best", "bright",
                  "well", "field", "green", "gold", "ever", "high", "over", "north", "south", "east", "west",
                  "top", "one", "smart", "trust", "ocean", "crew", "ship", "hand", "hands", "team", "path")


def split_compound(word: str) -> list[str] | None:
    """Return an English compound as its two words ("skyway" -> sky, way), or None."""
    w = word.lower()
    for k in range(3, len(w) - 2):
        if w[:k] in COMPOUND_PARTS and w[k:] in COMPOUND_PARTS:
            return [w[:k], w[k:]]
    return None


def say_word(word: str, rng: random.Random) -> str:
    """Return one Latin word as a caller writes what they heard."""
    if word.isdigit():
        return NUMBER_WORDS.get(word, word) if rng.random() < 0.7 else word
    if len(word) == 1 or (len(word) <= 4 and word.isupper() and not re.search(r"[AEIOUY]", word)):
        return " ".join(LETTER_NAMES[ch] for ch in word.upper())  # "WS", "T": said letter by letter
    if m := re.fullmatch(r"(\d{1,2})([A-Za-z]{3,})", word):  # "2STAR": Ту Стар
        return f"{say_word(m.group(1), rng)} {say_word(m.group(2), rng)}"
    known = BY_EAR.get(word.lower())
    if known and rng.random() < 0.75:
        return rng.choice(known)
    if (parts := split_compound(word)) and rng.random() < 0.8:
        return " ".join(say_word(p, rng) for p in parts)  # "SKYWAY": Скай Уэй
    return ear_word(word)


def by_ear(text: str, rng: random.Random, upper: bool) -> str:
    """Return a Latin name written in Cyrillic by ear, word by word."""
    text = re.sub(r"(?i)\bint[`'’]?l\b", "International", text.replace("&", " энд "))
    text = re.sub(r"(\w)[`'’](\w)", r"\1\2", text)
    out = " ".join(say_word(w, rng) for w in re.findall(r"[A-Za-z0-9]+|энд", text))
    return out.upper() if upper else " ".join(w[:1].upper() + w[1:] for w in out.split())


# --- acronyms by letter names --------------------------------------------------------------------------

LETTER_NAMES = {"A": "Эй", "B": "Би", "C": "Си", "D": "Ди", "E": "И", "F": "Эф", "G": "Джи", "H": "Эйч",
                "I": "Ай", "J": "Джей", "K": "Кей", "L": "Эл", "M": "Эм", "N": "Эн", "O": "О", "P": "Пи",
                "Q": "Кью", "R": "Ар", "S": "Эс", "T": "Ти", "U": "Ю", "V": "Ви", "W": "Дабл-ю", "X": "Экс",
                "Y": "Уай", "Z": "Зед"}
NOT_ACRONYMS = {"HK", "HR", "LTD", "CO", "PTE", "INC", "LLC", "LLP", "OPC", "MGT", "SVC", "SVCS", "MFG", "ST",
                "ND", "RD", "TH", "PVT", "JR", "SR", "MGMT", "SVS", "CTR", "DEVT", "PLCT", "TRNG", "GRP", "BLDG"}
ACRONYM_RE = re.compile(r"(?<![\w.&`'])([B-DF-HJ-NP-TV-Z]{2,4})(?![\w.&`'])")


def acronym_of(name: str) -> str | None:
    """Return the first acronym (2-4 capitals, no vowel) in a name, or None."""
    for m in ACRONYM_RE.finditer(name):
        if m.group(1) not in NOT_ACRONYMS:
            return m.group(1)
    return None


def spell_acronym(name: str, acr: str, rng: random.Random) -> tuple[str, str]:
    """Return the name with its acronym spelled by letter names in Cyrillic (the rest by ear), or
    typed with dots or spaces, and a note."""
    style = rng.choice(("letters", "letters", "letters", "dots", "spaces", "dots_spaces"))
    if style == "letters":
        spelled = " ".join(LETTER_NAMES[ch] for ch in acr)
        rest = [by_ear(part, rng, False) if part.strip() else "" for part in name.split(acr, 1)]
        return f"{rest[0]} {spelled} {rest[1]}".strip(), "acronym spelled by letter names, the rest by ear"
    sep = {"dots": ".", "spaces": " ", "dots_spaces": ". "}[style]
    spelled = sep.join(acr) + ("." if style != "spaces" else "")
    return name.replace(acr, spelled, 1), f"acronym typed with {style.replace('_', ' and ')}"


# --- bracketed parts -------------------------------------------------------------------------------

BRACKET_RE = re.compile(r"\s*\(\s*((?:formerly|former|for\.|for:|for)\b\s*:?)?\s*([^()]*?)\s*(?:\)|$)", re.I)


def bracket_variants(name: str) -> list[tuple[str, str, bool]]:
    """Return (query, note, the bracketed name alone) for the ways a caller writes a name holding
    "(FORMERLY X)", "(FOR X)" or "(X)": brackets dropped with what they hold, brackets left out
    but the words kept, the bracketed part moved to the front, and the bracketed name alone."""
    m = BRACKET_RE.search(name)
    if not m or not m.group(2) or m.start() == 0:
        return []
    inner = m.group(2).strip(" .,;")
    outside = (name[: m.start()] + " " + name[m.end():]).strip()
    out = [(re.sub(r"\s+", " ", outside), "bracketed part left out", False),
           (re.sub(r"\s+", " ", f"{outside} {inner}"), "brackets left out, their words kept", False),
           (re.sub(r"\s+", " ", f"({inner}) {outside}"), "bracketed part moved to the front", False)]
    if m.group(1) and len(re.findall(r"[A-Za-z]{2,}", inner)) >= 2:
        out.append((inner, "the former name alone", True))
    return out
