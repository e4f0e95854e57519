"""Pay named in a read offer: amounts with their currency and period, read per month in US dollars
and set against the too-good line of the currency or of the place of work (too_good and easy_money
read them; flags.py)."""
from __future__ import annotations

from verifier.offers.destination import place_of_work
from verifier.offers.rules import rules
from verifier.offers.rules.match import matches
from verifier.offers.text import Budget, Doc

SHORT = 60  # words: a message this short is read as one sentence (for easy_money and the hours of a day)


def is_short(doc: Doc) -> bool:
    """Tell, counted once per doc, whether the text has at most SHORT words."""
    if "short" not in doc.memo:
        doc.memo["short"] = sum(t.kind == "word" for t in doc.tokens) <= SHORT
    return doc.memo["short"]


# The period words that name pay before its amount ("күніне 20 000 тг", "в сутки 8–12 тыс."); the others
# before a number belong to what comes earlier ("Ауысым 12 сағат, 10 500 тг", "за 35 смен; 80 000 руб.")
BEFORE_OK = frozenset(("күніне", "kuniga", "кунига", "аптасына", "haftasiga", "ҳафтасига", "daily", "weekly", "күнделікті", "kunlik", "кунлик",
                       "день", "сутки", "неделя", "day", "week"))
NOT_PERIODS = frozenset(("HR", "H"))  # human resources ("€2,500, contact HR"), not "/hr"
DAILY_WORDS = frozenset(("күнделікті", "kunlik", "кунлик", "daily", "weekly"))  # may stand before the pay word
YEARLY_FROM = 20000  # US dollars: an amount named with no period from this much is pay by the year
# A period word right after a count of smaller units is the schedule's, not the pay's: "4 часа в день",
# "4 hours a day" (a day after the hours), "5 дней в неделю", "5 days a week" (a week after the days).
SCHEDULE_UNITS = {frozenset(("день", "сутки", "day")): frozenset(("час", "hour", "hours", "сағат", "soat", "соат", "hr", "hrs")),
                  frozenset(("неделя", "week")): frozenset(("день", "day", "days", "күн", "kun"))}
RANGE_WORDS = frozenset(("до", "to", "gacha", "дейін"))
RANGE_DASHES = ("-", "–", "—")


def _range_top(tokens, i: int) -> bool:
    """Tell whether number token i is the top of a range ("от 170 000 до 900 000"): pay is read by its floor
    (round 14: not "2000-2500$", whose top writers read as the promise)."""
    return i >= 2 and tokens[i - 2].kind == "number" and bool(tokens[i - 1].keys & RANGE_WORDS)


def _cents(doc: Doc, i: int) -> bool:
    """Tell whether number token i is the fraction of the number before it ("16.50", "11.44", "12,50")."""
    tokens = doc.tokens
    return (i >= 1 and tokens[i - 1].kind == "number" and len(tokens[i].text) <= 2
            and doc.original[tokens[i - 1].end:tokens[i].start] in (".", ","))


def _digit_group(doc: Doc, i: int) -> bool:
    """Tell whether number token i is one group of a number written in groups that are no thousands
    ("8 705 555 33 18", a phone; "2000-2500$" is a range, "16.50" has cents): no amount."""
    tokens = doc.tokens
    return any(0 <= j < len(tokens) and tokens[j].kind == "number"
               and doc.original[tokens[min(i, j)].end:tokens[max(i, j)].start].isspace() for j in (i - 1, i + 1))


def _in_fee(doc: Doc, i: int) -> bool:
    """Tell whether number token i lies in the quote of the text's `fee` ("Пакет услуг (виза + билет) —
    3 000 $"): the price the worker pays, no wage."""
    span = doc.memo.get("fee_span")
    return span is not None and span[0] <= doc.tokens[i].start < span[1]


# Words beside an amount that make it a wage ("айына 5000$, виза туристік", "4000$ v mesyac, bilet"):
# the month or the pay word before it, the month after it.
WAGE_BEFORE = frozenset(("айына", "oyiga", "ойига", "зарплата", "зп", "оклад", "salary", "жалақы", "айлық", "айлығы",
                         "maosh", "oylik", "oyligi", "ойлик"))
