"""Long honest English postings as job boards carry them raise (almost) no flag, and the lure forms
beside each rule narrowed for them still raise. Every text is INVENTED
(tests/offers/english_postings.py)."""
from __future__ import annotations

import pytest

from eval.offers import NotFound
from tests.offers.english_postings import HONEST_POSTINGS
from verifier.offers.scan import scan

MAX_FLAGGED_SHARE = 0.02  # of the honest postings, any flag at all


def test_the_set_is_long_and_varied():
    assert len(HONEST_POSTINGS) == 80 and len(set(HONEST_POSTINGS)) == 80
    assert sum(len(p.split()) for p in HONEST_POSTINGS) / len(HONEST_POSTINGS) > 100


def test_no_honest_posting_is_high_and_few_carry_a_flag():
    results = [scan(text, "en", NotFound()) for text in HONEST_POSTINGS]
    high = [(i, r["flags"]) for i, r in enumerate(results) if r["risk"] == "high"]
    flagged = [(i, [(f["code"], f["quote"]) for f in r["flags"]]) for i, r in enumerate(results) if r["flags"]]
    assert high == [], high
    assert len(flagged) <= MAX_FLAGGED_SHARE * len(HONEST_POSTINGS), flagged


@pytest.mark.parametrize("code,lure,honest", [
    ("urgency", "Applications close tonight, send your passport now.", "Applications close on 31 January."),
    ("urgency", "Waiters urgently required for Dubai, fly next week.", "URGENT REQUIREMENT: Staff Nurse (ICU), Riyadh."),
    ("debt", "We buy your ticket and you repay it from your salary.",
     "Salary $128,000 plus a sign-on bonus and student loan repayment assistance."),
    ("too_good", "Packers wanted, no experience, $4,000 a month.",
     "No experience? Our training teaches you. Earn $60,000 - $120,000 OTE! Top reps earn over $150k."),
    ("too_good", "Kitchen porter, no experience, £3,000 a month.",
     "No experience necessary: we pay for your PCV licence (worth over £3,000)."),
    ("easy_money", "Be your own boss, unlimited earning potential.",
     "Delivery Drivers Wanted - Be Your Own Boss! Deliver packages on your own schedule."),
    ("easy_money", "Earn $400 per week from home, no experience.",
     "Accommodation available on site in cabins at NZ$150 per week (optional)."),
    ("easy_money", "Earn $3,500 per week from home, no experience.", "Travel nurses can earn $3,500 per week."),
    ("easy_money", "Earn $500 daily from home with your phone.", "Earn a $1,000 sign-on bonus after 90 days."),
    ("debt", "We pay your flight and you pay it back from your wages.",
     "Relocation assistance is subject to a repayment agreement if you leave within one year."),
    ("fee", "You must pay a deposit of $300 before we send the contract.",
     "Cash handling experience required; you will deposit takings at the bank daily."),
    ("crime_recruitment", "Receive parcels at your home and reship them to our partners abroad.",
     "Handle incoming parcels and reship orders to customers from our warehouse."),
    ("visa", "You travel on a tourist visa and we change it there.",
     "Candidates on a tourist visa are not eligible; we do not sponsor."),
    ("entertainment", "Escort work for young ladies, high pay.", "Escort vehicle driver (pilot car) for oversize loads."),
    ("fee", "Pay a deposit of $200 before departure to hold your place.",
     "A deposit of $200 for the staff apartment is returned at the end of your lease."),
    ("debt", "The cost of your visa is deducted from your wages.",
     "We deduct the cost of meals from wages at $5 per day, as allowed by state law."),
    ("fee", "The processing fee costs $300, paid before the interview.",
     "Parking costs $5 per day at the hospital garage; staff permits are discounted."),
    ("personal_payment", "Payment via Western Union only; bank transfer is not accepted.",
     "Payment via Western Union or MoneyGram is not accepted; all pay is by bank transfer."),
])
def test_narrowed_rules_still_raise_on_the_lure_form(code, lure, honest):
    lure_codes = {f["code"] for f in scan(lure, "en", NotFound())["flags"]}
    honest_codes = {f["code"] for f in scan(honest, "en", NotFound())["flags"]}
    assert code in lure_codes, (lure, lure_codes)
    assert code not in honest_codes, (honest, honest_codes)
