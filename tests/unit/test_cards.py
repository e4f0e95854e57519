"""Card numbers are found in every way people write them and masked to their last four digits."""
from __future__ import annotations

import pytest

from verifier.offers.cards import MASK, find_cards, luhn_ok, mask_cards, mask_result

VISA = "4111111111111111"          # the card networks' published test numbers, not anyone's card
AMEX = "378282246310005"
DINERS = "30569309025904"


def luhn_completed(prefix: str) -> str:
    """Give the prefix with the check digit that makes it pass Luhn."""
    return next(prefix + d for d in "0123456789" if luhn_ok(prefix + d))


NINETEEN = luhn_completed("622126000000000000")


def grouped(digits: str, sizes: tuple[int, ...], sep: str) -> str:
    """Give the digits cut into groups of these sizes joined by sep."""
    out, pos = [], 0
    for size in sizes:
        out.append(digits[pos:pos + size])
        pos += size
    return sep.join(out)


WRITTEN = [
    grouped(VISA, (4, 4, 4, 4), " "), grouped(VISA, (4, 4, 4, 4), "-"), grouped(VISA, (4, 4, 4, 4), "."),
    grouped(VISA, (4, 4, 4, 4), "  "), grouped(VISA, (4, 4, 4, 4), "\u00a0"), grouped(VISA, (4, 4, 4, 4), "/"),
    grouped(VISA, (4, 4, 4, 4), "\u202f"), grouped(VISA, (4, 4, 4, 4), " - "), grouped(VISA, (4, 12), "-"),
    grouped(VISA, (4, 12), " "), VISA, grouped(AMEX, (4, 6, 5), " "), grouped(AMEX, (4, 6, 5), "-"), AMEX,
    grouped(DINERS, (4, 6, 4), " "), NINETEEN, grouped(NINETEEN, (4, 4, 4, 4, 3), " "),
    grouped(NINETEEN, (4, 4, 4, 4, 3), "."),
]


@pytest.mark.parametrize("written", WRITTEN)
def test_every_written_form_is_masked_but_its_last_four(written):
    text = f"Оплата на карту {written} до пятницы."
    masked = mask_cards(text)
    digits = "".join(ch for ch in written if ch.isdigit())
    assert len(masked) == len(text)  # offsets into the text stay valid
    shown = "".join(ch for ch in masked if ch.isdigit())
    assert shown == digits[-4:] and masked.count(MASK) == len(digits) - 4
    assert find_cards(text) == [(text.index(written), text.index(written) + len(written))]


@pytest.mark.parametrize("text", [
    "Тел. 8 707 281 71 85, +7 701 555 12 34",        # phones
    "БИН 180340021793, лицензия № 0012345",            # registration numbers
    "4111 1111 1111 1112",                             # fails the Luhn check
    "12.05.2024 – 15.06.2024",                         # dates
    "41111111111111111111111",                         # a 23-digit run is no card
])
def test_other_numbers_are_left_alone(text):
    assert mask_cards(text) == text


def test_a_card_followed_by_its_expiry_date_is_found_whole():
    text = f"карта {grouped(VISA, (4, 4, 4, 4), ' ')} 12/27"
    assert mask_cards(text) == f"карта {MASK * 4} {MASK * 4} {MASK * 4} 1111 12/27"


def test_results_are_masked_in_every_string_however_deep():
    result = {"query": VISA, "parsed": {"name": f"x {AMEX}", "phones": [VISA]}, "n": 3, "none": None,
              "flags": [{"quote": grouped(VISA, (4, 4, 4, 4), ".")}]}
    masked = mask_result(result)
    assert masked["n"] == 3 and masked["none"] is None
    assert VISA not in str(masked) and AMEX not in str(masked) and "4111." not in str(masked)
    assert masked["parsed"]["phones"] == [MASK * 12 + "1111"]


def test_a_result_with_no_card_is_given_back_and_two_strings_never_make_one_card():
    halves = {"a": VISA[:8], "b": [VISA[8:]], "c": {"d": "4111 1111", "e": "1111 1111"}}
    assert mask_result(halves) == halves
    assert mask_result({"k": [f"pay to {VISA} now"]})["k"] == [f"pay to {MASK * 12}1111 now"]
