"""The verdict rules, in order of precedence.

1. warning          a strong match (same name, published phone, or licence number) on a warning list
2. licence_invalid  a strong match on a registry record whose licence is not valid (cancelled,
                    revoked, banned, expired — or "valid" but past its expiry date)
3. phone_mismatch   the name is a licensed agency's, but the phone given is not one it publishes
                    (or another agency publishes it): a common impersonation
4. licensed         a strong match on a registry record with a valid licence
5. similar          resembles listed records but is not the same one: they are shown; also a
                    record named exactly whose status is not understood (never "licensed")
6. not_found        nothing alike on any list; not found does not mean safe

Only the best tier of strong matches decides (within TIER points of the best name score), and
every strong match is shown, so two records with one name and different statuses both appear.
Reasons are (message, parameters) pairs; `check` translates them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from verifier.i18n import N_

# The words of a risk level, one table for every face (translated where shown).
RISK_LABELS = {"high": N_("High risk"), "medium": N_("Medium risk"), "low": N_("Low risk")}
from verifier.names.match import Hit


TIER = 5


@dataclass(frozen=True)
class VerdictKind:
    """One verdict: its code, risk, label, colour class, summary and the advice shown with it."""
    code: str
    risk: str
    label: str
    css: str
    summary: str
    advice: str


# Every verdict in one table, in order of precedence: check, the pages, the API, OpenAPI and the
# scripts all read it. Colour is never the only signal: each has a label in words. Columns:
# code, risk, label, colour class, summary (translated where shown), advice shown with it.
VERDICTS = {row[0]: VerdictKind(*row) for row in (
    ("warning", "high", N_("Warning: on a warning list"), "danger", N_("Warning: {name} is on a warning list published by {source}."), "report"),
    ("licence_invalid", "high", N_("Licence not valid"), "danger", N_("Not licensed now: {name} is listed as \u201c{status}\u201d by {source}."), "report"),
    ("phone_mismatch", "high", N_("Phone number does not match the licensed agency"), "caution", N_("Check the phone: {name} is licensed, but this number is not one it publishes."), "confirm"),
    ("licensed", "low", N_("Licensed"), "ok", N_("{name} is listed as licensed by {source}."), "confirm"),
    ("similar", "medium", N_("Only similar names found"), "caution", N_("Not found as typed; similar names are listed. Check the exact name."), "exact_name"),
    ("not_found", "medium", N_("Not found"), "unknown", N_("Not found on any list we hold. Not found does not mean safe."), "not_found"),
)}
RISK = {code: v.risk for code, v in VERDICTS.items()}
EXPIRED_SUMMARY = N_("Not licensed now: the licence of {name} expired on {expires} ({source}).")
LICENCE_OF_OTHER = N_("Check the licence number: it belongs to {other}, not to {name}.")
UNKNOWN_SUMMARY = N_("{name} is listed by {source}, but its status \u201c{status}\u201d is not one we "
                     "understand: confirm with the publisher.")


@dataclass
class Decision:
    """A verdict, its risk, a summary and reasons, each still to be translated."""
    verdict: str
    risk: str
    summary: tuple[str, dict]
    reasons: list[tuple[str, dict]] = field(default_factory=list)
    groups: dict[str, str] = field(default_factory=dict)  # record id -> effective status group


def effective_group(hit: Hit, today: date | None = None) -> str:
    """Return a record's status group, treating a valid licence past its expiry as invalid."""
    rec = hit.rec
    if rec.status_group == "valid" and rec.expires_on and rec.expires_on < (today or date.today()).isoformat():
        return "invalid"
    return rec.status_group


def is_strong(hit: Hit) -> bool:
    """Return True when a hit identifies its record (same name, its phone, or its licence)."""
    return hit.same or "phone" in hit.matched_on or "licence" in hit.matched_on


def decide_verdict(hits: list[Hit], asked_phone: bool, asked_name: bool) -> Decision:
    """Apply the rules above to merged hits (one per record)."""
    strong = [h for h in hits if is_strong(h)]
    best_name = max((h.score for h in strong if "name" in h.matched_on and h.same), default=0)
    tier = [h for h in strong if {"phone", "licence"} & set(h.matched_on) or h.score >= best_name - TIER]
    groups = {id(h): effective_group(h) for h in hits}
    decision = _decide(hits, tier, groups, asked_phone, asked_name)
    decision.groups = {h.rec.id: groups[id(h)] for h in hits}
    return decision


