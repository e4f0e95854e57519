"""`python -m verifier scan [FILE|-] [--lang L] [--json] [--jsonl]`: the offer scan in a terminal."""
from __future__ import annotations

import argparse
import json
import sys

from verifier.offers.scan import MAX_TEXT, scan
from verifier.humanize import grouped_phone
from verifier.offers.rules import texts
from verifier.result_text import destination_lines


def add_parser(sub) -> None:
    """Add the `scan` command to the CLI's subparsers."""
    p = sub.add_parser("scan", help="scan a job offer's text for red flags and check what it names")
    p.add_argument("file", nargs="?", default="-", help="a text file, or - for stdin (default)")
    p.add_argument("--lang", default="en", help="en, ru, kk or uz")
    p.add_argument("--json", action="store_true", help="print the result dict as JSON")
    p.add_argument("--jsonl", action="store_true", help='stdin: one {"text", "lang"} per line; stdout: one result per line')
    p.set_defaults(fn=cmd_scan)


def _error(message: str, status: int = 400) -> dict:
    """Give the one error shape."""
    return {"ok": False, "error": message, "status": status}


def _scan_line(line: str, lang: str, engine) -> dict:
    """Give the scan (or the error) for one JSON line."""
    try:
        obj = json.loads(line)
    except ValueError as exc:
        return _error(f"not a JSON object: {exc}")
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
        return _error('each line must be a JSON object with a non-empty "text"')
    if len(obj["text"]) > MAX_TEXT:
        return _error(f"text is too long: at most {MAX_TEXT} characters", 413)
    return scan(obj["text"], obj.get("lang") or lang, engine)


def print_scan(r: dict) -> None:
    """Print a scan for a person reading a terminal, every word in the scan's language."""
    lang = r.get("lang") or "en"
    print(r["summary"])  # it opens with the risk in words
    for f in r["flags"]:
        print(f"  ! {f['label']}: «{f['quote']}» — {f['advice']}")
    for e in r["entities"]:
        res = e["result"]
        verdict = f" → {res['verdict_label']}: {res.get('why') or res['summary']}" if res else ""
        value = grouped_phone(e["value"]) if e["kind"] == "phone" else e["value"]
        print(f"  * {texts(lang)['entity'].get(e['kind'], e['kind'])}: {value}{verdict}")
    if d := r["destination"]:
        head, *rules = destination_lines(d, lang)
        print(f"  {head}")
        for line in rules:
            print(f"    {line}")
    print(f"  {r['disclaimer']}")


def cmd_scan(args: argparse.Namespace) -> int:
    """Scan one offer (a file or stdin), or JSON lines of offers from stdin."""
    engine = getattr(args, "engine", None)
    if args.jsonl:
        for line in sys.stdin:
            if line.strip():
                print(json.dumps(_scan_line(line, args.lang, engine), ensure_ascii=False), flush=True)
        return 0
    text = sys.stdin.read() if args.file == "-" else open(args.file, encoding="utf-8").read()
    if not text.strip() or len(text) > MAX_TEXT:
        error = _error("empty text") if not text.strip() else _error(f"text is too long: at most {MAX_TEXT} characters", 413)
        print(json.dumps(error) if args.json else f"error: {error['error']}", file=sys.stdout if args.json else sys.stderr)
        return 2
    result = scan(text, args.lang, engine)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print_scan(result)
    return 0
