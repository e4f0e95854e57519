"""What the one search box also reads, beside the entities of `extract`: numbers shaped like a phone
whatever their range, and the words people add to a name that are not the name (a place, a salary).

"ТОО Дымка, г. Алматы" is the name «ТОО Дымка»; "ТОО Дымка, зарплата 300 000 тг" too; "8 703 440 18 26"
is a phone even where no operator uses 703 (never a licence number and a name of digits).
"""
from __future__ import annotations

import re

# A phone as people type it: + and a country code with 10-13 digits in all, or a national number
# of 10-11 digits starting with 8 or 0 (a 12-digit BIN is never one).
PHONE_SHAPED_RE = re.compile(
    r"(?<![\w+])(?:\+\s?\d(?:[\s\-().]{0,2}\d){9,12}|[80](?:[\s\-().]{0,2}\d){9,10})(?![\w])")
_CITIES = (
    "Алматы|Алма-Ата|Астана|Нур-Султан|Шымкент|Чимкент|Караганда|Қарағанды|Актобе|Ақтөбе|Тараз|Павлодар|"
    "Усть-Каменогорск|Өскемен|Семей|Атырау|Актау|Ақтау|Кызылорда|Қызылорда|Туркестан|Түркістан|Костанай|"
    "Қостанай|Петропавловск|Уральск|Орал|Талдыкорган|Кокшетау|Көкшетау|Ташкент|Тошкент|Самарканд|Бишкек|Ош|"
    "Москва|Новосибирск|Екатеринбург|Дубай|Стамбул|Сеул|Almaty|Astana|Shymkent|Karaganda|Aktobe|Taraz|Atyrau|"
    "Aktau|Tashkent|Toshkent|Samarkand|Bishkek|Moscow|Dubai|Istanbul|Seoul|Manila|Hong Kong|Kowloon")
# A place after a comma ("…, Алматы", "…, г. Алматы", "…, Astana city") or marked as a town ("г. Шымкент").
PLACE_RE = re.compile(
    r"(?:,\s*|\s+)(?:г\.|гор\.|город|қ\.|қаласы|city of)\s*[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+(?:\s+қ\.)?"
    r"|,\s*(?:" + _CITIES + r")\b(?:\s*(?:қ\.|қаласы|city|шаҳри))?", re.I)
_CURRENCY = r"(?:тенге|теңге|тг|₸|kzt|руб\w*|р\.|₽|\$|usd|долл\w*|евро|eur|€|сум|so['ʻ’]?m|php|₱|hkd|hk\$|won|вон)"
# A salary: its label with what follows up to the next comma, or an amount with its currency.
SALARY_RE = re.compile(
    r"[,;]?\s*(?<!\w)(?:зарплата|заработная плата|з/п|зп|оклад|жалақы|жалақысы|айлық|salary|wage|maosh|"
    r"ish haqi|доход)(?!\w)[^,;]*"
    r"|[,;]?\s*(?:(?:от|до|from|up to)\s+)?\$?\d[\d\s.,]*\s*(?:тыс\.?|k|к|млн)?\s*" + _CURRENCY + r"(?!\w)", re.I)


def phone_shaped(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Return (start, end, text) of each run shaped like a phone number that no span holds."""
    out = []
    for m in PHONE_SHAPED_RE.finditer(text):
        if all(m.end() <= s or m.start() >= e for s, e in spans):
            out.append((m.start(), m.end(), m.group(0)))
    return out


def without_place_and_pay(text: str) -> str:
    """Return the text with a place and a salary taken out (what a name does not hold)."""
    return PLACE_RE.sub(" ", SALARY_RE.sub(" ", text))