def _decide(hits: list[Hit], tier: list[Hit], groups: dict, asked_phone: bool, asked_name: bool) -> Decision:
    """Decide for the best tier of strong hits, or from the weak ones when there are none."""
    reasons = [_reason_for(h, groups[id(h)]) for h in tier]
    if warn := [h for h in tier if groups[id(h)] == "warning"]:
        return _decision("warning", warn[0], reasons)
    # Records the query names (by name or licence number) decide; a phone alone only identifies
    # its record when no name was given.
    named = [h for h in tier if (h.same and "name" in h.matched_on) or "licence" in h.matched_on]
    phone_only = [h for h in tier if h not in named]
    if named:
        return _decide_named(named, phone_only, groups, asked_phone, reasons)
    if phone_only and asked_name:
        other = phone_only[0]
        reasons.append((N_("The phone number is published by {other} ({source}), not by the name given."),
                        {"other": other.rec.name, "source": other.rec.source}))
        return _decision("phone_mismatch", other, reasons, N_(
            "Check the phone: this number is published by {name} ({source}), not by the agency named."))
    if phone_only:
        for group, verdict in (("invalid", "licence_invalid"), ("valid", "licensed")):
            if found := [h for h in phone_only if groups[id(h)] == group]:
                expired = verdict == "licence_invalid" and found[0].rec.status_group == "valid"
                return _decision(verdict, found[0], reasons, EXPIRED_SUMMARY if expired else "")
        return _decision("similar", phone_only[0], reasons, UNKNOWN_SUMMARY)
    if hits:
        near = [h for h in hits if not is_strong(h)][:3]
        for h in near:
            reasons.append((N_("Similar name: {name} ({source}, {status}), {score}% alike."),
                            {"name": h.rec.name, "source": h.rec.source, "status": h.rec.status or "—",
                             "score": h.score}))
        if any(groups[id(h)] == "warning" for h in near):
            reasons.append((N_("A similar name is on a warning list: ask for the exact registered name and check again."), {}))
        return _decision("similar", None, reasons)
    reasons.append((N_("No record on the lists we hold matches this query."), {}))
    reasons.append((N_("Many illegal recruiters are on no list at all: not found does not mean safe."), {}))
    return _decision("not_found", None, reasons)


def _decide_named(named: list[Hit], phone_only: list[Hit], groups: dict, asked_phone: bool,
                  reasons: list) -> Decision:
    """Decide for the records the query names: invalid first, then the phone check, then licensed."""
    if invalid := [h for h in named if groups[id(h)] == "invalid"]:
        expired = invalid[0].rec.status_group == "valid"
        return _decision("licence_invalid", invalid[0], reasons, EXPIRED_SUMMARY if expired else "")
    by_name = [h for h in named if h.same and "name" in h.matched_on]
    other = [h for h in named if "licence" in h.matched_on and "name" not in h.matched_on]
    if by_name and other and not any("licence" in h.matched_on for h in by_name):
        params = {"other": other[0].rec.name, "source": other[0].rec.source}
        reasons.append((N_("The licence or registration number given belongs to {other} ({source}), "
                           "not to the name given."), params))
        return _decision("licence_invalid", by_name[0], reasons, LICENCE_OF_OTHER, params)
    valid = [h for h in named if groups[id(h)] == "valid"]
    if not valid:
        reasons.append((N_("The status of this record is not one we understand: confirm with the source."), {}))
        return _decision("similar", named[0], reasons, UNKNOWN_SUMMARY)
    if asked_phone and not any("phone" in h.matched_on for h in valid):
        target = valid[0]
        if phone_only:
            reasons.append((N_("The phone number is published by another record: {other} ({source})."),
                            {"other": phone_only[0].rec.name, "source": phone_only[0].rec.source}))
        if target.rec.phones or phone_only:
            reasons.append((N_("Numbers published for {name}: {phones}."),
                            {"name": target.rec.name, "phones": ", ".join(target.rec.phones) or "—"}))
            return _decision("phone_mismatch", target, reasons)
        reasons.append((N_("{name} publishes no phone number, so the number could not be checked."),
                        {"name": target.rec.name}))
    return _decision("licensed", valid[0], reasons)


def _reason_for(h: Hit, group: str) -> tuple[str, dict]:
    """Return the reason line a strong hit contributes."""
    how = ", ".join(h.matched_on)
    params = {"name": h.rec.name, "source": h.rec.source, "status": h.rec.status or "—",
              "date": h.rec.status_date or h.rec.data_as_of or "—", "how": how, "expires": h.rec.expires_on or ""}
    if group == "warning":
        return N_("{name} is on a warning list published by {source}: {status} ({date}); matched by {how}."), params
    if group == "invalid":
        if h.rec.status_group == "valid":
            return N_("{name}: licence expired on {expires} ({source}); matched by {how}."), params
        return N_("{name}: \u201c{status}\u201d ({source}, {date}); matched by {how}."), params
    if group == "valid":
        return N_("{name}: \u201c{status}\u201d ({source}); matched by {how}."), params
    return N_("{name}: status \u201c{status}\u201d is not understood ({source}); matched by {how}."), params


def _decision(verdict: str, hit: Hit | None, reasons: list[tuple[str, dict]], summary: str = "",
              extra: dict | None = None) -> Decision:
    """Return a Decision with its summary filled from the deciding hit."""
    params = {"name": hit.rec.name, "source": hit.rec.source, "status": hit.rec.status or "—",
              "expires": hit.rec.expires_on or "", **(extra or {})} if hit else {}
    return Decision(verdict, RISK[verdict], (summary or VERDICTS[verdict].summary, params), reasons)
