"""Each hard flag said in many ways (chat slang, emojis, broken grammar, abbreviations, Latin-typed
Russian; ru/kk/uz/en), and honest ads that come close to it without being it. Every text here is
INVENTED for the test and was written before the rules were widened for it; no text is taken from
an evaluation set."""
from __future__ import annotations

import pytest

from tests.offers.variety_honest import NEAR_MISS
from tests.offers.variety_raise import RAISE
from verifier.offers.scan import find_flags


@pytest.mark.parametrize("code,text", RAISE)
def test_a_flag_said_in_other_words_is_raised(code, text):
    flags = {f["code"]: f for f in find_flags(text)}
    assert code in flags, (text, flags)
    assert text[flags[code]["start"]:flags[code]["end"]] == flags[code]["quote"]


@pytest.mark.parametrize("code,text", NEAR_MISS)
def test_an_honest_ad_near_a_flag_does_not_raise_it(code, text):
    assert code not in {f["code"] for f in find_flags(text)}, text
