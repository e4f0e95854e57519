"""A job offer read as words: look-alike letters unified, sentences, tokens and their lemmas.

Every step is linear in the text: the text is cut to MAX_TEXT characters before anything else,
a token is at most MAX_TOKEN characters (longer runs are cut into pieces), nothing expands a
character into many (no transliteration: Latin look-alikes inside a Cyrillic word become the
Cyrillic letters, one for one), and every regex here is possessive, so it never backtracks over
what it has read. Sentences come from razdel; a dash, a colon or a line break does not end one.
Each token carries its keys: the lower-case form, Russian lemmas (pymorphy3), the English
Snowball stem, and the stem left after a short list of Kazakh and Uzbek endings.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

import razdel
import snowballstemmer

from verifier.deadline import TimeUp, stop_if_over
from verifier.offers.lookalikes import CYR_RE as _CYR_RE
from verifier.offers.lookalikes import LAT_TO_CYR as _LAT_TO_CYR
from verifier.offers.lookalikes import unify_lookalikes

MAX_TEXT = 20_000
MAX_TOKEN = 40
_APOSTROPHES = str.maketrans({c: "'" for c in "ʻʼ‘’`´"})
# A visa class ("E-9", "C-3", "E-7-3"), a code of letters and digits ("p2p", "TRC-20", "24/7" is not one), a number with thousands groups ("2 000 000"), a word with
# inner apostrophes or hyphens ("o'zbek", "абу-даби"), a currency sign; each piece possessive.
TOKEN_RE = re.compile(
    r"(?<![\w-])[A-Za-z]-\d{1,2}+(?:-\d{1,2}+)?+(?![\w])"
    r"|(?<![\w-])[A-Za-z]{1,5}+-?+\d{1,3}+[A-Za-z]{0,4}+(?![\w-])"
    r"|\d{1,3}+(?:[ \u00a0.,]\d{3}+(?!\d))++(?!\d)|\d++"
    r"|[^\W\d_]++(?:['ʻʼ‘’`´-][^\W\d_]++)*+"
    r"|[$€₸₽₩£%]")


class ScanTimeout(TimeUp):
    """A scan stopped between its steps: past its deadline, or its asker has gone."""


@dataclass
class Budget:
    """Counts the steps a scan does, and stops it at a deadline or when `should_stop` says so."""
    deadline: float | None = None
    should_stop: Callable[[], bool] | None = None
    steps: int = 0
    _next_check: int = 1024

    def tick(self, n: int = 1) -> None:
        """Add n steps; every 1,024 steps, raise ScanTimeout when time is up or the asker has gone."""
        self.steps += n
        if self.steps >= self._next_check:
            self._next_check = self.steps + 1024
            self.check()

    def check(self) -> None:
        """Raise ScanTimeout when the deadline (a time.monotonic() value) has passed or should_stop() says so."""
        stop_if_over(self.deadline, ScanTimeout)
        if self.should_stop is not None and self.should_stop():
            raise ScanTimeout("stopped: its asker has gone")


@dataclass(slots=True)
class Token:
    """One word, number or sign: its text, span, sentence number and the keys patterns match."""
    text: str
    start: int
    end: int
    sentence: int
    keys: frozenset = field(default_factory=frozenset)
    kind: str = "word"  # word, number, sign, code


@dataclass
class Doc:
    """A text read once: tokens, where each sentence starts, and a key index."""
    text: str                           # the text read (look-alikes unified, same length as original)
    original: str                       # the text as given (cut to MAX_TEXT): quotes come from it
    tokens: list[Token]
    sentence_starts: list[int]          # character offset of each sentence
    index: dict[str, list[int]]         # key -> token positions, in order
    memo: dict = field(default_factory=dict, repr=False)  # what parts of the scan read from the doc once


# A line break, with the blank lines after it and the next line's first character.
_LINE_BREAK_RE = re.compile(r"[ \t]*\n\s*(\S)")
# A line ending in one of these goes on in the next line ("Зарплата:\n150 000 тг", "визу,\nбилет").
_GOES_ON = frozenset(",:;(—–-+/&")
_BULLETS = frozenset("-•*·▪●◦–—►▶✔✅☑➖➡👉🔹🔸")


def _line_starts(text: str) -> list[int]:
    """Give where a line begins a new sentence: after a blank line, or where the line before is
    complete (a post's lines, a list's items); a line that starts lower case or follows a comma,
    a colon or a dash goes on with the sentence before ("оплачивает\nработодатель")."""
    starts = []
    for m in _LINE_BREAK_RE.finditer(text):
        first, start = m.group(1), m.start(1)
        before = text[:m.start()].rstrip()[-1:]
        if "\n\n" in m.group() or first in _BULLETS:
            starts.append(start)
        elif not first.islower() and before not in _GOES_ON:
            starts.append(start)
    return starts


def sentence_starts(text: str, budget: Budget) -> list[int]:
    """Give where each sentence begins: razdel's sentences, cut again at the lines of a post or list
    (dashes, colons and a line that goes on stay inside)."""
    budget.tick(len(text) // 16 + 1)
    return sorted({s.start for s in razdel.sentenize(text)} | set(_line_starts(text))) or [0]


_MORPH = None
_STEMMERS = threading.local()  # a Snowball stemmer keeps the word it works on: one per thread


def english_stem(word: str) -> str:
    """Give the English Snowball stem of a lower-case word (safe in any thread: each has its own stemmer)."""
    stemmer = getattr(_STEMMERS, "en", None)
    if stemmer is None:
        stemmer = _STEMMERS.en = snowballstemmer.stemmer("english")
    return stemmer.stemWord(word)


# Kazakh and Uzbek endings (case, plural, possessive), longest first; a stem keeps >= 3 letters.
_TURKIC_ENDINGS = tuple(sorted(set("""
ыңызды іңізді ыңыз іңіз ңыз ңіз ларың лерің лары лері дары дері тары тері лар лер дар дер тар тер
ның нің дың дің тың тің ға ге қа ке на не да де та те нда нде дан ден тан тен нан нен мен бен пен
ды ді ты ті ны ні сы сі ымыз іміз ым ім ың ің дағы дегі тағы тегі ndagi
ingizni ingizga ingiz ngizni ngizga ngiz imiz larni larga lardan lari lar ning dagi dan ga ka qa da ni si gacha
ингизни ингиз нгизни нгизга нгиз имиз ларни лари лар нинг даги дан га қа ка да ни си гача
i ы і и
""".split()), key=len, reverse=True))  # the last line: "his, its" ("yoshi 18-25", "жасы") after a consonant


def _morph():
    """Give the Russian analyser, made once per process on first use."""
    global _MORPH
    if _MORPH is None:
        import pymorphy3
        _MORPH = pymorphy3.MorphAnalyzer()
    return _MORPH


def russian_lemmas(word: str) -> tuple[str, ...]:
    """Give a Cyrillic word's dictionary lemmas (the best guess for a word not in the dictionary)."""
    parses = _morph().parse(word)
    known = [_lemma(p) for p in parses[:4] if p.is_known]
    return tuple(dict.fromkeys(w.replace("ё", "е") for w in known or [p.normal_form for p in parses[:1]]))


