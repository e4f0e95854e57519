"""Command line: `python -m scrapers run|list|import`."""
from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from .base import SourceError


def cmd_run(args) -> int:
    """Refresh sources; exit 1 if any failed (the others still land)."""
    from .runner import run
    offline = Path(args.offline) if args.offline else None
    if offline is not None and not offline.is_dir():
        print(f"error: --offline {offline}: no such folder", file=sys.stderr)
        return 2
    outcomes = run(args.sources, offline)
    for o in outcomes:
        if o.ok:
            print(f"{o.source}: ok, {o.counts['active']} records ({o.counts['written']} written, "
                  f"{o.counts['retired']} retired) in {o.seconds:.1f} s")
        else:
            print(f"{o.source}: FAILED, previous data kept: {o.error}", file=sys.stderr)
    return 0 if all(o.ok for o in outcomes) else 1


def cmd_list(args) -> int:
    """Print each source with its record count, last success and health."""
    from verifier.registry import list_sources
    from .runner import SOURCES, db_path
    rows = list_sources(db_path()) if db_path().exists() else []
    known = {r["id"] for r in rows}
    for module in SOURCES:  # sources never run yet are listed too
        info = module.SOURCE
        if info.id not in known:
            rows.append({"id": info.id, "name": info.name, "kind": info.kind, "country": info.country,
                         "records": 0, "last_success": None, "health": "never", "note": info.note,
                         "live": info.live})
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    for r in rows:
        live = "" if r.get("live", True) else "  [no live crawler: offline/import only]"
        print(f"{r['id']:<14} {r['kind']:<8} {r['country'] or '-':<3} {r['records']:>7}  "
              f"{r['last_success'] or 'never':<25} {r['health']}{live}")
    return 0


def cmd_import(args) -> int:
    """Load a template CSV/XLSX as its own source."""
    from . import importer
    from .runner import Job, refresh
    path = Path(args.file)
    if not path.is_file():
        print(f"error: {path}: no such file", file=sys.stderr)
        return 2
    info = importer.source_info(args.source_id, args.kind, args.country, path)
    outcomes = refresh([Job(info, lambda: importer.to_records(importer.read_rows(path), args.kind, args.country or ""))])
    o = outcomes[0]
    if not o.ok:
        print(f"{info.id}: FAILED, previous data kept: {o.error}", file=sys.stderr)
        return 1
    print(f"{info.id}: imported {o.counts['active']} records ({o.counts['written']} written, "
          f"{o.counts['retired']} retired)")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run a command."""
    parser = argparse.ArgumentParser(prog="python -m scrapers", description="Build and refresh the registry database.")
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("run", help="fetch sources into the database (VERIFIER_DB)")
    p.add_argument("sources", nargs="*", help="source ids (default: all built-in)")
    p.add_argument("--offline", metavar="DIR", help="replay saved responses from DIR/<source_id>/")
    p.set_defaults(fn=cmd_run)
    p = sub.add_parser("list", help="list sources with record counts and health")
    p.add_argument("--json", action="store_true")
    p.set_defaults(fn=cmd_list)
    p = sub.add_parser("import", help="load a template CSV/XLSX list as a source")
    p.add_argument("file")
    p.add_argument("--source-id", required=True)
    p.add_argument("--kind", required=True, choices=("registry", "warning"))
    p.add_argument("--country", default="")
    p.set_defaults(fn=cmd_import)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return args.fn(args)
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
