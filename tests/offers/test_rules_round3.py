"""Rule families widened in round 3 (see families_round3.py): raised when said in other words and
languages, and not raised on honest ads near them. Every text is INVENTED."""
from __future__ import annotations

import pytest

from eval.offers import NotFound
from tests.offers.families_round3 import HONEST, RAISE
from verifier.offers.scan import find_flags, scan


@pytest.mark.parametrize("code,text", RAISE)
def test_a_family_said_in_other_words_is_raised(code, text):
    flags = {f["code"]: f for f in find_flags(text)}
    assert code in flags, (text, flags)


@pytest.mark.parametrize("code,text", HONEST)
def test_an_honest_ad_near_a_family_does_not_raise_it(code, text):
    assert code not in {f["code"] for f in find_flags(text)}, text


def test_one_weak_sign_alone_is_not_high():
    for text in ("Приём заявок до пятницы. Менеджер по продажам, доход от 300 000 тенге.",
                 "Customer support, work from home, paid weekly. Invented Corp, 2 Main Street."):
        assert scan(text, "en", NotFound())["risk"] != "high", text