def _lemma(parse) -> str:
    """Give a parse's lemma; a full participle keeps its own (\"оплачиваемый\", not \"оплачивать\")."""
    if parse.tag.POS == "PRTF":
        own = parse.inflect({"sing", "nomn", "masc"})
        if own is not None:
            return own.word
    return parse.normal_form


_VOWELS = frozenset("aeiouo'аәеиоөуұүыіэюяё")
_VOICED = {"ғ": "қ", "г": "к", "б": "п"}  # a consonant voiced before a vowel ending


def turkic_stems(word: str) -> tuple[str, ...]:
    """Give the stems left after taking up to three Kazakh or Uzbek endings off a word."""
    out = []
    for _ in range(3):
        ending = next((e for e in _TURKIC_ENDINGS if word.endswith(e) and len(word) - len(e) >= 3
                       and (len(e) > 1 or word[-2] not in _VOWELS)), None)  # "yoshi" -> "yosh", "Kansai" stays
        if ending is None:
            break
        word = word[: -len(ending)]
        out.append(word)
        if ending[0] in _VOWELS and word[-1] in _VOICED:  # "айлығы" is "айлық" + ы, "кітабы" "кітап" + ы
            out.append(word[:-1] + _VOICED[word[-1]])
    return tuple(out)


def normal(word: str) -> str:
    """Give a word lower-cased with ё as е and every apostrophe as '."""
    return word.lower().replace("ё", "е").translate(_APOSTROPHES)[:MAX_TOKEN]


@lru_cache(maxsize=1 << 16)
def pattern_keys(word: str) -> frozenset:
    """Give the keys a pattern word stands for: its form, lemmas (Russian) or stem (English)."""
    low = normal(word)
    if _CYR_RE.search(low):  # a word the dictionary does not know stands for itself only
        return frozenset((low, *(p.normal_form.replace("ё", "е") for p in _morph().parse(low)[:4] if p.is_known)))
    if low.isascii() and low.isalpha():
        return frozenset((low, english_stem(low)))
    return frozenset((low,))


