"""Red flags of a read offer: each rule's first match outside cancelled sentences, with its quote.

Cancel patterns are found once per text (the set of sentences each flag is cancelled in), so a
match never re-reads its sentence; money amounts are read from the tokens a match covers.
"""
from __future__ import annotations

import re

from verifier.offers.destination import is_remote, place_of_work
from verifier.offers.notice import warned_sentences
from verifier.offers.quote import flag_dict
from verifier.offers.rules import FLAG_CODES, WEAK, Flag, rules
from verifier.offers.rules.match import any_match, can_match, matches, sentences_matching
from verifier.offers.text import Budget, Doc

AMOUNT_FLAGS = ("too_good",)


# The period words that name pay before its amount ("күніне 20 000 тг", "в сутки 8–12 тыс."); the others
# before a number belong to what comes earlier ("Ауысым 12 сағат, 10 500 тг", "за 35 смен; 80 000 руб.")
BEFORE_OK = frozenset(("күніне", "kuniga", "кунига", "аптасына", "haftasiga", "ҳафтасига", "daily", "weekly", "күнделікті", "kunlik", "кунлик",
                       "день", "сутки", "неделя", "day", "week"))
NOT_PERIODS = frozenset(("HR", "H"))  # human resources ("€2,500, contact HR"), not "/hr"
DAILY_WORDS = frozenset(("күнделікті", "kunlik", "кунлик", "daily", "weekly"))  # may stand before the pay word
YEARLY_FROM = 20000  # US dollars: an amount named with no period from this much is pay by the year
HOUR_WORDS = frozenset(("час", "hour", "hours", "сағат", "soat", "соат", "hr", "hrs"))
AFTER_HOURS = frozenset(("день", "сутки", "day"))  # "4 часа в день", "4 hours a day": a day after the hours is theirs
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


def _period(doc: Doc, i: int) -> float:
    """Give the months-per-period factor of the pay at number token i: the period word just before it
    ("күніне 5 000", or before the floor of a range "күніне 10–15 мың"), else after it before another number ("$16.50/hr, 40-60 hours": the hours are the 40's)."""
    r, tokens = rules(), doc.tokens
    j = i - 1  # the top of a range with a dash ("күніне 10–15 мың") takes the period before its floor
    if j >= 1 and tokens[j].kind == "number" and doc.original[tokens[j].end:tokens[i].start].strip() in RANGE_DASHES:
        j -= 1
    before = next((r.per_period[k] for k in tokens[j].keys if k in BEFORE_OK), None) if i else None
    if (before is not None and tokens[j].keys & AFTER_HOURS
            and any(t.keys & HOUR_WORDS and t.sentence == tokens[i].sentence for t in tokens[max(0, j - 2):j])):
        before = None  # "4 часа в день, 150 000 тг в месяц": the day is the hours', not the pay's
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


def pay_ratio(doc: Doc, first: int, last: int, month_cap: float | None = None) -> float:
    """Give the largest amount a span of tokens names, as a share of the too-good line of its currency (0 when none).

    The line is the currency's own (pay in tenge, sum or som is too good at home well below a
    foreign wage) or the common one in US dollars a month; pay by the day, hour or week has its own.
    `month_cap` lowers the month line (the line of the country the work is in)."""
    r, best = rules(), 0.0
    tokens = doc.tokens
    for i in range(first, last + 1):
        if tokens[i].kind != "number" or _range_top(tokens, i) or _cents(doc, i) or _digit_group(doc, i):
            continue
        value, end = _amount(doc, i)
        sentence = tokens[i].sentence
        currency = next((k for t in tokens[max(first, i - 2):min(last, end + 3) + 1] if t.sentence == sentence
                         for k in t.keys if k in r.money), None)
        if currency is None:
            continue
        after = tokens[end + 1].keys if end + 1 < len(tokens) else frozenset()
        mult = next((r.multipliers[k] for k in after if k in r.multipliers), 1)
        mult = 1 if mult == 1000 and value >= 1000 else mult  # "80 000 тыс." is 80,000 written twice
        period = _period(doc, i)
        month, by_period, by_day = (r.local_lines or {}).get(currency, (r.min_usd, r.min_usd_by_period, r.min_usd_by_period))
        month = min(month, month_cap) if month_cap else month
        by_period = by_day if period == r.per_period.get("day") else by_period
        usd = value * mult * r.money[currency]
        if period == 1.0 and usd >= YEARLY_FROM:
            period = 1 / 12  # "base salary $42,000": no monthly wage is that high
        line = by_period if period != 1.0 else month
        # a month's pay for a few hours a day is read as a full-time month's, against the higher line
        # (pay by the day for them is an income promise: easy_money's, not too_good's)
        factor = full_time_factor(doc, sentence) if period == 1.0 else 1.0
        if factor > 1.0:
            usd, line = usd * factor, max(month, by_period)
        best = max(best, usd * period / line)
    return best


