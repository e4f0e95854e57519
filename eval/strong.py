"""Strong verdicts need the whole firm (issue 21): queries naming only part of a listed firm.

    VERIFIER_DB=data/verifier.db python -m eval.strong [--json] [--n 200] [--seed S] [--failures K]

Cases are drawn at run time from the registry in VERIFIER_DB (seeded: one registry gives the same
cases), so nothing from the lists is stored here. Four slices must answer `similar` or `not_found`;
any strong verdict (licensed, warning, licence_invalid, phone_mismatch) counts against the check:
  part_of_name         a listed name with one distinctive word left out (names with 2+ of them)
  one_word_legal_form  one distinctive word of a listed name + ТОО/ООО/ИП/LLP/LLC/Ltd/Inc ("ТОО Talent")
  shared_word          a word that is a distinctive word of 2+ listed names, alone or with a legal form
  foreign_legal_form   a PH/HK firm's whole name as a Kazakh/Russian/Uzbek legal person (ТОО "X",
                       ООО «X», X MChJ, ЖШС X); a KZ firm's name with "Limited" / "Inc."
Distinctive: not a legal form, a generic trade word (agency, manpower, services, ...) or a function
word. A query whose words are the whole name of a listed record in any order (legal forms aside;
for a Kazakh firm every word inside its quotes, "Company" too) is skipped; in foreign_legal_form,
only a record of the legal form's own country makes it skip. Target: 0 licensed, <= 3 % strong.
Control `whole_name`: the full name lightly varied (case, legal form changed or misspelt) must get
the record's own verdict; its recall shows a fix that simply never says licensed.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time
from collections import Counter, defaultdict

from anyascii import anyascii

from eval import variants
from eval.build_cases import VERDICT_OF, Registry, _h, change_legal_form, load, parse

SEED = 20261207
NEGATIVE = ("part_of_name", "one_word_legal_form", "shared_word", "foreign_legal_form")
SLICES = NEGATIVE + ("whole_name",)
STRONG = ("licensed", "warning", "licence_invalid", "phone_mismatch")
LEGAL = set("""inc incorporated corp corporation co company ltd limited llc llp opc pte pty plc jsc gmbh too
mchj partnership тоо жшс ооо ао ип лтд инк корп компани товарищество ограниченной ответственностью""".split())
GENERIC = set("""agency agencies manpower services service svcs svc svs international intl recruitment
recruiting recruiters employment consultancy consultants consultant consulting placement placements
overseas human resources resource management mgt mgmt mngt center centre ctr group grp holdings
enterprises enterprise ent trading general gen development devt staffing solutions personnel worldwide
manning crewing maritime marine shipping shipmanagement domestic helper helpers maid maids
агентство кадровое кадровый кадровая компания группа групп сервис сервисез интернешнл международный
международное центр менеджмент консалтинг рекрутинг персонал трудоустройство холдинг фирма""".split())
FUNCTION = {"a", "an", "and", "the", "of", "for", "to", "in", "at", "by", "de", "your", "our", "и", "по", "в", "на", "с"}
FORMS = ("ТОО", "ООО", "ИП", "LLP", "LLC", "Ltd", "Inc")
KZ_FORMS = ('ТОО "{c}"', "ТОО {c}", "ООО «{c}»", "{c} MChJ", "ЖШС {c}", "ЖШС «{c}»")
FOREIGN_FORMS = ("{c} Limited", "{c} Inc.")
CJK = re.compile(r"[\u3400-\u9fff]")


def clean(word: str) -> str:
    """Return a word in lower case with its punctuation taken out."""
    return re.sub(r"[\W_]", "", word.lower())


def distinctive(word: str) -> bool:
    """Tell whether a word of a name says which firm it is (not a legal form or a trade word)."""
    c = clean(word)
    return bool(c) and c not in LEGAL | GENERIC | FUNCTION and (c.isdigit() or len(c) >= 2)


def key(text: str) -> tuple:
    """Return a name's words folded to ASCII (doubled letters single, y as i), sorted: any order."""
    t = re.sub(r"\bint[`'’]?l\b", "international", anyascii(text).lower())
    return tuple(sorted(re.sub(r"(.)\1+", r"\1", w).replace("y", "i")
                        for w in re.findall(r"[a-z0-9]+", t) if w not in {"and", "the"}))


def trim(words: list[str]) -> str:
    """Return the words joined, without function words or lone punctuation at either end."""
    while words and (not clean(words[0]) or clean(words[0]) in FUNCTION):
        words = words[1:]
    while words and (not clean(words[-1]) or clean(words[-1]) in FUNCTION):
        words = words[:-1]
    return " ".join(words).strip(" ,-&")