MONTH_AFTER = frozenset(("месяц", "month", "monthly", "mo", "айына", "oyiga", "ойига", "ай"))


PER = frozenset(("в", "v", "a", "per", "in", "за", "/"))  # between an amount and its month ("5000$ в месяц")


def _month_after(doc: Doc, i: int) -> bool:
    """Tell whether the first word after the amount at number token i (past its currency and "в", "per")
    is a month."""
    money = rules().money_keys
    for t in doc.tokens[i + 1:i + 4]:
        if t.sentence != doc.tokens[i].sentence:
            return False
        if not (t.keys & money or t.keys & PER):
            return bool(t.keys & MONTH_AFTER)
    return False


def only_wages(doc: Doc, first: int, last: int) -> bool:
    """Tell whether the tokens first..last name amounts, and every one of them is a wage (a month's
    pay word beside it), so the span is no price the worker pays."""
    tokens, numbers = doc.tokens, [i for i in range(first, last + 1) if doc.tokens[i].kind == "number"]
    return bool(numbers) and all(
        any(t.sentence == tokens[i].sentence and t.keys & WAGE_BEFORE for t in tokens[max(0, i - 2):i]) or _month_after(doc, i)
        for i in numbers)


def _digits(text: str) -> str:
    """Give the digits of a number token (at most 12)."""
    return "".join(ch for ch in text if ch.isdigit())[:12] or "0"


def _amount(doc: Doc, i: int) -> tuple[float, int]:
    """Give (value, last token) of the number at token i with its fraction ("1,5 млн", "11.44")."""
    tokens = doc.tokens
    whole = float(int(_digits(tokens[i].text)))
    if i + 1 < len(tokens) and tokens[i + 1].kind == "number" and _cents(doc, i + 1):
        return whole + float("0." + _digits(tokens[i + 1].text)), i + 1
    return whole, i


def pay_period(doc: Doc, i: int) -> float:
    """Give the months-per-period factor of the pay at number token i: the period word just before it
    ("күніне 5 000", or before the floor of a range "күніне 10–15 мың"), else after it before another number ("$16.50/hr, 40-60 hours": the hours are the 40's)."""
    r, tokens = rules(), doc.tokens
    j = i - 1  # the top of a range with a dash ("күніне 10–15 мың") takes the period before its floor
    if j >= 1 and tokens[j].kind == "number" and doc.original[tokens[j].end:tokens[i].start].strip() in RANGE_DASHES:
        j -= 1
    before = next((r.per_period[k] for k in tokens[j].keys if k in BEFORE_OK), None) if i else None
    if before is not None and _of_schedule(tokens, i, j):
        before = None  # "4 часа в день, 150 000 тг в месяц": the day is the hours', not the pay's; so a week after days
    if before is None and i and j >= 1 and tokens[j].kind == "word" and tokens[j - 1].sentence == tokens[i].sentence:
        before = next((r.per_period[k] for k in tokens[j - 1].keys if k in DAILY_WORDS), None)  # "Күнделікті төлем — 38 000"
    if before is not None:
        return before
    end, compound_words = i + 5, set()
    for j in range(i, len(tokens)):
        if j >= end:
            break
        if j in compound_words:
            continue
        if tokens[j].sentence != tokens[i].sentence:
            break  # "на руки 243 000 ₸. Ночные часы оплачиваются": the next sentence's hours are not the pay's
        if j > i and tokens[j].kind == "number" and _compound(doc, j):
            end += 2  # "за 8-часовую смену": the pay's period is past the compound, whose own word
            compound_words.add(j + 1)  # ("12-hour shifts") is no period of the pay
            continue
        if j > i and tokens[j].kind == "number" and not _cents(doc, j):
            break
        factor = next((r.per_period[k] for k in tokens[j].keys if k in r.per_period), None)
        if factor is not None and tokens[j].text in NOT_PERIODS:
            continue
        if factor is not None and _hours_period(doc, i, j):
            break
        if factor is not None:
            return factor
    return 1.0


