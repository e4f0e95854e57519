"""The status words of registries, in one table: which mean a licence in force, which do not.

Words are matched whole after normalising (case, spaces, punctuation, apostrophes), never as
substrings: "Inactive" contains "active" and "Не действует" contains "действует". A word not in
the table is `unknown`, which a verdict never reads as licensed. An NGO adds its own words with
`scrapers import --status-map FILE` or a configured source's `[source.status_map]`.
"""
from __future__ import annotations

import csv
import io
import unicodedata
from collections import Counter
from pathlib import Path

from verifier.records import SourceError

GROUPS = ("valid", "invalid")

# group -> language -> words, as a person would type them (normalised when the table is built).
VOCABULARY = {
    "valid": {
        "en": ("valid", "licensed", "active", "in force", "current", "valid license", "valid licence",
               "license valid", "licence valid", "licensed agency", "valid license provisional",
               "valid license full", "valid license extended", "valid licence provisional",
               "valid licence full", "valid licence extended"),
        "ru": ("действует", "действующая", "действующий", "действующее", "действительна",
               "действительный", "действительная", "действительно", "лицензия действует",
               "лицензия действительна", "действующая лицензия", "активна", "активный",
               "активная", "лицензирован", "лицензирована"),
        "kk": ("жарамды", "қолданыста", "қолданыстағы", "әрекет етеді", "күшінде", "белсенді",
               "лицензия жарамды", "жарамды лицензия"),
        "uz": ("amalda", "amal qiladi", "amaldagi", "faol", "haqiqiy", "yaroqli", "kuchda",
               "litsenziyalangan", "litsenziya amalda", "амалда", "амал қилади", "амалдаги", "фаол",
               "ҳақиқий", "яроқли"),
    },
    "invalid": {
        "en": ("inactive", "not active", "suspended", "expired", "revoked", "withdrawn", "annulled",
               "cancelled", "canceled", "not valid", "invalid", "unlicensed", "not licensed",
               "no license", "no licence", "license not valid", "licence not valid",
               "license expired", "licence expired", "license revoked", "licence revoked",
               "license suspended", "licence suspended", "license cancelled", "licence cancelled",
               "license withdrawn", "licence withdrawn", "license annulled", "licence annulled",
               "terminated", "banned", "forever banned", "delisted", "denied renewal", "lapsed",
               "ceased operations", "ceased operation", "closed", "void", "deregistered",
               "struck off", "liquidated", "dissolved", "suspended document processing",
               "documentary processing suspended", "cash bond withdrawn", "suspended or fined",
               "preventive suspension"),
        "ru": ("не действует", "недействующая", "недействующий", "недействительна",
               "недействительный", "недействительная", "недействительно", "не действительна",
               "неактивна", "неактивен", "неактивный", "неактивная", "приостановлена",
               "приостановлен", "приостановлено", "действие приостановлено", "прекращена",
               "прекращено", "прекращен", "истекла", "истек", "срок истек", "срок действия истек",
               "отозвана", "отозван", "лицензия отозвана", "аннулирована", "аннулирован",
               "лицензия аннулирована", "отменена", "отменено", "отменен", "отменён",
               "лицензия отменена", "лицензия прекращена", "не действующая", "не действующий",
               "не действующее", "недействующее", "лицензия приостановлена", "без лицензии",
               "нет лицензии", "не лицензирован", "не лицензирована", "лишен лицензии",
               "исключен из реестра", "исключена из реестра", "ликвидирован", "ликвидирована"),
        "kk": ("жарамсыз", "жарамды емес", "қолданыста емес", "әрекет етпейді", "белсенді емес",
               "тоқтатылды", "тоқтатылған", "уақытша тоқтатылды", "уақытша тоқтатылған",
               "кері қайтарылды", "кері қайтарылған", "қайтарып алынды", "күші жойылды",
               "күші жойылған", "жойылды", "мерзімі өтті", "мерзімі өткен", "мерзімі аяқталды",
               "лицензиясыз", "лицензиядан айырылды", "тізілімнен шығарылды"),
        "uz": ("amalda emas", "faol emas", "amal qilmaydi", "to'xtatilgan", "to'xtatildi",
               "vaqtincha to'xtatilgan", "bekor qilingan", "bekor qilindi", "muddati o'tgan",
               "muddati tugagan", "muddati tugadi", "qaytarib olingan", "chaqirib olingan", "litsenziyasiz",
               "yaroqsiz", "haqiqiy emas", "kuchini yo'qotgan", "амалда эмас", "фаол эмас",
               "тўхтатилган", "бекор қилинган", "муддати ўтган", "муддати тугади", "муддати тугаган", "яроқсиз", "ҳақиқий эмас"),
    },
}
_APOSTROPHES = dict.fromkeys(map(ord, "'’‘ʻʼ`´"), None)


def normalise(word: str) -> str:
    """Give a status word in the form the table is keyed by: lower case, no punctuation, one space."""
    text = unicodedata.normalize("NFC", str(word)).translate(_APOSTROPHES).casefold().replace("ё", "е")
    text = "".join(" " if unicodedata.category(c)[0] in "PSZC" else c for c in text)
    return " ".join(text.split())


TABLE: dict[str, str] = {normalise(w): group for group, langs in VOCABULARY.items()
                         for words in langs.values() for w in words}


def group_of(status: str, extra: dict[str, str] | None = None) -> str:
    """Give valid | invalid | unknown for a published status (an empty one is unknown)."""
    key = normalise(status)
    if extra and key in extra:
        return extra[key]
    return TABLE.get(key, "unknown")


def own_words(pairs: dict[str, str], where: str) -> dict[str, str]:
    """Give an NGO's word -> group pairs normalised; a group other than valid/invalid is an error."""
    out = {}
    for word, group in pairs.items():
        group = str(group).strip().lower()
        if group not in GROUPS or not normalise(word):
            raise SourceError(f"{where}: {word!r} -> {group!r}: the group must be valid or invalid")
        out[normalise(word)] = group
    return out


def read_status_map(path: Path) -> dict[str, str]:
    """Give the word -> group pairs of a `word,group` CSV (a header row `word,group` is skipped)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"{path.name}: cannot read the status map: {exc}") from exc
    pairs = {}
    for n, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        if not any(c.strip() for c in row) or (n == 1 and [c.strip().lower() for c in row] == ["word", "group"]):
            continue
        if len(row) != 2:
            raise SourceError(f"{path.name} row {n}: expected two columns `word,group`, got {row}")
        pairs[row[0]] = row[1]
    return own_words(pairs, path.name)


def summary(records, hint: str = "--status-map FILE") -> str:
    """Give one line counting records per status group and naming the unknown words."""
    counts = Counter(r.status_group for r in records)
    line = ", ".join(f"{g} {n}" for g, n in sorted(counts.items()))
    unknown = sorted({r.status for r in records if r.status_group == "unknown" and r.status})
    if counts.get("unknown"):
        words = ", ".join(repr(w) for w in unknown[:20]) or "none (empty status)"
        line += f"; unknown words: {words} (add them with {hint})"
    return line
