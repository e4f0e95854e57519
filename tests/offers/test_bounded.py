"""The offer scan's work is bounded by the text's length, whatever the text (issue 23).

Hypothesis builds adversarial texts of up to 20,000 characters (repeated stems and cancel words,
characters that expand when transliterated, joined digits and capitals, no sentence breaks) and the
scan's own step counter is held to a line in the length: the work, not the wall clock (times are
in benchmarks/bench_offer.py).
"""
from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from eval.offers import NotFound
from verifier.offers.scan import MAX_TEXT, Budget, ScanTimeout, scan

PIECES = ["escort ", "паспорт ", "оплатить визу ", "scam ", "мошенник ", "не ", "\ufdfa", "1-", "1 ", "000 ", "$",
          "AB-12-C-", "Abc ", "Ltd ", "Agency ", "агентство ", "«Ab ", "+7 701 555 12 34 ", "@aaa ", "a.", "Нaбuрaю ",
          "девушки 18-25 ", "# ", "в день ", "ТОО ", "—", ":", "\n", "ǅ", "ﷺ", "İ", "ß", "e-9 ", "Корея ", "завод "]
STEPS_PER_CHAR = 4  # measured worst about 0.7: room for new rules, far below a quadratic's thousands


@st.composite
def adversarial(draw) -> str:
    """Give a text made of a few pieces repeated up to MAX_TEXT characters."""
    parts = draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=4))
    unit = "".join(parts)
    return (unit * (MAX_TEXT // len(unit) + 1))[:draw(st.integers(1_000, MAX_TEXT))]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(adversarial())
def test_work_is_linear_in_the_length(text):
    budget = Budget()
    result = scan(text, "ru", NotFound(), budget=budget)
    assert result["ok"] and budget.steps <= STEPS_PER_CHAR * len(text) + 5_000, (budget.steps, text[:60])
    for f in result["flags"]:
        assert text[f["start"]:f["end"]] == f["quote"]


@pytest.mark.parametrize("text", [("escort " * 2857 + " scam")[:MAX_TEXT], ("escort \ufdfa" * 2500)[:MAX_TEXT - 5] + " scam",
                                  "1-" * 9_999, "AB-12-C-" * 2_500, "a." * 10_000])
def test_the_probes_inputs_stay_on_the_line(text):
    budget = Budget()
    scan(text, "ru", NotFound(), budget=budget)
    assert budget.steps <= STEPS_PER_CHAR * len(text) + 5_000


def test_a_text_longer_than_the_limit_is_read_only_to_it():
    short, long = Budget(), Budget()
    scan("паспорт " * 2_500, "ru", NotFound(), budget=short)
    scan("паспорт " * 25_000, "ru", NotFound(), budget=long)
    assert long.steps == short.steps


def test_deadline_and_stop_raise_scan_timeout():
    text = "оплатить визу 500$ " * 1_000
    with pytest.raises(ScanTimeout):
        scan(text, "ru", NotFound(), deadline=time.monotonic() - 1)
    with pytest.raises(ScanTimeout):
        scan(text, "ru", NotFound(), should_stop=lambda: True)
    assert scan(text, "ru", NotFound(), deadline=time.monotonic() + 60)["risk"] == "high"