@lru_cache(maxsize=1 << 16)
def word_keys(word: str) -> frozenset:
    """Give the keys of a word of the text: the pattern keys plus its Kazakh/Uzbek stems."""
    low = normal(word)
    if "-" in low:  # "EPS-TOPIK", "Kaspi-ге": the whole and each part
        return frozenset((low,)).union(*(word_keys(part) for part in low.split("-") if part))
    if _CYR_RE.search(low):
        return frozenset((low, *russian_lemmas(low), *turkic_stems(low)))
    return pattern_keys(low) | frozenset(turkic_stems(low))


# Russian typed in Latin letters ("rabota v Koree po turisticheskoy vize"), read back into Cyrillic.
_TRANSLIT_RE = re.compile(r"shch|sch|sh|ch|zh|kh|ts|ya|yu|yo|oy|iy|yy|ay|ey|uy|[a-z']")
_TRANSLIT = {"shch": "щ", "sch": "щ", "sh": "ш", "ch": "ч", "zh": "ж", "kh": "х", "ts": "ц", "ya": "я", "yu": "ю",
             "yo": "е", "oy": "ой", "iy": "ий", "yy": "ый", "ay": "ай", "ey": "ей", "uy": "уй", "'": "ь",
             **dict(zip("abvgdezijklmnoprstufhcywxq", "абвгдезийклмнопрстуфхцыв" "кк"))}
_TRANSLIT_J = {**_TRANSLIT, "j": "ж"}


def _to_cyrillic_letters(low: str, table: dict[str, str]) -> str:
    """Give a lower-case Latin word spelt in Cyrillic letters by a transliteration table."""
    return _TRANSLIT_RE.sub(lambda m: table.get(m.group(0), m.group(0)), low)


RUSSIAN_IN_LATIN = 0.4  # share of Latin words that read as Russian words for a text to be Russian typed in Latin
_SAMPLE = 200


@lru_cache(maxsize=1 << 15)
def latin_russian(word: str) -> tuple[str, ...]:
    """Give the Russian lemmas of a Latin word read back into Cyrillic (none when it is no Russian word)."""
    low = normal(word)
    cyr = _to_cyrillic_letters(low, _TRANSLIT)
    forms = [cyr, cyr + "ь"]  # "den" is "день": the soft sign is left out when typing in Latin
    if "j" in low:  # "nujny", "jdu": j is ж as often as й
        forms.append(_to_cyrillic_letters(low, _TRANSLIT_J))
    out = _known_forms(forms)
    if not out:  # "seichas", "poetomu": i after a vowel is й, e at the start or after a vowel is э
        vowels = _VOWEL_I_RE.sub("й", _VOWEL_E_RE.sub("э", cyr))
        out = _known_forms([vowels] if vowels != cyr else [])
    return tuple(out)


_VOWEL_I_RE = re.compile(r"(?<=[аеиоуыэюя])и(?![аеиоуыэюя])")
_VOWEL_E_RE = re.compile(r"(?:^|(?<=[аеиоуыэюя]))е")


def _known_forms(forms: list[str]) -> dict[str, None]:
    """Give each form the Russian dictionary knows, with its lemmas (ё read as е), in order."""
    out: dict[str, None] = {}
    for form in forms:
        known = [_lemma(p).replace("ё", "е") for p in _morph().parse(form)[:4] if p.is_known]
        if known:
            out.update(dict.fromkeys((form, *known)))
    return out


def _russian_in_latin(tokens: list[Token], text: str) -> bool:
    """Tell whether the Latin words of a text are Russian typed in Latin letters (all or some of them)."""
    words = [t.text for t in tokens if t.kind == "word" and len(t.text) >= 4 and t.text.isascii()][:_SAMPLE]
    russian = sum(bool(latin_russian(w)) for w in words)
    return russian >= RUSSIAN_IN_LATIN * len(words) and (russian >= 3 or not _CYR_RE.search(text)) and russian > 0


_VISA_LETTERS = frozenset("CDEHcdeh")  # "E9", "C3", "D4", "H2" are visa classes; "B2", "A1" are language levels


@lru_cache(maxsize=1 << 16)
def _kind_and_keys(raw: str) -> tuple[str, frozenset]:
    """Give a token's kind and keys from its text alone (at most MAX_TOKEN characters)."""
    if raw[0].isdigit():
        return "number", frozenset(("#",))
    if len(raw) == 1 and not raw.isalpha():
        return "sign", frozenset(("$" if raw == "$" else raw,))
    if raw[1:2] == "-" and raw[2:3].isdigit():
        return "code", frozenset((raw.lower(),))
    if raw[0] in _VISA_LETTERS and raw[1:].isdigit() and len(raw) <= 3:
        return "code", frozenset((raw.lower(), f"{raw[0]}-{raw[1:]}".lower()))  # "E9" is the visa class "E-9"
    return "word", word_keys(raw[:MAX_TOKEN])