def _of_schedule(tokens, i: int, j: int) -> bool:
    """Tell whether period token j, before the pay at token i, follows a count of smaller units and so
    names the schedule ("4 часа в день, 150 000 тг в месяц", "5 дней в неделю, 250 000 ₸")."""
    units = next((u for period, u in SCHEDULE_UNITS.items() if tokens[j].keys & period), None)
    return units is not None and any(t.keys & units and t.sentence == tokens[i].sentence for t in tokens[max(0, j - 2):j])


def _compound(doc: Doc, j: int) -> bool:
    """Tell whether number token j starts a compound word ("за 8-часовую смену", "12-hour shifts"): no amount."""
    tokens = doc.tokens
    return (j + 1 < len(tokens) and tokens[j + 1].kind == "word"
            and doc.original[tokens[j].end:tokens[j + 1].start] == "-")


def _hours_period(doc: Doc, i: int, j: int) -> bool:
    """Tell whether period token j, past a comma after the pay at token i and before a number, is the
    hours' period ("2 800 € brutto, haftasiga 40 soat"), not the pay's ("$25/hour, 20 hours a week")."""
    tokens = doc.tokens
    return (j > i and j + 1 < len(tokens) and tokens[j + 1].kind == "number"
            and ", " in doc.original[tokens[i].end:tokens[j].start])


def pay_ratio(doc: Doc, first: int, last: int, month_cap: float | None = None, part_time: bool = False) -> float:
    """Give the largest amount a span of tokens names, as a share of the too-good line of its currency (0 when none).

    The line is the currency's own (pay in tenge, sum or som is too good at home well below a
    foreign wage) or the common one in US dollars a month; pay by the day, hour or week has its own.
    `month_cap` lowers the month line (the line of the country the work is in)."""
    r, best = rules(), 0.0
    tokens = doc.tokens
    for i in range(first, last + 1):
        if tokens[i].kind != "number" or _range_top(tokens, i) or _cents(doc, i) or _digit_group(doc, i) or _in_fee(doc, i):
            continue
        value, end = _amount(doc, i)
        sentence = tokens[i].sentence
        currency = next((k for t in tokens[max(first, i - 2):min(last, end + 3) + 1] if t.sentence == sentence
                         for k in t.keys if k in r.money), None)
        if currency is None:
            continue
        if currency == "$":
            currency = local_dollar(doc)  # "$32/hr" in Sydney is Australian dollars
        after = tokens[end + 1].keys if end + 1 < len(tokens) else frozenset()
        mult = next((r.multipliers[k] for k in after if k in r.multipliers), 1)
        mult = 1 if mult == 1000 and value >= 1000 else mult  # "80 000 тыс." is 80,000 written twice
        period = pay_period(doc, i)
        month, by_period, by_day = (r.local_lines or {}).get(currency, (r.min_usd, r.min_usd_by_period, r.min_usd_by_period))
        month = min(month, month_cap) if month_cap else month
        by_period = by_day if period == r.per_period.get("day") else by_period
        usd = value * mult * r.money[currency]
        if period == 1.0 and usd >= YEARLY_FROM:
            period = 1 / 12  # "base salary $42,000": no monthly wage is that high
        line = by_period if period != 1.0 else month
        # `part_time`: a month's pay for a few hours a day is read as a full-time month's, against the
        # higher line (easy_money asks: writers call it income for little time, not pay too good for work)
        factor = full_time_factor(doc, sentence) if part_time and period == 1.0 else 1.0
        if factor > 1.0:
            usd, line = usd * factor, max(month, by_period)
        best = max(best, usd * period / line)
    return best


FULL_DAY, MAX_FACTOR = 8, 4  # hours of a full working day; pay for 2 hours a day counts at most 4 times


def _hours_a_day(doc: Doc) -> dict[int, float]:
    """Give, read once per doc, the hours of work a day the text names per sentence (-1: the most in
    the text); a range "2-3 часа" by its top, "пару часов" as 2."""
    if "part_time" not in doc.memo:
        hours: dict[int, float] = {}
        for p in rules().part_time:
            for first, last in matches(doc, p, Budget()):
                n = max((float(int(_digits(t.text))) for t in doc.tokens[first:last + 1] if t.kind == "number"), default=2.0)
                for key in (doc.tokens[first].sentence, -1):
                    hours[key] = max(hours.get(key, 0.0), n)
        doc.memo["part_time"] = hours
    return doc.memo["part_time"]


