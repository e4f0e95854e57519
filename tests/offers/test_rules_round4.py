"""Rule families widened in round 4 (families_round4.py, families_round4_more.py): raised when said in
other words and languages, and not raised on honest ads near them. Every text is INVENTED."""
from __future__ import annotations

import pytest

from eval.offers import NotFound
from tests.offers import families_round4 as first, families_round4_more as more
from tests.offers.families_round4 import TITLE_AT_HOME
from verifier.offers.scan import find_flags, scan

RAISE = first.RAISE + more.RAISE
HONEST = first.HONEST + more.HONEST


@pytest.mark.parametrize("code,text", RAISE)
def test_a_family_said_in_other_words_is_raised(code, text):
    flags = {f["code"]: f for f in find_flags(text)}
    assert code in flags, (text, flags)


@pytest.mark.parametrize("code,text", HONEST)
def test_an_honest_ad_near_a_family_does_not_raise_it(code, text):
    assert code not in {f["code"] for f in find_flags(text)}, text


@pytest.mark.parametrize("text", TITLE_AT_HOME)
def test_a_title_at_home_is_a_weak_sign_only(text):
    assert all(f["strength"] <= 1 for f in find_flags(text) if f["code"] == "entertainment"), text


def test_an_honest_shift_ad_is_not_high():
    text = ("Вахта 30/30 на Ямале, монтажники. Зарплата каждый месяц на карту любого банка, премия по окончании "
            "сезона. Билет и проживание за счёт компании, паспорт остаётся у вас. Официальное оформление по ТК РФ.")
    assert scan(text, "ru", NotFound())["risk"] != "high"
