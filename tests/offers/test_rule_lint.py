"""The rule tables say what they match: every pattern matches the text made of its own words, no
pattern is written twice in one list (verifier/offers/rules/lint.py). Texts here are INVENTED."""
from __future__ import annotations

import pytest

from verifier.offers.rules import rules
from verifier.offers.rules.lint import _self_match, _spellings, problems
from verifier.offers.scan import find_destination, find_flags
from verifier.offers.text import read_doc


def test_the_rule_files_have_no_problem():
    assert problems() == []


@pytest.mark.parametrize("source", [
    "сегодня до # : #",   # ":" is no word of a text: "до 18:00" reads "до 18 00"
    "within 24h/48h",     # "24h" starts with a number: it reads "24" "h"
    "u.k.",               # a full stop is no part of a word
    "easy, quick",        # nor is a comma
    "пиши= +/сюда",       # nor is a plus sign
])
def test_a_pattern_that_cannot_match_its_own_words_is_reported(source):
    assert _self_match(source, rules().money_keys)


def test_every_alternative_is_written_out_once():
    assert list(_spellings("a/b .. # c/d money")) == ["a 5 c $", "b 5 c $", "a 5 d $"]


@pytest.mark.parametrize("text, keys", [
    ("P2P связка", {"p2p"}),
    ("usdt TRC20 кошелек", {"trc20"}),
    ("кошелек TRC-20", {"trc-20"}),
    ("по визе E9", {"e-9"}),
])
def test_codes_of_letters_and_digits_are_one_word(text, keys):
    doc = read_doc(text)
    assert keys <= set(doc.index)


def test_a_language_level_is_no_visa_class():
    assert "b-2" not in read_doc("Немецкий B2, английский B1").index
    assert "visa" not in {f["code"] for f in find_flags("Немецкий язык B2 оплачивает работодатель, виза тоже.")}


@pytest.mark.parametrize("text", ["5000тг в день", "25к в неделю", "whatsapp87015551234"])
def test_amounts_and_glued_numbers_still_split(text):
    doc = read_doc(text)
    assert any(t.kind == "number" for t in doc.tokens)


@pytest.mark.parametrize("code, text", [
    ("crime_recruitment", "P2P связка, ищем партнёров, доход каждый день."),
    ("urgency", "Please confirm within 24h or the place goes to the next person."),
])
def test_lines_that_never_matched_now_raise(code, text):
    assert code in {f["code"] for f in find_flags(text)}


@pytest.mark.parametrize("text, country", [
    ("Warehouse job in the U.K., free housing.", "GB"),
    ("Drivers wanted in the U.S.A., CDL required.", "US"),
])
def test_countries_written_with_full_stops_are_read(text, country):
    assert find_destination(text) == country
