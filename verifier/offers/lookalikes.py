"""Letters that stand in for others: Latin, Greek and small-capital look-alikes (and "@" for "а")
inside Cyrillic words, made Cyrillic one for one, so a text keeps its length and every offset into it."""
from __future__ import annotations

import re
from functools import lru_cache

# Latin, Greek and small-capital letters (and digits) that look like Cyrillic ones, read as Cyrillic
# inside a word with Cyrillic letters (words written to slip past filters: "Свσбσднᴎй грαфᴎк", "Paбoтa").
LAT_TO_CYR = str.maketrans("aABcCdeEHkKmMnoOpPrtTxXyYuUw" "αΑΒεΕκΚΜΗοΟρΡτΤχΧυσΘθλ" "ᴀʙᴄᴅᴇʜᴋᴍᴎᴏᴘᴛᴙ" "036",
                           "аАВсСдеЕНкКмМпоОрРгтТхХуУиИш" "аАВеЕкКМНоОрРтТхХуоООл" "авсдеНкмиортя" "озб")
CYR_RE = re.compile(r"[\u0400-\u04ff]")
_CYR_TO_LAT = str.maketrans("аАвВсСеЕНкКмМоОрРтТхХуУіІјЈѕЅԁԛԝ", "aABBcCeEHkKmMoOpPtTxXyYiIjJsSdqw")
_CYR_STRICT = set("аАВсСеЕНкКмМоОрРТхХуУіІ")  # Cyrillic letters a Latin letter looks exactly like
_LAT_STRICT = set("aABcCeEHkKmMoOpPTxXyYi")   # and the reverse
_WORD_RE = re.compile(r"[^\W_]++")
# A Cyrillic character beside a word character that is not Cyrillic: where a word may mix scripts.
_MIXED_RE = re.compile(r"[\u0400-\u04ff](?=[^\W_\u0400-\u04ff])|[^\W_\u0400-\u04ff](?=[\u0400-\u04ff])")


# "@" standing for "а" inside a Cyrillic word ("з@кл@дка", "Ф@ЛЬШИВАЯ"): a letter on each side, one Cyrillic.
_AT_AS_A_RE = re.compile(r"(?<=[\u0400-\u04ff])@(?=[^\W\d_])|(?<=[^\W\d_])@(?=[\u0400-\u04ff])")


def unify_lookalikes(text: str) -> str:
    """Give the text with Latin look-alike letters inside Cyrillic words made Cyrillic (same length).

    Only a word with a Cyrillic letter beside a word character that is not Cyrillic can change, so
    only the words around such pairs are looked at (`_WORD_RE` words: runs of str.isalnum characters)."""
    if not CYR_RE.search(text):
        return text
    if "@" in text:
        text = _AT_AS_A_RE.sub("а", text)
    pieces, done = [], 0
    for hit in _MIXED_RE.finditer(text):
        start = hit.start()
        if start < done or not text[start].isalnum():
            continue  # inside a word already read, or a Cyrillic sign that is no letter
        while start > 0 and text[start - 1].isalnum():
            start -= 1
        word = _WORD_RE.match(text, start)
        pieces += [text[done:start], _to_cyrillic(word.group(0))]
        done = word.end()
    return "".join(pieces) + text[done:] if pieces else text


@lru_cache(maxsize=1 << 14)
def _to_cyrillic(word: str) -> str:
    """Give a mixed word in one script: the script of its letters that have no look-alike (й, ю; f,
    r, d), or else of most of its letters. Digits become letters only inside a Cyrillic word."""
    cyr = CYR_RE.findall(word)
    if word.isascii() or not cyr or len(cyr) == len(word) or word[:2].isdigit() or word[-2:].isdigit():
        return word  # one script, or a number with a unit ("4000к"): nothing to unify
    if any(ch.isdigit() for ch in word) and len(cyr) < 2:
        return word  # "5к": a number and a letter
    latin = [ch for ch in word if ch.isascii() and ch.isalpha()]
    own_cyr = any(ch not in _CYR_STRICT for ch in cyr)
    own_lat = any(ch not in _LAT_STRICT for ch in latin)
    if (own_lat and not own_cyr) or (own_lat == own_cyr and len(latin) > len(cyr)):
        back = word.translate(_CYR_TO_LAT)
        return back if not CYR_RE.search(back) else word  # "Pаy", "саrd" with Cyrillic а, с
    return word.translate(LAT_TO_CYR)
