"""Floors on the labelled evaluation (eval/), run on the registry built from the real saved sources."""
from __future__ import annotations

import json

import pytest

from eval import build_cases, run


@pytest.fixture(scope="module")
def cases() -> list[dict]:
    """Return the committed cases."""
    return run.load_cases()


@pytest.fixture(scope="module")
def m(registry_db, cases) -> dict:
    """Return the metrics of every committed case (about 4,000 checks, a few seconds)."""
    return run.metrics(cases, failures=5)


def _examples(m: dict, *slices: str) -> str:
    return json.dumps({s: m["failures"].get(s, []) for s in slices}, ensure_ascii=False, indent=1)


def test_cases_file_matches_generator(registry_db, cases):
    """eval/cases.jsonl is what eval/build_cases.py makes of this data (else regenerate it)."""
    built = build_cases.build(registry_db)
    assert len(built) == len(cases)
    assert built == cases, "run `python -m eval.build_cases` and commit eval/cases.jsonl"


def test_every_slice_present(cases):
    assert {c["slice"] for c in cases} == set(run.SLICES)
    assert all(c["expect_verdicts"] for c in cases)


def test_recall_at_1_overall(m):
    assert m["recall_at_1"] >= 0.98, _examples(m, "typo", "cyrillic_of_latin", "homoglyph", "legal_form")


def test_recall_at_1_combined(m):
    assert m["slices"]["combined"]["recall_at_1"] >= 0.90, _examples(m, "combined")


def test_no_decoy_called_licensed_or_warning(m):
    assert (m["decoys_licensed"], m["decoys_warning"]) == (0, 0), _examples(m, "decoy")


def test_no_unlisted_name_called_licensed_or_warning(m):
    assert (m["unlisted_licensed"], m["unlisted_warning"]) == (0, 0), _examples(m, "unlisted")


def test_phone_variants_all_found(m):
    assert m["phone_variants_found"] == 1.0, _examples(m, "phone_variants")


def test_name_with_other_agencys_phone_always_flagged(m):
    assert m["name_other_phone_flagged"] == 1.0, _examples(m, "name_plus_other_phone")
