"""Red flags of a read offer: each rule's first match outside cancelled sentences, with its quote.

Cancel patterns are found once per text (the set of sentences each flag is cancelled in), so a
match never re-reads its sentence; money amounts are read from the tokens a match covers.
"""
from __future__ import annotations

import re

from verifier.offers.destination import is_remote
from verifier.offers.notice import warned_sentences
from verifier.offers.pay import (full_time_factor, is_price, is_short, names_few_hours, only_wages, pay_period,
                                 pay_phrase, pay_ratio, pay_spans, place_line)
from verifier.offers.quote import flag_dict
from verifier.offers.rules import FLAG_CODES, WEAK, Flag, rules
from verifier.offers.rules.match import any_match, can_match, matches, sentences_matching
from verifier.offers.text import Budget, Doc

AMOUNT_FLAGS = ("too_good",)


def too_good_pay(doc: Doc, skip: set[int], budget: Budget) -> tuple[int, int] | None:
    """Give the tokens of pay at or above the too-good line for unskilled work, or None."""
    r = rules()
    by_period_only = False
    if not any(next(matches(doc, p, budget), None) for p in r.unskilled):
        if not any(next(matches(doc, p, budget), None) for p in r.entry_office):
            return None
        by_period_only = True  # an office job's salary a month may be ordinary; "$40 per hour" for it is not
    for i, last, ratio in pay_spans(doc, budget, place_line(doc, budget)):
        if is_price(doc, i):
            continue  # "виза рәсімдеу — 2 500 фунт": the price of papers, not a wage
        first, end = pay_phrase(doc, i)
        if ratio >= 1.0 and doc.tokens[i].sentence not in skip and not (by_period_only and pay_period(doc, i) == 1.0):
            return first, end
    return None


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
    short = is_short(doc)
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
            if flag.code == "fee" and (_paid_by_another(doc, last) or only_wages(doc, first, last)):
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
        cancelled = sentences_matching(doc, list(flag.cancel), budget)
        if cancelled and flag.keep:
            cancelled -= sentences_matching(doc, list(flag.keep), budget)
        skip = skips[code] = warned | cancelled
        hit = _first_hit(doc, flag, skip, budget)
        if hit is None and code == "too_good":
            hit = too_good_pay(doc, skip, budget)
        if hit is None and code == "easy_money":
            hit = income_for_nothing(doc, skip, budget, {f["code"] for f in found})
        if hit is not None:
            found.append(flag_dict(doc, code, hit[0], _with_amount(doc, hit[1]) if code == "fee" else hit[1]))
            if code == "fee":
                doc.memo["fee_span"] = (found[-1]["start"], found[-1]["end"])  # its amount is a price, no wage
        elif (flag.weak and not any_match(doc, flag.weak_cancel, budget)
              and (hit := _first_hit(doc, flag, skip, budget, flag.weak)) is not None):
            found.append(flag_dict(doc, code, *hit, strength=WEAK))
    return found + _money_for_nothing(doc, found, skips.get("easy_money"), budget)


INCOME_FLAGS = frozenset(("too_good", "crime_recruitment"))


def _money_for_nothing(doc: Doc, found: list[dict], skip: set[int] | None, budget: Budget) -> list[dict]:
    """Give `easy_money` when the offer promises pay far above the norm, or income for passing money
    or goods on, and says anywhere that it needs no skill, experience or time ("No experience
    necessary"): the income for nothing is spread over the offer, not said in one sentence. Also the
    pay promised for a crime that is no job of the hands (a card lent, money passed on), and, with no
    income flag, pay for home work or for a few hours a day.
    `skip`: easy_money's cancelled sentences, None when its `cancel_anywhere` took it back."""
    codes = {f["code"] for f in found}
    if skip is None or "easy_money" in codes:
        return []
    if not codes & INCOME_FLAGS:
        return _paid_home_work(doc, skip, budget) or _pay_for_few_hours(doc, skip, budget)
    effort = _first_by_sentence(doc, effortless(doc, budget, codes), budget, skip).get(-1)
    if effort is None and "crime_recruitment" in codes and not doc.memo.get("labour"):
        effort = _crime_pay(doc, skip, budget)  # money for a card or an account, not a courier's wage
    return [] if effort is None else [flag_dict(doc, "easy_money", *effort)]


def _pay_for_few_hours(doc: Doc, skip: set[int], budget: Budget) -> list[dict]:
    """Give `easy_money` for a month's pay that, for the few hours a day the text names, would be far
    above the line full-time ("2 часа в день с телефона, 600 000 тг в месяц"): income for little time."""
    if not names_few_hours(doc):
        return []  # no pay is scaled: no pass over the amounts
    for i, _, ratio in pay_spans(doc, budget, place_line(doc, budget), part_time=True):
        sentence = doc.tokens[i].sentence
        if ratio >= 1.0 and sentence not in skip and not is_price(doc, i) and full_time_factor(doc, sentence) > 1.0:
            return [flag_dict(doc, "easy_money", *pay_phrase(doc, i))]
    return []


def _crime_pay(doc: Doc, skip: set[int], budget: Budget) -> tuple[int, int] | None:
    """Give the tokens of the pay a crime is recruited for (an amount with its currency, or a share:
    "10% sizniki", "15–30к за заход"): money promised for lending a card or passing money on."""
    for i, _, _ in pay_spans(doc, budget):
        if doc.tokens[i].sentence not in skip and not is_price(doc, i):
            return pay_phrase(doc, i)
    for i in doc.index.get("%", ()):
        if i and doc.tokens[i - 1].kind == "number" and doc.tokens[i].sentence not in skip:
            return i - 1, i
    return None


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
