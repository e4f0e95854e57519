"""Identity before verdict: which legal forms belong to which country, and the name words hidden as forms."""
from __future__ import annotations

import pytest

from verifier.names.identity import leading_form, trade_words
from verifier.names.normalize import legal_form_fits, name_key


@pytest.mark.parametrize("query,country,fits", [
    ("ТОО Invented Star", "KZ", True), ("ТОО Invented Star", "HK", False), ("ЖШС «Invented Star»", "PH", False),
    ("ООО «Invented Star»", "KZ", False), ("ООО «Invented Star»", "RU", True), ("Invented Star MChJ", "UZ", True),
    ("Invented Star MChJ", "KZ", False), ("Invented Star LLP", "KZ", True), ("Invented Star LLP", "HK", False),
    ("Invented Star LLC", "KZ", False), ("Invented Star Inc.", "KZ", False), ("Invented Star Inc.", "HK", True),
    ("Invented Star Limited", "PH", True), ("Invented Star Limited", "KZ", False), ("Invented Star Company", "KZ", True),
    ("ТОО Invented Star", "", True),  # a record of no known country fits every form
])
def test_a_legal_form_fits_the_countries_it_belongs_to(query, country, fits):
    forms = name_key(query).legal_forms
    assert forms and all(legal_form_fits(f, country) for f in forms) is fits, forms


@pytest.mark.parametrize("name,lead", [
    ("INC INVENTED NAVIGATION INC", "inc"), ("INCORPORATED INVENTED SERVICES", "incorporated"),
    ("INVENTED NAVIGATION INC", None), ("ТОО Invented Star", None), ("Inc", None),
])
def test_a_latin_legal_form_at_the_start_is_a_word_of_the_name(name, lead):
    assert leading_form(name) == lead


def test_trade_words_are_read_as_name_keys_spell_them():
    words = trade_words()
    assert {name_key(w).tokens[0] for w in ("Agency", "Групп", "Manpower", "International")} <= words
    assert name_key("Invented").tokens[0] not in words
