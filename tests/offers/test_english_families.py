"""English offers by family of job-board fraud, and honest English ads close to them (remote jobs,
jobs abroad, sales with commission, hospitals, teaching, seasonal schemes, hotels). Every text is
INVENTED (tests/offers/english_families.py)."""
from __future__ import annotations

import pytest

from eval.offers import NotFound
from tests.offers.english_families import FRAUD, HONEST
from verifier.offers.scan import scan


@pytest.mark.parametrize("code,text", FRAUD)
def test_each_fraud_family_raises_its_flag(code, text):
    flags = {f["code"]: f for f in scan(text, "en", NotFound())["flags"]}
    assert code in flags, (text, flags)
    assert text[flags[code]["start"]:flags[code]["end"]] == flags[code]["quote"]


@pytest.mark.parametrize("text", HONEST)
def test_honest_english_ads_raise_no_flag(text):
    result = scan(text, "en", NotFound())
    assert result["flags"] == [] and result["risk"] != "high", result["flags"]


@pytest.mark.parametrize("text,too_good", [
    ("Dishwasher, $17 an hour, no experience needed.", False),
    ("Warehouse picker, $16.50/hr, 40-60 hours per week, no experience needed.", False),
    ("Sales trainee, base salary $42,000 a year, no experience needed.", False),
    ("Room attendants in London, £3,500 a month, no experience needed.", True),
    ("Housekeepers in Toronto, CAD 5,200 per month, no experience needed.", True),
])
def test_pay_is_read_with_its_own_period_and_currency(text, too_good):
    codes = {f["code"] for f in scan(text, "en", NotFound())["flags"]}
    assert ("too_good" in codes) is too_good, (text, codes)