FULL_DAY, MAX_FACTOR = 8, 4  # hours of a full working day; pay for 2 hours a day counts at most 4 times


def full_time_factor(doc: Doc, sentence: int) -> float:
    """Give how many times a day's or month's pay stands for a full day's, when its sentence (or a
    short message) says the work takes only a few hours a day ("2 часа в день, 600 000 тг в месяц")."""
    if "part_time" not in doc.memo:
        hours: dict[int, float] = {}
        for p in rules().part_time:
            for first, last in matches(doc, p, Budget()):
                n = max((float(int(_digits(t.text))) for t in doc.tokens[first:last + 1] if t.kind == "number"), default=2.0)
                for key in (doc.tokens[first].sentence, -1):
                    hours[key] = max(hours.get(key, 0.0), n)
        doc.memo["part_time"] = hours
    hours = doc.memo["part_time"]
    n = hours.get(sentence) or (hours.get(-1) if sum(t.kind == "word" for t in doc.tokens) <= SHORT else None)
    return min(MAX_FACTOR, FULL_DAY / n) if n and 0 < n < FULL_DAY else 1.0


def place_line(doc: Doc, budget: Budget) -> float | None:
    """Give the month line of unskilled pay in the country the work is in, where the rules set one
    lower than the currency's ("$1,500 for a maid" is ordinary in Moscow, far too much in Antalya)."""
    if "place_line" not in doc.memo:
        lines = rules().place_lines or {}
        doc.memo["place_line"] = lines.get(place_of_work(doc, budget)[0]) if lines else None
    return doc.memo["place_line"]


def pay_spans(doc: Doc, budget: Budget, month_cap: float | None = None):
    """Yield (first, last, share of the too-good line) for each number of the text named with a currency."""
    tokens = doc.tokens
    for i in doc.index.get("#", ()):  # the number tokens, in order
        budget.tick()
        first, last = max(0, i - 2), min(len(tokens) - 1, i + 3)
        ratio = pay_ratio(doc, i, last, month_cap) or pay_ratio(doc, first, i, month_cap)
        if ratio:
            yield i, last, ratio


def _pay_phrase(doc: Doc, i: int) -> tuple[int, int]:
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


def _is_price(doc: Doc, i: int) -> bool:
    """Tell whether the amount at number token i is named as a price or a fee (a word of PRICE_WORDS
    within three tokens of it, in its sentence)."""
    tokens = doc.tokens
    near = tokens[max(0, i - 3):i + 4]
    return any(t.sentence == tokens[i].sentence and t.keys & PRICE_WORDS for t in near)


