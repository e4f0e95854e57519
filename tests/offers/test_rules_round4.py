"""Round 4's signs that stay weak or absent on honest ads (the families themselves are tested in
test_rule_families.py). Every text is INVENTED."""
from __future__ import annotations

import pytest

from eval.offers import NotFound
from tests.offers.families_round4 import TITLE_AT_HOME
from verifier.offers.scan import find_flags, scan


@pytest.mark.parametrize("text", TITLE_AT_HOME)
def test_a_title_at_home_is_a_weak_sign_only(text):
    assert all(f["strength"] <= 1 for f in find_flags(text) if f["code"] == "entertainment"), text


def test_an_honest_shift_ad_is_not_high():
    text = ("Вахта 30/30 на Ямале, монтажники. Зарплата каждый месяц на карту любого банка, премия по окончании "
            "сезона. Билет и проживание за счёт компании, паспорт остаётся у вас. Официальное оформление по ТК РФ.")
    assert scan(text, "ru", NotFound())["risk"] != "high"
