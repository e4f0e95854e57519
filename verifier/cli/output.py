"""What the command line prints and writes: result lines in the reader's language, the bulk CSV.

Every word a person reads comes from the web's catalogues (`--lang`), so the terminal says what
the result page says. Scripts read `--json`, `--jsonl` or the CSV's `verdict`/`risk` columns.
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Callable, Iterable, TextIO

from verifier.i18n import N_
from verifier.records.template import spreadsheet_safe
from verifier.result_text import help_line_text, match_text, searched_text, t as _t
from verifier.verdict import RISK_LABELS

RISK_ORDER = {"low": 0, "medium": 1, "high": 2}
CSV_COLUMNS = ("verdict", "risk", "summary", "top_match", "top_source", "top_status", "top_score",
               "data_as_of", "lists_searched", "out_of_date")


def match_line(m: dict, lang: str) -> str:
    """Give one record found, as a line: name, status, source, how it matched, data date."""
    return f"  * {match_text(m, lang)}"


def event_lines(m: dict, lang: str) -> list[str]:
    """Give a record's official notices, oldest first: date, what was said, authority, quote, link."""
    return [f"      {e['date_label']}: {e['status_label']} — {e['authority']}: \u00ab{e['quote']}\u00bb {e['url']}"
            for e in m.get("events") or ()]


def searched_line(result: dict, lang: str) -> str:
    """Give the lists searched with their dates, one line."""
    return f"  {searched_text(result, lang)}"


def result_lines(r: dict) -> list[str]:
    """Give the lines a person reads in a terminal for one result, in the result's language:
    the answer first, then the records, what to do, who to call, the lists it rests on."""
    lang = r.get("lang") or "en"
    lines = [f"{r['verdict_label'].upper()} — {_t(lang, RISK_LABELS[r['risk']])}: {r.get('why') or r['summary']}"]
    lines += [f"  {r['read_as']}"] if r.get("read_as") else []
    lines += [f"  - {line}" for line in r.get("details", r["reasons"])]
    for m in r["matches"]:
        lines += [match_line(m, lang), *event_lines(m, lang)]
    lines += [f"  > {item['text']}" for item in r.get("advice") or ()]
    lines += [f"  ☎ {help_line_text(x, lang)}" for x in r.get("hotlines") or () if x["numbers"]]
    lines += [f"  ! {notice}" for notice in r.get("notices_relevant", r.get("notices")) or ()]
    if "sources_searched" in r:
        lines.append(searched_line(r, lang))
    if r.get("checked_at"):
        lines.append("  " + _t(lang, N_("Checked at %(time)s."), time=r.get("checked_at_text") or r["checked_at"]))
    lines.append(f"  {r['disclaimer']}")
    return lines


def at_or_above(results: Iterable[dict], level: str | None) -> bool:
    """Tell whether any result's risk is at or above the level (None: never)."""
    if level is None:
        return False
    return any(RISK_ORDER.get(r.get("risk"), -1) >= RISK_ORDER[level] for r in results)


def checked_path(source: str, out: str | None) -> str:
    """Give where the bulk check writes: --out, else FILE.checked.csv next to the input."""
    if out:
        return out
    path = Path(source)
    return str(path.with_name(path.stem + ".checked.csv"))


def csv_values(r: dict) -> list:
    """Give the verdict columns of one bulk-check row."""
    top = r["matches"][0] if r["matches"] else {}
    lists = "; ".join(f"{s['id']} {s.get('data_as_of') or ''}".strip() for s in r.get("sources_searched") or ())
    stale = "; ".join(s["id"] for s in r.get("stale") or ())
    return [r["verdict"], r["risk"], r["summary"], top.get("name", ""), top.get("source", ""),
            top.get("status", ""), top.get("score", ""), r.get("data_as_of") or "", lists, stale]


def write_checked_csv(rows: list[dict], out: TextIO, check_row: Callable[[dict], dict]) -> list[dict]:
    """Write the rows back with the verdict columns; give the results (an error row gives none)."""
    header = list(rows[0].keys()) if rows else ["q"]
    writer = csv.writer(out)
    writer.writerow([spreadsheet_safe(h) for h in header + list(CSV_COLUMNS)])
    results = []
    for row in rows:
        try:
            r = check_row(row)
            results.append(r)
            values = csv_values(r)
        except ValueError as exc:  # QueryError: this row cannot be checked, the others go on
            values = ["error", "", str(exc)] + [""] * (len(CSV_COLUMNS) - 3)
        writer.writerow([spreadsheet_safe(v) for v in [row.get(h, "") for h in header] + values])
    return results
