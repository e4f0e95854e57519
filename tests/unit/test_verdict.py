"""The verdict rules as a table: every rule and every precedence, on invented records (no real firm)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from verifier.names.match import Hit, Rec
from verifier.verdict import RISK, VERDICTS, decide_verdict

PAST = (date.today() - timedelta(days=30)).isoformat()
FUTURE = (date.today() + timedelta(days=300)).isoformat()


def rec(rid: str, group: str, kind: str = "registry", expires: str | None = None, phones=()) -> Rec:
    """Give an invented record with a status group."""
    status = {"valid": "Valid License", "invalid": "Cancelled", "warning": "listed", "unknown": "Pending"}[group]
    return Rec(rid, "invented", kind, f"INVENTED {rid.upper()}", status, group, "2026-01-01", expires,
               "PH", "2026-01-01", tuple(phones))


def name(r: Rec, score: int = 100, same: bool = True) -> Hit:
    """Give a name hit."""
    return Hit(r, score, same, ["name"], r.name, identifies=same)


def phone(r: Rec) -> Hit:
    """Give a phone hit."""
    return Hit(r, 100, True, ["phone"], "+630000000")


def licence(r: Rec) -> Hit:
    """Give a licence-number hit."""
    return Hit(r, 100, True, ["licence"], "X1")


VALID, VALID_P = rec("a", "valid", phones=("+631",)), rec("b", "valid", phones=("+632",))
INVALID, WARN = rec("c", "invalid"), rec("d", "warning", kind="warning")
EXPIRED, UNKNOWN = rec("e", "valid", expires=PAST), rec("f", "unknown")
CURRENT = rec("g", "valid", expires=FUTURE)

CASES = [
    # (hits, asked_phone, asked_name, verdict, deciding record id or None)
    ([name(WARN)], False, True, "warning", "d"),
    ([phone(WARN)], True, False, "warning", "d"),
    ([licence(WARN)], False, False, "warning", "d"),
    ([name(VALID), name(WARN, 98)], False, True, "warning", "d"),          # warning beats licensed
    ([name(INVALID), name(WARN)], False, True, "warning", "d"),             # warning beats invalid
    ([name(INVALID)], False, True, "licence_invalid", "c"),
    ([name(EXPIRED)], False, True, "licence_invalid", "e"),                 # valid but past expiry
    ([name(VALID), name(INVALID, 99)], False, True, "licence_invalid", "c"),  # stricter same-name wins
    ([name(INVALID), phone(VALID)], True, True, "licence_invalid", "c"),    # invalid beats mismatch
    ([name(VALID), licence(VALID_P)], False, True, "licence_invalid", "a"),  # another firm's licence
    ([Hit(VALID, 100, True, ["name", "licence"], "", identifies=True)], False, True, "licensed", "a"),
    ([name(VALID), phone(VALID_P)], True, True, "phone_mismatch", "a"),      # another record's phone
    ([name(VALID)], True, True, "phone_mismatch", "a"),                      # not a phone it publishes
    ([phone(VALID_P)], True, True, "phone_mismatch", "b"),                   # name matched nothing
    ([Hit(VALID, 100, True, ["name", "phone"], "", identifies=True)], True, True, "licensed", "a"),
    ([name(VALID)], False, True, "licensed", "a"),
    ([name(CURRENT)], False, True, "licensed", "g"),                         # expiry still ahead
    ([phone(VALID)], True, False, "licensed", "a"),
    ([phone(INVALID)], True, False, "licence_invalid", "c"),
    ([licence(VALID)], False, False, "licensed", "a"),
    ([name(UNKNOWN)], False, True, "similar", "f"),                          # unknown is never licensed
    ([phone(UNKNOWN)], True, False, "similar", "f"),
    ([name(VALID, 80, same=False)], False, True, "similar", None),
    ([name(WARN, 80, same=False)], False, True, "similar", None),            # look-alike of a warning
    ([], False, True, "not_found", None),
]


@pytest.mark.parametrize("hits,asked_phone,asked_name,verdict,decider", CASES)
def test_verdict_rules_and_precedence(hits, asked_phone, asked_name, verdict, decider):
    d = decide_verdict(hits, asked_phone=asked_phone, asked_name=asked_name)
    assert d.verdict == verdict, d
    assert d.risk == RISK[verdict] == VERDICTS[verdict].risk
    assert (d.summary[1].get("name") if d.summary[1] else None) == (f"INVENTED {decider.upper()}" if decider else None)


def test_expired_licence_says_when_it_expired():
    d = decide_verdict([name(EXPIRED)], asked_phone=False, asked_name=True)
    assert "expired on {expires}" in d.summary[0] and d.summary[1]["expires"] == PAST
    assert d.groups["e"] == "invalid"


def test_unknown_status_is_medium_and_says_confirm():
    d = decide_verdict([name(UNKNOWN)], asked_phone=False, asked_name=True)
    assert d.risk == "medium" and "confirm with the publisher" in d.summary[0]


def test_one_table_orders_the_verdicts():
    assert list(VERDICTS) == ["warning", "licence_invalid", "phone_mismatch", "licensed", "similar", "not_found"]
    assert {v.risk for v in VERDICTS.values()} == {"high", "medium", "low"}