def whole_names(recs: list[dict]) -> dict[tuple, set[str]]:
    """Return each listed whole name (main name, and aliases of names whose brackets close) -> its sources."""
    out: dict[tuple, set[str]] = defaultdict(set)
    for r in recs:
        closed = r["name"].count("(") == r["name"].count(")")
        for name in [r["name"], *(r["aliases"] if closed else [])]:
            p = parse({**r, "name": name})
            for text in {p["core"], p["main"]} if p else {name}:
                out[key(text)].add(r["source"])
    return out


def build(db: str, n: int = 200, seed: int = SEED) -> list[dict]:
    """Return the cases of every slice, at most n per slice, deterministically for one registry."""
    recs = load(db)
    reg = Registry(recs)
    listed = whole_names(recs)
    parsed = {r["id"]: p for r in recs if (p := parse(r)) and not CJK.search(p["core"])}
    cases: list[dict] = []
    seen: dict[str, set] = defaultdict(set)

    def order(slice_: str) -> list[tuple[dict, dict, random.Random]]:
        ids = sorted(parsed, key=lambda i: _h(seed, slice_, i))
        return [(reg.by_id[i], parsed[i], random.Random(_h(seed, slice_, i))) for i in ids]

    def add(slice_: str, q: str, rec: dict | None, note: str, expect=None, other=()) -> None:
        if len(seen[slice_]) < n and q.casefold() not in seen[slice_]:
            seen[slice_].add(q.casefold())
            cases.append({"slice": slice_, "q": q, "base": rec["name"] if rec else "; ".join(other),
                          "base_id": rec["id"] if rec else None, "note": note,
                          "expect": sorted(expect) if expect else ["not_found", "similar"]})

    for rec, p, rr in order("part_of_name"):
        words = p["core"].split()
        idx = [i for i, w in enumerate(words) if distinctive(w)]
        if len(idx) >= 2:
            i = rr.choice(idx)
            rest = words[:i] + words[i + 1:]
            core = trim(rest)  # what is left must still hold a distinctive word of 3+ letters
            if any(distinctive(w) and sum(map(str.isalpha, w)) >= 3 for w in rest) and key(core) not in listed:
                add("part_of_name", f"{p['lead']}{core}{p['trail']}", rec, f"{words[i]!r} left out")

    def form_with(word: str, rr: random.Random) -> str:
        form = rr.choice(FORMS)
        if form.isascii():
            return f"{word} {form}"
        return rr.choice(("{f} {w}", '{f} "{w}"', "{f} «{w}»")).format(f=form, w=word)

    def one_word(w: str) -> str | None:
        w = w.strip(".,\"«»'`()&-")
        return w if distinctive(w) and w.isalpha() and len(w) >= 3 and key(w) not in listed else None

    for rec, p, rr in order("one_word_legal_form"):
        words = [w for w in map(one_word, p["core"].split()) if w]
        if words:
            w = rr.choice(words)
            add("one_word_legal_form", form_with(w if rr.random() < 0.5 else w.title(), rr), rec, f"one word: {w}")

    holders: dict[tuple, dict[tuple, tuple[str, str]]] = defaultdict(dict)
    for rid, p in sorted(parsed.items()):
        for w in filter(None, map(one_word, p["core"].split())):
            holders[key(w)].setdefault(key(p["core"]), (w, reg.by_id[rid]["name"]))
    for k in sorted((k for k, h in holders.items() if len(h) >= 2), key=lambda k: _h(seed, "shared", k)):
        rr = random.Random(_h(seed, "shared", k))
        spellings = sorted(holders[k].values())
        w = spellings[0][0] if rr.random() < 0.5 else spellings[0][0].title()
        q = w if rr.random() < 0.5 else form_with(w, rr)
        add("shared_word", q, None, f"in {len(spellings)} listed names", other=[s[1] for s in spellings[:3]])

    for rec, p, rr in order("foreign_legal_form"):
        if rec["source"] == "kz_kgd":
            if not listed.get(key(p["core"]), set()) - {"kz_kgd"}:
                add("foreign_legal_form", rr.choice(FOREIGN_FORMS).format(c=p["core"]), rec, "KZ name + Latin form")
        elif "kz_kgd" not in listed.get(key(p["core"]), set()):
            text, how = (p["core"], "replaced") if p["trail"] and rr.random() < 0.5 else (p["main"], "prefixed")
            add("foreign_legal_form", rr.choice(KZ_FORMS).format(c=text), rec, f"legal form {how} by a KZ/RU/UZ one")

    for rec, p, rr in order("whole_name"):
        cls = reg.name_class(rec)
        if not all(reg.usable(reg.by_id[i]) for i in cls):
            continue
        kind = rr.choice(("as_published", "case", "legal_form", "form_typo"))
        if kind == "as_published":
            q = rec["name"]
        elif kind == "case":
            q = rr.choice((str.lower, str.upper, str.title))(p["main"])
        elif kind == "form_typo" and p["form"] in variants.LATIN_FORM_TYPOS:
            q = f"{p['core']} {rr.choice(variants.LATIN_FORM_TYPOS[p['form']])}"
        elif kind == "form_typo" and rec["source"] == "kz_kgd":
            q = f'{variants.misspelt_kz_form(rr)[0]} "{p["core"]}"'
        else:
            q, kind = change_legal_form(p, rec["source"], rr)[0], "legal_form"
        if not reg.collides(q, cls):
            add("whole_name", q, rec, kind, expect={VERDICT_OF[rec["status_group"]], reg.verdict(cls)})
    return cases


