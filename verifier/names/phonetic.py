"""How English names sound when Russian speakers write them down, for `normalize` and `match`.

A caller who heard "Global Manpower Services" on the phone writes "Глобал Манпауэр Сервисез";
"CBS" becomes "Си Би Эс" and "2STAR" becomes "Ту Стар". Two helpers meet such spellings:
`read_spoken` turns Latin letter names and number words written in Cyrillic back into letters and
digits (before transliteration), and `sound_key` gives a word's rough sound, the same for the
English spelling and its Cyrillic rendering once both are in folded ASCII ("manpower" and
"манпауэр" are both "manpar"). The matcher compares sound keys only where spellings differ.
"""
from __future__ import annotations

import re
from functools import lru_cache

# Latin letters as their names are written in Cyrillic ("Си Би Эс" is CBS).
LETTER_NAMES = {
    "эй": "a", "би": "b", "си": "c", "ди": "d", "и": "e", "эф": "f", "джи": "g", "эйч": "h",
    "эйдж": "h", "ай": "i", "джей": "j", "джэй": "j", "кей": "k", "кэй": "k", "эл": "l", "эль": "l",
    "эм": "m", "эн": "n", "о": "o", "оу": "o", "пи": "p", "кью": "q", "ар": "r", "эр": "r",
    "эс": "s", "ти": "t", "ю": "u", "ви": "v", "даблю": "w", "дабл-ю": "w", "экс": "x", "уай": "y",
    "вай": "y", "зед": "z", "зи": "z",
}
# Russian words in their own right: a run of letter names must have two others besides these.
_WEAK_LETTERS = frozenset({"и", "о"})
# Letter names that are no Russian or English-as-heard word: read as the letter even alone ("Джей Мак").
_LONE_LETTERS = frozenset({"би", "ди", "эф", "джи", "эйч", "джей", "джэй", "кей", "кэй", "эл", "эм", "эн",
                           "пи", "кью", "эс", "ти", "ви", "даблю", "экс", "уай", "зед"})
# English number words as heard ("Ту Стар" is 2STAR); not "ван" (a surname, Chinese Wang).
NUMBER_WORDS = {"уан": "1", "ту": "2", "фри": "3", "сри": "3", "фор": "4", "файв": "5",
                "сикс": "6", "севен": "7", "эйт": "8", "найн": "9", "тен": "10"}
_CYR_WORD_RE = re.compile(r"[а-яё]+")
_DOUBLE_U_RE = re.compile(r"\bдабл[\s-]?ю\b")
_SEPARATOR_RE = re.compile(r"[\s.\-]*")

# Applied in order to a folded ASCII word (after kh/h, zh/j, c/k/s, w/v, y/i, doubles).
_SOUND_RULES = (  # (text the rule needs, rule, replacement): a rule is tried only when it may apply
    ("ion", re.compile(r"[st]ion"), "shn"),              # -tion, -sion / -шн
    ("th", re.compile(r"th"), "t"), ("gh", re.compile(r"gh"), ""), ("vh", re.compile(r"vh"), "v"),
    ("kn", re.compile(r"^kn"), "n"),
    ("dg", re.compile(r"dg"), "j"), ("g", re.compile(r"g(?=[ei])"), "j"),  # agency / эйдженси
    ("z", re.compile(r"z"), "s"),
    ("e", re.compile(r"(?<=..[^aeiou])e$"), ""),      # silent final e: care / кэр, home / хоум
    ("u", re.compile(r"u(?=[aeio])"), "v"),            # уэй is way, уорлдуайд is worldwide
    ("v", re.compile(r"(?<=[aeiou])v"), ""),           # w after a vowel is a vowel: power / пауэр, skyway
    ("", re.compile(r"[aeiou]+"), "a"),                # vowels as heard differ: one vowel sound
    ("", re.compile(r"(.)\1+"), r"\1"),
)


def read_spoken(text: str) -> str:
    """Return casefolded text with Cyrillic letter names ("си би эс") as Latin letters ("cbs")
    and English number words ("ту") as digits."""
    if not _CYR_WORD_RE.search(text):
        return text
    text = _DOUBLE_U_RE.sub("даблю", text)
    words = list(_CYR_WORD_RE.finditer(text))
    out, pos, i = [], 0, 0
    while i < len(words):
        j = i
        if words[i].group() not in _WEAK_LETTERS:  # a run never starts or ends with "и" or "о"
            while j < len(words) and words[j].group() in LETTER_NAMES and (
                    j == i or _SEPARATOR_RE.fullmatch(text[words[j - 1].end():words[j].start()])):
                j += 1
            while j > i and words[j - 1].group() in _WEAK_LETTERS:  # "эй би си и ко": "и" is "and"
                j -= 1
        run = [w.group() for w in words[i:j]]
        if sum(w not in _WEAK_LETTERS for w in run) >= 2 or (len(run) == 1 and run[0] in _LONE_LETTERS):
            out += [text[pos:words[i].start()], "".join(LETTER_NAMES[w] for w in run)]
            pos, i = words[j - 1].end(), j
            continue
        if (digit := NUMBER_WORDS.get(words[i].group())) is not None:
            out += [text[pos:words[i].start()], digit]
            pos = words[i].end()
        i += 1
    return "".join(out) + text[pos:]


@lru_cache(maxsize=1 << 17)
def sound_key(word: str) -> str:
    """Return the rough sound of a folded ASCII word ("" for numbers and words under 3 letters)."""
    if len(word) < 3 or not word.isascii() or not word.isalpha():
        return ""
    for needle, pattern, repl in _SOUND_RULES:
        if needle in word:
            word = pattern.sub(repl, word)
    return word