def names_few_hours(doc: Doc) -> bool:
    """Tell whether some sentence names fewer hours a day than a full day (else no pay is scaled)."""
    return any(0 < n < FULL_DAY for n in _hours_a_day(doc).values())


def full_time_factor(doc: Doc, sentence: int) -> float:
    """Give how many times a month's pay stands for full-time pay, when its sentence (or a short
    message) says the work takes only a few hours a day ("2 часа в день, 600 000 тг в месяц"); 1 else."""
    hours = _hours_a_day(doc)
    n = hours.get(sentence) or (hours.get(-1) if is_short(doc) else None)
    return min(MAX_FACTOR, FULL_DAY / n) if n and 0 < n < FULL_DAY else 1.0


DOLLAR_OF = {"AU": "aud", "NZ": "nzd", "CA": "cad", "SG": "sgd"}  # the dollar a "$" means where the work is


def local_dollar(doc: Doc) -> str:
    """Give the currency key a bare "$" stands for: the dollar of the place of work, else the US dollar."""
    if "dollar" not in doc.memo:
        doc.memo["dollar"] = DOLLAR_OF.get(place_of_work(doc, Budget())[0], "$")
    return doc.memo["dollar"]


def place_line(doc: Doc, budget: Budget) -> float | None:
    """Give the month line of unskilled pay in the country the work is in, where the rules set one
    lower than the currency's ("$1,500 for a maid" is ordinary in Moscow, far too much in Antalya)."""
    if "place_line" not in doc.memo:
        lines = rules().place_lines or {}
        doc.memo["place_line"] = lines.get(place_of_work(doc, budget)[0]) if lines else None
    return doc.memo["place_line"]


def pay_spans(doc: Doc, budget: Budget, month_cap: float | None = None, part_time: bool = False):
    """Yield (first, last, share of the too-good line) for each number of the text named with a currency
    (`part_time`: see pay_ratio)."""
    tokens, money = doc.tokens, rules().money_keys
    for i in doc.index.get("#", ()):  # the number tokens, in order
        budget.tick()
        if all(money.isdisjoint(t.keys) for t in tokens[max(0, i - 4):i + 4]):
            continue  # no currency within reach of either window below: no amount
        first, last = max(0, i - 2), min(len(tokens) - 1, i + 3)
        ratio = pay_ratio(doc, i, last, month_cap, part_time) or pay_ratio(doc, first, i, month_cap, part_time)
        if ratio:
            yield i, last, ratio


def pay_phrase(doc: Doc, i: int) -> tuple[int, int]:
    """Give the tokens of an amount with its currency and period around number token i."""
    r, tokens = rules(), doc.tokens
    near = range(max(0, i - 2), min(len(tokens), i + 5))
    money = [j for j in near if tokens[j].keys & r.money_keys and tokens[j].sentence == tokens[i].sentence]
    period = [j for j in near if j > i and any(k in r.per_period for k in tokens[j].keys)]
    return min([i, *money]), max([i, *money, *period[:1]])


# The words of a price or a fee beside an amount (round 13): that amount is what the worker pays.
PRICE_WORDS = frozenset(("рәсімдеу", "оформление", "rasmiylashtirish", "расмийлаштириш", "комиссия", "взнос", "fee", "fees",
                         "залог", "депозит", "deposit", "стоимость", "narxi", "бағасы", "құны", "төлемі",
                         "тіркелу", "регистрация", "registration", "ro'yxatdan", "рўйхатдан"))  # round 14: a registration


def is_price(doc: Doc, i: int) -> bool:
    """Tell whether the amount at number token i is named as a price or a fee (a word of PRICE_WORDS
    within three tokens of it, in its sentence)."""
    tokens = doc.tokens
    near = tokens[max(0, i - 3):i + 4]
    return any(t.sentence == tokens[i].sentence and t.keys & PRICE_WORDS for t in near)