def run_case(engine, q: str) -> dict:
    """Return the verdict and first match of one check (verdict `error` when the query is refused)."""
    from verifier.check import QueryError
    try:
        r = engine.check(q)
    except QueryError as exc:
        return {"verdict": "error", "top": None, "error": str(exc)}
    top = r["matches"][0] if r["matches"] else None
    return {"verdict": r["verdict"], "top": top and {"name": top["name"], "source": top["source"],
                                                      "score": top["score"], "same": top["same"]}}


def metrics(cases: list[dict], engine, failures: int = 10) -> dict:
    """Return per slice the share called licensed and given any strong verdict, the control's recall, and failures."""
    started = time.perf_counter()
    verdicts: dict[str, Counter] = defaultdict(Counter)
    right: Counter = Counter()
    fails: dict[str, list[dict]] = defaultdict(list)
    for case in cases:
        s, res = case["slice"], run_case(engine, case["q"])
        verdicts[s][res["verdict"]] += 1
        # a negative case is right unless strong (a query refused as too short is not strong)
        ok = res["verdict"] not in STRONG if s in NEGATIVE else res["verdict"] in case["expect"]
        right[s] += ok
        if not ok and len(fails[s]) < failures:
            fails[s].append({"q": case["q"], "verdict": res["verdict"], "top": res["top"],
                             "base": case["base"], "note": case["note"], "expect": case["expect"]})
    slices = {}
    for s in SLICES:
        n = sum(verdicts[s].values())
        if n:
            strong = sum(verdicts[s][v] for v in STRONG)
            slices[s] = {"n": n, "licensed": verdicts[s]["licensed"], "strong": strong,
                         "licensed_share": round(verdicts[s]["licensed"] / n, 4), "strong_share": round(strong / n, 4),
                         "right": round(right[s] / n, 4), "verdicts": dict(verdicts[s].most_common())}
    neg = [slices[s] for s in NEGATIVE if s in slices]
    return {"cases": len(cases), "seconds": round(time.perf_counter() - started, 1), "slices": slices,
            "target_met": all(r["licensed"] == 0 and r["strong_share"] <= 0.03 for r in neg),
            "whole_name_recall": slices.get("whole_name", {}).get("right"), "failures": dict(fails)}


def print_report(m: dict) -> None:
    """Print the figures per slice, then the failures."""
    print(f"{m['cases']} cases in {m['seconds']} s; target (0 licensed, <= 3 % strong) met: {m['target_met']}")
    print(f"\n{'slice':21} {'n':>4} {'licensed':>9} {'strong':>7} {'right':>7}  verdicts")
    for s, r in m["slices"].items():
        vs = ", ".join(f"{k} {v}" for k, v in r["verdicts"].items())
        print(f"{s:21} {r['n']:4} {100 * r['licensed_share']:8.1f}% {100 * r['strong_share']:6.1f}% "
              f"{100 * r['right']:6.1f}%  {vs}")
    print("(right: no strong verdict; for whole_name, the record's own verdict: the control's recall)")
    for s, rows in m["failures"].items():
        print(f"\n== {s}: first {len(rows)} failures")
        for f in rows:
            top = f["top"] or {}
            print(f"- {f['q']!r} -> {f['verdict']} | top {top.get('name')!r} ({top.get('source')}, "
                  f"{top.get('score')}) | from {f['base']!r} [{f['note']}]")


def main(argv=None) -> int:
    """Build the cases from VERIFIER_DB, check them and print (or dump as JSON) the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200, help="at most N cases per slice")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--failures", type=int, default=5, help="list up to K failures per slice")
    ap.add_argument("--json", action="store_true", help="print the metrics as JSON")
    args = ap.parse_args(argv)
    from verifier.engine import Engine
    db = os.environ.get("VERIFIER_DB", "data/verifier.db")
    m = metrics(build(db, args.n, args.seed), Engine(db), args.failures)
    if args.json:
        json.dump(m, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print_report(m)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
