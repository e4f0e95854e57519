"""The one-box slice: a name with its own phone or BIN typed into one box, as callers read them out.

    VERIFIER_DB=data/verifier.db python -m eval.box [--n 400] [--failures 10] [--json]

Cases are drawn at run time from the real registry (seeded, so the same registry gives the same
cases): records whose name and phone (or BIN) belong to them alone, written the ways people copy
them from a message — "X tel. 8 707 …", "X, тел. …", "X (…)", the number first, "БИН …", "BIN: …",
"лицензия № …". A case is right when the first match is the record and the verdict is its own.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
from collections import Counter, defaultdict

import phonenumbers

VERDICT_OF = {"valid": "licensed", "invalid": "licence_invalid", "warning": "warning"}
PHONE_FORMS = ("{name} tel. {phone}", "{name}, тел. {phone}", "{name} ({phone})", "{phone} {name}",
               "{name} phone: {phone}", "{name} WhatsApp {phone}", "{name} тел {phone}", "{name}, {phone}",
               "фирма {name}, номер {phone}", "the firm is {name}, the number is {phone}", "{name} / {phone}",
               "{name} — WhatsApp: {phone}", "{name} тел.{phone}", "тел. {phone}, {name}", "{name} [{phone}]")
LICENCE_FORMS = ("{name} БИН {lic}", "БИН {lic} {name}", "{name} (BIN: {lic})", "{name}, ИИН {lic}",
                 "{name} лицензия № {lic}", "{name} licence no. {lic}", "{lic} {name}", "{name} {lic}",
                 "{name}, BIN {lic}", "{lic} — {name}", "{name} (БИН: {lic})", "ИИН/БИН {lic} {name}",
                 "license No. {lic}, {name}", "{name} БИН:{lic}")


def _unique(conn, sql: str, fold=lambda v: v) -> set:
    """Return the values a query gives that belong to one current record only."""
    counts = Counter(fold(v) for (v,) in conn.execute(sql))
    return {v for v, n in counts.items() if n == 1}


def _phone_text(e164: str, rng: random.Random) -> str:
    """Return a number written as people write it: national or international, spaced or not."""
    num = phonenumbers.parse(e164)
    fmt = rng.choice((phonenumbers.PhoneNumberFormat.NATIONAL, phonenumbers.PhoneNumberFormat.INTERNATIONAL))
    return phonenumbers.format_number(num, fmt)


def build_cases(db: str, n: int = 400, seed: int = 7) -> list[dict]:
    """Return box cases from the registry: half name+phone, half name+BIN (where BINs exist)."""
    rng = random.Random(seed)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    live = "from agencies where removed_at is null"
    names = _unique(conn, f"select name {live}", str.lower)
    phones = _unique(conn, f"select p.e164 from phones p join agencies a on a.id = p.agency_id "
                           f"where a.removed_at is null")
    lics = _unique(conn, f"select licence_key {live} and licence_key != ''")
    by_phone, by_lic = [], []
    for rid, name, group, e164 in conn.execute(
            f"select a.id, a.name, a.status_group, p.e164 from agencies a join phones p on p.agency_id = a.id "
            f"where a.removed_at is null and p.valid = 1 order by a.id, p.e164"):
        if name.lower() in names and e164 in phones and group in VERDICT_OF:
            by_phone.append((rid, name, group, e164))
    for rid, name, group, lic, key in conn.execute(
            f"select id, name, status_group, licence_number, licence_key {live} and licence_key != '' order by id"):
        if name.lower() in names and group in VERDICT_OF and key in lics:
            by_lic.append((rid, name, group, lic))
    cases = []
    for rid, name, group, e164 in rng.sample(by_phone, min(n // 2, len(by_phone))):
        q = rng.choice(PHONE_FORMS).format(name=name, phone=_phone_text(e164, rng))
        cases.append({"q": q, "expect_id": rid, "expect_verdict": VERDICT_OF[group], "kind": "name+phone"})
    for rid, name, group, lic in rng.sample(by_lic, min(n - len(cases), len(by_lic))):
        q = rng.choice(LICENCE_FORMS).format(name=name, lic=lic)
        cases.append({"q": q, "expect_id": rid, "expect_verdict": VERDICT_OF[group], "kind": "name+licence"})
    return cases


def measure(engine, cases: list[dict]) -> dict:
    """Return the share of cases whose first match is the record with its own verdict, per kind."""
    from verifier.check import QueryError
    right, total, fails = Counter(), Counter(), defaultdict(list)
    for case in cases:
        total[case["kind"]] += 1
        try:
            r = engine.check(case["q"])
            top = r["matches"][0]["agency_id"] if r["matches"] else None
            got = (top, r["verdict"])
        except QueryError as exc:
            got = (None, f"error: {exc}")
        if got == (case["expect_id"], case["expect_verdict"]):
            right[case["kind"]] += 1
        else:
            fails[case["kind"]].append({"q": case["q"], "expected": case["expect_verdict"], "got": got[1]})
    figures = {k: round(right[k] / total[k], 4) for k in total}
    figures["all"] = round(sum(right.values()) / max(1, sum(total.values())), 4)
    return {"figures": figures, "cases": dict(total), "failures": dict(fails)}


def main() -> None:
    """Print the box slice's figures for the registry in VERIFIER_DB."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--failures", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    from verifier.engine import Engine
    db = os.environ.get("VERIFIER_DB", "data/verifier.db")
    result = measure(Engine(db), build_cases(db, args.n))
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return
    print(f"box slice (top-1 record with its own verdict): {result['figures']}  cases {result['cases']}")
    for kind, rows in result["failures"].items():
        for row in rows[:args.failures]:
            print(f"  {kind}: {row['q']!r} expected {row['expected']}, got {row['got']}")


if __name__ == "__main__":
    main()
