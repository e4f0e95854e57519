"""Scripts and spellings: look-alike Latin and Cyrillic letters unified word by word, Kazakh letters
read as their Russian neighbours, and spelling variants of a transliterated word folded to one form.
The name key (`normalize`) and the offer scan read text through these."""
from __future__ import annotations

import re
from functools import lru_cache

# Kazakh letters read as their Russian neighbours, so Kazakh typed with a Russian keyboard matches.
_KAZAKH_TO_RUSSIAN = str.maketrans("әғқңөұүһі", "агкноуухи")
# Cyrillic letters that look like Latin ones (after casefolding), and the reverse.
_CYR_TO_LAT = str.maketrans({
    "а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
    "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w",
    "ү": "y", "һ": "h", "ӏ": "i",
})
_LAT_TO_CYR = str.maketrans({
    "a": "а", "b": "в", "e": "е", "k": "к", "m": "м", "h": "н", "o": "о", "p": "р", "c": "с",
    "t": "т", "y": "у", "x": "х", "i": "і",
})
_ROMAN_LOOKALIKE = re.compile(r"[хxіivlсcdмm]{2,}")
_CONFUSABLE_CYR = set("авекмнорстухіјѕԁԛԝүһӏ")
_CONFUSABLE_LAT = set("abekmhopctyxi")

# Spelling variants folded to one form, applied in order to the ASCII transliteration.
_FOLDS = (  # (text the pattern needs, pattern, replacement): a pattern is tried only when it may apply
    ("ch", re.compile(r"shch|sch"), "sh"), ("tch", re.compile(r"tch"), "ch"), ("d", re.compile(r"dzh|dj"), "j"),
    ("zh", re.compile(r"zh"), "j"), ("kh", re.compile(r"kh"), "h"), ("t", re.compile(r"(?<!s)ts|tz"), "s"),
    ("ph", re.compile(r"ph"), "f"), ("ck", re.compile(r"ck"), "k"), ("c", re.compile(r"c(?=[eiy])"), "s"),
    ("ch", re.compile(r"ch"), "\x00"), ("c", re.compile(r"c"), "k"), ("\x00", re.compile("\x00"), "ch"),
    ("q", re.compile(r"q"), "k"), ("x", re.compile(r"x"), "ks"), ("w", re.compile(r"w"), "v"),
    ("y", re.compile(r"y"), "i"), ("ou", re.compile(r"ou"), "u"), ("", re.compile(r"([a-z])\1+"), r"\1"),
)

def _script(ch: str) -> str:
    """Return 'cyr', 'lat' or '' for one letter."""
    if "\u0400" <= ch <= "\u052f":
        return "cyr"
    if "a" <= ch <= "z" or "\u00e0" <= ch <= "\u024f":
        return "lat"
    return ""


def _unambiguous(ch: str) -> str:
    """Return the script of a letter that has no look-alike in the other script, else ''."""
    s = _script(ch)
    if (s == "cyr" and ch in _CONFUSABLE_CYR) or (s == "lat" and ch in _CONFUSABLE_LAT):
        return ""
    return s


def _majority(letters: list[str]) -> str | None:
    """Return the script most letters belong to, or None on a tie."""
    n_cyr, n_lat = letters.count("cyr"), letters.count("lat")
    return "cyr" if n_cyr > n_lat else "lat" if n_lat > n_cyr else None


def fix_homoglyphs(text: str) -> tuple[str, bool]:
    """Return casefolded text with look-alike letters moved to each word's script.

    A word's script is told by its letters that have no look-alike (й, э, n, w, …); a word made only
    of look-alikes takes the script of the whole name.
    """
    if text.isascii():
        return text, False  # one script only: nothing to unify
    name_script = _majority([_unambiguous(ch) for ch in text]) or _majority([_script(ch) for ch in text])
    changed = False
    out = []
    for word in re.split(r"(\W+)", text):
        if _ROMAN_LOOKALIKE.fullmatch(word) and any(_script(ch) == "cyr" for ch in word):
            out.append(word.translate(_CYR_TO_LAT))  # "ХХІ" typed in Cyrillic is the numeral XXI
            changed = True
            continue
        scripts = {s for ch in word if (s := _script(ch))}
        if not scripts or (len(scripts) == 1 and any(_unambiguous(ch) for ch in word)):
            out.append(word)  # one script, told apart by its own letters: nothing to unify
            continue
        target = _majority([_unambiguous(ch) for ch in word]) or name_script
        if target == "lat" and "cyr" in scripts:
            new = word.translate(_CYR_TO_LAT)
        elif target == "cyr" and "lat" in scripts:
            new = word.translate(_LAT_TO_CYR)
        else:
            new = word
        changed |= new != word
        out.append(new)
    return "".join(out), changed


@lru_cache(maxsize=1 << 17)
def fold_token(token: str) -> str:
    """Return one ASCII lowercase word with spelling variants folded (kh/h, zh/j, y/i, doubles)."""
    if len(set(token)) == 1:
        return token  # "MM" (M AND M) is not "MMM", nor "m": a run of one letter stays as it is
    for _ in range(4):  # until stable: folding "oou" leaves an "ou" to fold again
        before = token
        for needle, pattern, repl in _FOLDS:
            if needle in token:
                token = pattern.sub(repl, token)
        if token == before:
            break
    return token
