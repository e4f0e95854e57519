"""A strong verdict needs the whole firm (issue 21): the issue's table, on the real registry.

Each query below names only part of a listed firm (one word, a word many names share, a cut-off
alias, a Hong Kong firm as a Kazakh ТОО), so it must answer `similar` or `not_found`; the controls
name the whole firm and must keep their strong verdict. Broader figures: `python -m eval.strong`.
"""
import pytest
from anyascii import anyascii

NOT_THE_FIRM = [
    # (query, what it gives before the fix: the record it was taken for)
    ("ТОО Talent", "licensed: LK Talent Limited (HK)"),
    ("Talent Plus", "licensed: Aplus Talent Asia Limited (HK)"),
    ("Eagle LLP", "licensed: Eagle Consultants Limited (HK)"),
    ("Career LLP", "licensed: The Career Center Limited (HK)"),
    ("ТОО Jobs", "licensed: JobsR (HK)"),
    ("ТОО Star", "licensed: Stars Co. (HK)"),
    ("Diamond", "licensed: the cut-off alias \"(FORMERLY DIAMOND H\" (PH)"),
    ("ТОО Diamond", "licensed: the cut-off alias \"(FORMERLY DIAMOND H\" (PH)"),
    ("Групп", "licensed: AGroup Company (HK)"),
    ("101 Mojo", "licensed: 101 MOJO INT`L. CORPORATION (PH)"),
    ("ТОО Elegant Employment Agency", "licensed: Elegant Employment Agency, a Hong Kong firm, not a ТОО"),
    ("International", "licence_invalid: the cut-off alias \"(FORMERLY INTERNATIONAL\" (PH)"),
    ("Work", "licence_invalid: the alias \"(WORK INC)\" (PH)"),
    ("Orient", "warning: ТОО \"Orient Company\" (KZ)"),
    ("Береке", "warning: ТОО \"БЕРЕКЕ inc.\" (KZ)"),
]

THE_WHOLE_FIRM = [
    ("101 Mojo International Corp", "licensed", "101 MOJO INT`L. CORPORATION"),
    ("TOO Dymka", "warning", 'ТОО "ДЫМКА"'),
    ("3 JS Global Recruitment Agency", "licence_invalid", "3 JS GLOBAL RECRUITMENT AGENCY INC"),
]


@pytest.mark.parametrize("query,before", NOT_THE_FIRM, ids=[anyascii(q) for q, _ in NOT_THE_FIRM])
def test_part_of_a_firm_is_not_a_strong_verdict(engine, query, before):
    r = engine.check(query)
    top = r["matches"][0] if r["matches"] else {}
    assert r["verdict"] in ("similar", "not_found"), (
        f"{query!r} -> {r['verdict']} on {top.get('name')!r} (score {top.get('score')}); before the fix: {before}")


@pytest.mark.parametrize("query,verdict,name", THE_WHOLE_FIRM, ids=[q for q, _, _ in THE_WHOLE_FIRM])
def test_the_whole_firm_keeps_its_strong_verdict(engine, query, verdict, name):
    r = engine.check(query)
    assert r["verdict"] == verdict, (r["summary"], r["reasons"])
    assert r["matches"][0]["name"] == name