def _pieces(raw: str, start: int, sentence: int) -> list[Token]:
    """Give the tokens of a match longer than MAX_TOKEN: MAX_TOKEN-long pieces of it."""
    out = []
    for i in range(0, len(raw), MAX_TOKEN):
        kind, keys = _kind_and_keys(raw[i:i + MAX_TOKEN])
        out.append(Token(raw[i:i + MAX_TOKEN], start + i, start + min(i + MAX_TOKEN, len(raw)), sentence, keys, kind))
    return out


def _key_index(tokens: list[Token]) -> dict[str, list[int]]:
    """Give key -> the positions of the tokens carrying it, in order."""
    index: dict[str, list[int]] = {}
    for i, token in enumerate(tokens):
        for key in token.keys:
            found = index.get(key)
            if found is None:
                index[key] = [i]
            else:
                found.append(i)
    return index


# A capitalised Latin word made only of letters that look Cyrillic ("KOPEE", "PABOTA"): in a text
# written mostly in Cyrillic it is read as Cyrillic too (its Latin reading stays).
_CAPS_LOOKALIKES = "ABCEHKMOPTXY"
_CAPS_LOOKALIKE_RE = re.compile(f"[{_CAPS_LOOKALIKES}]{{3,}}")
_CAPS_FIRST = frozenset(_CAPS_LOOKALIKES)
_LATIN_RE = re.compile(r"[A-Za-z]")


def _mostly_cyrillic(text: str) -> bool:
    """Tell whether a text (its first 2,000 characters) has at least half as many Cyrillic letters as Latin."""
    return len(_CYR_RE.findall(text[:2000])) * 2 >= len(_LATIN_RE.findall(text[:2000]))


SPELT_OUT, MAX_SPELT = 3, 20  # single letters in a row, one space apart, that spell a word ("Д Р О П Ы", "Р А Б О Т А")
_SPELT_RE = re.compile(r"(?<![^\W\d_])[^\W\d_] [^\W\d_] [^\W\d_](?![^\W\d_])")  # three lone letters, one space apart


def _join_spelt_out(tokens: list[Token], text: str) -> None:
    """Give the first letter of a word spelt out letter by letter the keys of the whole word (written
    so to slip past a chat's filter), in place."""
    if not _SPELT_RE.search(text):
        return
    i = 0
    while i < len(tokens):
        j = i
        while (j + 1 < len(tokens) and len(tokens[j].text) == 1 and tokens[j].text.isalpha()
               and len(tokens[j + 1].text) == 1 and tokens[j + 1].text.isalpha() and text[tokens[j].end:tokens[j + 1].start] == " "):
            j += 1
        if SPELT_OUT <= j - i + 1 <= MAX_SPELT:
            word = "".join(t.text for t in tokens[i:j + 1])  # and without its last letter: "Д Р О П Ы с картами"
            tokens[i].keys = tokens[i].keys | word_keys(word) | (word_keys(word[:-1]) if j - i >= SPELT_OUT else frozenset())
        i = j + 1


def read_doc(text: str, budget: Budget | None = None) -> Doc:
    """Give the text (cut to MAX_TEXT) read once into tokens, sentence starts and a key index."""
    budget = budget or Budget()
    original = (text or "")[:MAX_TEXT]
    text = unify_lookalikes(original)
    starts = sentence_starts(text, budget)
    caps = _mostly_cyrillic(text)
    tokens: list[Token] = []
    sentence, last = -1, len(starts) - 1  # tokens come in order: the sentence only moves forward
    for m in TOKEN_RE.finditer(text):
        budget.tick()
        raw, start = m.group(), m.start()
        while sentence < last and starts[sentence + 1] <= start:
            sentence += 1
        if len(raw) > MAX_TOKEN:
            tokens += _pieces(raw, start, sentence)
            continue
        kind, keys = _kind_and_keys(raw)
        if caps and raw[0] in _CAPS_FIRST and kind == "word" and _CAPS_LOOKALIKE_RE.fullmatch(raw):
            keys = keys | word_keys(raw.translate(_LAT_TO_CYR))  # "KOPEE" in a Cyrillic text is "КОРЕЕ" too
        tokens.append(Token(raw, start, m.end(), sentence, keys, kind))
    _join_spelt_out(tokens, text)
    if _russian_in_latin(tokens, text):
        for t in tokens:
            budget.tick()
            if t.kind == "word" and t.text.isascii():
                t.keys = t.keys | frozenset(latin_russian(t.text))
    return Doc(text, original, tokens, starts, _key_index(tokens))