def too_good_pay(doc: Doc, skip: set[int], budget: Budget) -> tuple[int, int] | None:
    """Give the tokens of pay at or above the too-good line for unskilled work, or None."""
    r = rules()
    by_period_only = False
    if not any(next(matches(doc, p, budget), None) for p in r.unskilled):
        if not any(next(matches(doc, p, budget), None) for p in r.entry_office):
            return None
        by_period_only = True  # an office job's salary a month may be ordinary; "$40 per hour" for it is not
    for i, last, ratio in pay_spans(doc, budget, place_line(doc, budget)):
        if _is_price(doc, i):
            continue  # "виза рәсімдеу — 2 500 фунт": the price of papers, not a wage
        first, end = _pay_phrase(doc, i)
        if ratio >= 1.0 and doc.tokens[i].sentence not in skip and not (by_period_only and _period(doc, i) == 1.0):
            return first, end
    return None


SHORT = 60  # words: a message this short is read as one sentence for easy_money
NEAR = 10  # tokens between the income and the no-effort words in a longer text


def _first_by_sentence(doc: Doc, patterns, budget: Budget, skip: set[int]) -> dict[int, tuple[int, int]]:
    """Give, per sentence, the first match of any of the patterns (sentence -1: the first in the text)."""
    found: dict[int, tuple[int, int]] = {}
    for p in patterns:
        for first, last in matches(doc, p, budget, skip=skip):
            s = doc.tokens[first].sentence
            for key in (s, -1):
                if key not in found or first < found[key][0]:
                    found[key] = (first, last)
    return found


def effortless(doc: Doc, budget: Budget, codes: set[str]) -> tuple:
    """Give the patterns of no effort for income: "no experience" and "easy work" among them, unless
    the text names work of the hands not done from home (an entry job, whose pay too_good judges)
    and no crime (a "courier" who hides stashes is no entry job). `codes`: the flags found so far."""
    r = rules()
    if "labour" not in doc.memo:
        doc.memo["labour"] = not is_remote(doc, budget) and any_match(doc, r.labour, budget)
    return r.effortless if doc.memo["labour"] and "crime_recruitment" not in codes else r.effortless + r.entry


def income_for_nothing(doc: Doc, skip: set[int], budget: Budget, codes: set[str]) -> tuple[int, int] | None:
    """Give the tokens from a promise of income to the no-effort words beside it, or None."""
    r = rules()
    income = _first_by_sentence(doc, r.income, budget, skip)
    if not income:
        return None
    effort = _first_by_sentence(doc, effortless(doc, budget, codes), budget, skip)
    short = sum(t.kind == "word" for t in doc.tokens) <= SHORT
    pairs = [(income[s], effort[s]) for s in income if s in effort
             and (short or (s >= 0 and abs(income[s][0] - effort[s][0]) <= NEAR))]
    if not pairs:
        return None
    a, b = min(pairs)
    return min(a[0], b[0]), max(a[1], b[1])


def _first_hit(doc: Doc, flag: Flag, skip: set[int], budget: Budget, patterns=None) -> tuple[int, int] | None:
    """Give the (first, last) tokens of the flag's first valid match, or None."""
    best = None
    for pattern in flag.patterns if patterns is None else patterns:
        for first, last in matches(doc, pattern, budget, flag.barrier, skip):
            if flag.code in AMOUNT_FLAGS and pay_ratio(doc, first, last, place_line(doc, budget)) < 1.0:
                continue
            if flag.code == "fee" and _paid_by_another(doc, last):
                continue
            if best is None or first < best[0]:
                best = (first, last)
            break
    return best


# "... visa application fee paid by Oakmere", "оплачивает ТОО «Бастау»": a payer named after the
# fee who is not the worker ("paid by the candidate" stays a fee)
_PAID_BY_RE = re.compile(r"\W{0,3}+(?:(?:is|are|will be|to be)\s++)?(?:paid|covered|funded|borne|met|sponsored)\s++by\s++"
                         r"(?!(?:the\s++)?(?:you|yourself|candidates?|applicants?|workers?|employees?|job\s*seekers?|"
                         r"participants?|trainees?|students?|the\s++worker)\b)\w", re.I)


