"""Property tests (hypothesis) on normalisation: arbitrary input never crashes it."""
from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from verifier.names.normalize import clean_text, name_key
from verifier.names.numbers import licence_key, looks_like_licence, looks_like_phone, parse_phones, phone_digits

REGIONS = st.sampled_from(["KZ", "PH", "HK", "RU", "UZ", None, "", "ZZ", "kz", "\x00"])
# Text as callers type it: every script we meet, digits, punctuation, controls and odd Unicode.
ANY_TEXT = st.text(max_size=120)
PHONEISH = st.text(alphabet="0123456789+()-. /#x", min_size=1, max_size=40)
SETTINGS = settings(max_examples=400, deadline=None)


@SETTINGS
@given(ANY_TEXT)
@example("ТОО «ДЫМКА»\x00\u202e")
@example(" " * 500)
@example("𠀀" * 50)
def test_name_key_never_raises_and_gives_plain_tokens(text):
    key = name_key(text)
    assert key.key == " ".join(key.tokens)
    assert all(t and not any(c.isspace() for c in t) for t in key.tokens)


@SETTINGS
@given(st.one_of(ANY_TEXT, PHONEISH), REGIONS)
@example("8 (7252) 30-01-52", "KZ")
@example("+" * 40, "KZ")
@example("(02) 86818959 / 8681-8960", "PH")
def test_phone_parsing_never_raises(text, region):
    phones = parse_phones(text, region)
    assert all(p.e164.startswith("+") and p.e164[1:].isdigit() for p in phones)
    phone_digits(text)
    looks_like_phone(text)


@SETTINGS
@given(PHONEISH, st.sampled_from(["KZ", "PH", "HK"]))
def test_a_parsed_number_parses_to_itself(text, region):
    for phone in parse_phones(text, region):
        assert [p.e164 for p in parse_phones(phone.e164, region)] == [phone.e164]


@SETTINGS
@given(ANY_TEXT)
def test_clean_text_is_idempotent_and_bounded(text):
    once = clean_text(text, 300)
    assert clean_text(once, 300) == once and len(once) <= 300


@SETTINGS
@given(st.text(alphabet=st.characters(codec="ascii"), max_size=60))
def test_licence_key_is_idempotent_on_typed_input(text):
    key = licence_key(text)
    assert licence_key(key) == key
    looks_like_licence(text)


@SETTINGS
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", max_size=40))
@example("Kooumba Services")
@example("aa a")
@example("aoo a")
def test_name_key_reaches_a_fixed_point(text):
    """A key normalises to itself once legal-form words that folding created are gone.

    Legal forms are recognised on unfolded words (so "LK" is not "LLC"); folding can then produce
    one ("aoo" -> "ao", Russian АО), which a second pass takes out. From there the key is stable.
    """
    once = name_key(name_key(text).key).key
    assert name_key(once).key == once
    assert len(once) <= len(name_key(text).key)
