"""Round 5 (precision): the narrowed families leave honest near-misses alone and still raise their lures."""
from __future__ import annotations

import pytest

from eval.offers import NotFound
from tests.offers.precision_round5 import HONEST, HONEST_CONTACT, RAISE
from verifier.offers.scan import scan


def _codes(text: str, lang: str) -> set[str]:
    """Give the flag codes the scan raises on a text."""
    return {f["code"] for f in scan(text, lang, NotFound())["flags"]}


@pytest.mark.parametrize(("code", "lang", "text"), HONEST + HONEST_CONTACT)
def test_an_honest_near_miss_is_not_flagged(code, lang, text):
    assert code not in _codes(text, lang), text


@pytest.mark.parametrize(("code", "lang", "text"), RAISE)
def test_the_family_is_still_raised(code, lang, text):
    assert code in _codes(text, lang), text