def _paid_by_another(doc: Doc, last: int) -> bool:
    """Tell whether the words right after a fee say someone other than the worker pays it."""
    return bool(_PAID_BY_RE.match(doc.original, doc.tokens[last].end))


def _with_amount(doc: Doc, last: int) -> int:
    """Give `last`, moved over an amount that directly follows it ("за визу 300$") in its sentence."""
    tokens, r = doc.tokens, rules()
    nxt = last + 1
    if nxt < len(tokens) and tokens[nxt].kind == "number" and tokens[nxt].sentence == tokens[last].sentence:
        after = nxt + 1
        if after < len(tokens) and tokens[after].keys & r.money_keys and tokens[after].sentence == tokens[nxt].sentence:
            return after
    return last


def text_flags(doc: Doc, budget: Budget, skip_codes: tuple[str, ...] = ("private_channel",)) -> list[dict]:
    """Give the flags the text's words raise (private_channel and routes are decided elsewhere)."""
    r = rules()
    warned = warned_sentences(doc, budget)
    found, skips = [], {}
    for code, flag in r.flags.items():
        if code in skip_codes:
            continue
        if code not in ("too_good", "easy_money") and not any(can_match(doc, p) for p in (*flag.patterns, *flag.weak)):
            continue  # none of its patterns can match: its cancels need no reading
        if any_match(doc, flag.cancel_anywhere, budget):
            continue
        skip = skips[code] = warned | sentences_matching(doc, list(flag.cancel), budget)
        hit = _first_hit(doc, flag, skip, budget)
        if hit is None and code == "too_good":
            hit = too_good_pay(doc, skip, budget)
        if hit is None and code == "easy_money":
            hit = income_for_nothing(doc, skip, budget, {f["code"] for f in found})
        if hit is not None:
            found.append(flag_dict(doc, code, hit[0], _with_amount(doc, hit[1]) if code == "fee" else hit[1]))
        elif (flag.weak and not any_match(doc, flag.weak_cancel, budget)
              and (hit := _first_hit(doc, flag, skip, budget, flag.weak)) is not None):
            found.append(flag_dict(doc, code, *hit, strength=WEAK))
    return found + _money_for_nothing(doc, found, skips.get("easy_money"), budget)


INCOME_FLAGS = frozenset(("too_good", "crime_recruitment"))


def _money_for_nothing(doc: Doc, found: list[dict], skip: set[int] | None, budget: Budget) -> list[dict]:
    """Give `easy_money` when the offer promises pay far above the norm, or income for passing money
    or goods on, and says anywhere that it needs no skill, experience or time ("No experience
    necessary"): the income for nothing is spread over the offer, not said in one sentence.
    `skip`: easy_money's cancelled sentences, None when its `cancel_anywhere` took it back."""
    codes = {f["code"] for f in found}
    if skip is None or "easy_money" in codes:
        return []
    if not codes & INCOME_FLAGS:
        return _paid_home_work(doc, skip, budget)
    effort = _first_by_sentence(doc, effortless(doc, budget, codes), budget, skip).get(-1)
    return [] if effort is None else [flag_dict(doc, "easy_money", *effort)]


def _paid_home_work(doc: Doc, skip: set[int], budget: Budget) -> list[dict]:
    """Give `easy_money` for pay named for work from home that "needs no experience" (data entry,
    typing, "home-based" support): income for nothing spread over a job-board posting."""
    no_skill = _first_by_sentence(doc, rules().no_skill, budget, skip).get(-1)
    if no_skill is None or next(pay_spans(doc, budget), None) is None or not is_remote(doc, budget):
        return []
    return [flag_dict(doc, "easy_money", *no_skill)]


def sort_flags(flags: list[dict]) -> list[dict]:
    """Give the flags in the order of FLAG_CODES."""
    return sorted(flags, key=lambda f: FLAG_CODES.index(f["code"]))
