"""Rule families widened in rounds 3 and 4 (families_round3.py, families_round4.py,
families_round4_more.py): raised when said in other words and languages, and not raised on honest
ads near them. Every text is INVENTED."""
from __future__ import annotations

import pytest

from eval.offers import NotFound
from tests.offers import families_round3 as round3, families_round4 as round4, families_round4_more as round4_more
from verifier.offers.scan import find_flags, scan

RAISE = round3.RAISE + round4.RAISE + round4_more.RAISE
HONEST = round3.HONEST + round4.HONEST + round4_more.HONEST


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
