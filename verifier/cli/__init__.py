"""The command line: `python -m verifier check|compare|scan|backup` (`output` renders results as text,
`scan` the offer scan, `staff` staff accounts and the NGO list)."""
from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

from verifier.check import QueryError
from verifier.cli.output import at_or_above, checked_path, result_lines, write_checked_csv
from verifier.engine import Engine, ListsNotLoaded

FAIL_ON_EXIT = 3  # --fail-on: a result at or above the risk level (2 is a bad query, 1 no lists)


def _print_result(r: dict) -> None:
    """Print a result for a person reading a terminal, in the result's language."""
    print("\n".join(result_lines(r)))


def _error(message: str, status: int = 400) -> dict:
    """Return the one error shape."""
    return {"ok": False, "error": message, "status": status}


def _check_line(engine: Engine, line: str, lang: str) -> dict:
    """Return the result (or error) for one JSON line of the bulk check."""
    try:
        obj = json.loads(line)
    except ValueError as exc:
        return _error(f"not a JSON object: {exc}")
    if not isinstance(obj, dict):
        return _error("each line must be a JSON object with q, name, phone or licence")
    try:
        return engine.check(obj.get("q"), name=obj.get("name"), phone=obj.get("phone"),
                     licence=obj.get("licence"), lang=obj.get("lang") or lang)
    except QueryError as exc:
        return _error(str(exc))


def cmd_check(args) -> int:
    """Check one query, JSON lines from stdin, or a CSV of agencies; 3 when --fail-on is reached."""
    if args.jsonl:
        results = []
        for line in sys.stdin:
            if line.strip():
                results.append(_check_line(args.engine, line, args.lang))
                print(json.dumps(results[-1], ensure_ascii=False), flush=True)
        return FAIL_ON_EXIT if at_or_above(results, args.fail_on) else 0
    if args.csv:
        return _check_csv(args)
    try:
        result = args.engine.check(args.query, name=args.name, phone=args.phone, licence=args.licence, lang=args.lang)
    except QueryError as exc:
        print(json.dumps(_error(str(exc))) if args.json else f"error: {exc}", file=sys.stdout if args.json else sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        _print_result(result)
    return FAIL_ON_EXIT if at_or_above([result], args.fail_on) else 0


def _check_csv(args) -> int:
    """Check every row of a CSV (columns name/phone/licence or q); write FILE.checked.csv or --out."""
    with open(args.csv, newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    target = checked_path(args.csv, args.out)

    def check_row(row: dict) -> dict:
        """Give the result for one CSV row."""
        return args.engine.check(row.get("q"), name=row.get("name"), phone=row.get("phone"),
                                 licence=row.get("licence"), lang=args.lang)

    if target == "-":
        results = write_checked_csv(rows, sys.stdout, check_row)
    else:
        if Path(target).resolve() == Path(args.csv).resolve():
            print("error: --out must not be the input file", file=sys.stderr)
            return 2
        partial = Path(target).with_name(Path(target).name + ".partial")
        try:  # a run that stops (lists not loaded) leaves no half-written file
            with open(partial, "w", newline="", encoding="utf-8") as out:
                results = write_checked_csv(rows, out, check_row)
            partial.replace(target)
        finally:
            partial.unlink(missing_ok=True)
        counts = Counter(r["verdict"] for r in results)
        print(f"{len(rows)} rows checked, written to {target}: "
              + (", ".join(f"{n} {v}" for v, n in counts.most_common()) or "none"), file=sys.stderr)
    return FAIL_ON_EXIT if at_or_above(results, args.fail_on) else 0


def cmd_compare(args) -> int:
    """Compare two names, or JSON lines {"a": ..., "b": ...} from stdin."""
    if args.jsonl:
        for line in sys.stdin:
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                result = args.engine.compare(obj["a"], obj["b"])
            except (ValueError, KeyError, TypeError) as exc:
                result = _error(f"each line must be a JSON object with a and b: {exc}")
            print(json.dumps(result, ensure_ascii=False), flush=True)
        return 0
    if args.a is None or args.b is None:
        print("error: compare needs NAME_A and NAME_B (or --jsonl)", file=sys.stderr)
        return 2
    try:
        result = args.engine.compare(args.a, args.b)
    except QueryError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(f"score {result['score']}, {'same agency' if result['same'] else 'not the same agency'}")
        for line in result["explain"]:
            print(f"  - {line}")
    return 0


def cmd_backup(args) -> int:
    """Copy the app database (reports, staff, audit) consistently to DEST."""
    from verifier.appdb import backup
    try:
        path = backup(args.dest)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"backup written to {path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run a command."""
    parser = argparse.ArgumentParser(prog="python -m verifier", description="Check recruitment agencies.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("check", help="check a name, phone number or licence number")
    p.add_argument("query", nargs="?")
    p.add_argument("--name")
    p.add_argument("--phone")
    p.add_argument("--licence", "--license", dest="licence")
    p.add_argument("--lang", default="en", help="en, ru, kk or uz")
    p.add_argument("--json", action="store_true", help="print the result dict as JSON")
    p.add_argument("--jsonl", action="store_true", help="stdin: one JSON object per line; stdout: one result per line")
    p.add_argument("--csv", metavar="FILE", help="bulk check a CSV (columns name, phone, licence or q); "
                   "writes FILE.checked.csv next to it")
    p.add_argument("--out", metavar="OUT", help="with --csv: write the checked CSV here instead ('-' for stdout)")
    p.add_argument("--fail-on", choices=("high", "medium"),
                   help=f"exit {FAIL_ON_EXIT} when any result's risk is at or above this level")
    p.set_defaults(fn=cmd_check)
    p = sub.add_parser("compare", help="how alike two agency names are")
    p.add_argument("a", nargs="?")
    p.add_argument("b", nargs="?")
    p.add_argument("--json", action="store_true")
    p.add_argument("--jsonl", action="store_true")
    p.set_defaults(fn=cmd_compare)
    p = sub.add_parser("backup", help="consistent copy of the app database")
    p.add_argument("dest")
    p.set_defaults(fn=cmd_backup)
    from verifier.cli.scan import add_parser as add_scan_parser
    add_scan_parser(sub)  # issue 12: the offer scan
    args = parser.parse_args(argv)
    args.engine = Engine.from_env()  # the registry and the NGO's own warning list in the app database
    if args.command == "check" and not (args.jsonl or args.csv) and not any((args.query, args.name, args.phone, args.licence)):
        parser.error("check needs QUERY, --name, --phone, --licence, --jsonl or --csv")
    if args.command == "check" and args.out and not args.csv:
        parser.error("--out goes with --csv")
    try:
        return args.fn(args)
    except (FileNotFoundError, ListsNotLoaded) as exc:
        if getattr(args, "json", False) or getattr(args, "jsonl", False):
            print(json.dumps(_error(f"no verdict: {exc}", 503)))
        print(f"error: no verdict can be given: {exc}", file=sys.stderr)
        return 1

