"""Command line: `python -m scrapers run|list|import|try|publish`."""
from __future__ import annotations

import argparse
import json
import os
import logging
import sys
from pathlib import Path

from .base import SourceError
from .publish import DEFAULT_KEEP


def cmd_run(args) -> int:
    """Refresh sources (with --due only on the server holding the scheduler lock), then publish if asked."""
    if not args.due:
        return _run(args)
    from .scheduler_lock import SKIPPED, scheduler_lock
    with scheduler_lock(os.environ.get("VERIFIER_APP_DB", "data/app.db")) as held:
        if not held:
            print(SKIPPED)
            return 0
        return _run(args)


def _run(args) -> int:
    """Refresh sources and publish the registry when asked; exit 1 if any failed (the others still land)."""
    from .runner import run
    offline = Path(args.offline) if args.offline else None
    if offline is not None and not offline.is_dir():
        print(f"error: --offline {offline}: no such folder", file=sys.stderr)
        return 2
    if args.publish:
        _adopt(Path(args.publish))
    outcomes = run(args.sources, offline, only_due=args.due)
    if not outcomes and args.due:
        print("nothing due")
    for o in outcomes:
        if o.ok:
            print(f"{o.source}: ok, {o.counts['active']} records ({o.counts['written']} written, "
                  f"{o.counts['retired']} retired) in {o.seconds:.1f} s")
        else:
            print(f"{o.source}: FAILED, previous data kept: {o.error}", file=sys.stderr)
    code = 0 if all(o.ok for o in outcomes) else 1
    return max(code, _publish(Path(args.publish), args.keep)) if args.publish else code


def _adopt(folder: Path) -> None:
    """Take the newest snapshot as the local registry when it holds a later run (the scheduler moved here)."""
    from .publish import adopt_newer, required_sources
    from .runner import db_path
    if (adopted := adopt_newer(folder, db_path(), required_sources(os.environ))) is not None:
        print(f"registry taken from snapshot {adopted.short} in {folder} (its last run is later than this one's)")


def _publish(folder: Path, keep: int) -> int:
    """Publish VERIFIER_DB into folder as a snapshot and say what was done; 1 when it is refused."""
    from .publish import publish, required_sources
    from .runner import db_path
    try:
        done = publish(db_path(), folder, required_sources(os.environ), keep)
    except (SourceError, OSError) as exc:
        print(f"publish: FAILED, nothing published: {exc}", file=sys.stderr)
        return 1
    snap = done.snapshot
    counts = ", ".join(f"{s['id']} {s['records']}" for s in snap.manifest["sources"])
    what = "published" if done.written else "already the newest"
    print(f"snapshot {snap.short} {what} in {folder} ({snap.manifest['records']} records: {counts})"
          + (f"; pruned {len(done.pruned)} older" if done.pruned else ""))
    return 0


def cmd_publish(args) -> int:
    """Publish the registry (VERIFIER_DB) into DIR as a snapshot named by its hash, with its manifest."""
    return _publish(Path(args.dir), args.keep)


def cmd_list(args) -> int:
    """Print each source with its record count, last success and health."""
    from verifier import appdb
    from verifier.appdb.ngo import NgoWarningList
    from .runner import listing
    rows = listing() + NgoWarningList(appdb.db_path(), os.environ.get("VERIFIER_NGO_NAME"),
                                          os.environ.get("VERIFIER_NGO_URL", "")).sources()  # the NGO's list, from the app database
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    # last_success: when the source's data last loaded (UTC)
    print(f"{'id':<14} {'kind':<8} {'cc':<3} {'records':>7}  {'last_success':<25} health")
    for r in rows:
        live = "" if r.get("live", True) else "  [no live crawler: offline/import only]"
        print(f"{r['id']:<14} {r['kind']:<8} {r['country'] or '-':<3} {r['records']:>7}  "
              f"{r['last_success'] or 'never':<25} {r['health']}{live}")
    return 0


def cmd_import(args) -> int:
    """Load a template CSV/XLSX as its own source."""
    from verifier.appdb.ngo import SOURCE_ID as NGO_LIST  # the app database's own list
    from verifier.records import RESERVED_SOURCES, statuses

    from . import importer
    from .runner import Job, all_sources, db_path, refresh
    path = Path(args.file)
    if not path.is_file():
        print(f"error: {path}: no such file", file=sys.stderr)
        return 2
    info = importer.source_info(args.source_id, args.kind, args.country, path)
    reserved = [*all_sources(include_disabled=True), NGO_LIST, *RESERVED_SOURCES]
    importer.check_target(info.id, info.kind, args.replace, reserved, importer.stored_source(db_path(), info.id))
    own = statuses.read_status_map(Path(args.status_map)) if args.status_map else None
    seen = []

    def produce():
        skipped: list[int] = []
        seen[:] = importer.to_records(importer.read_rows(path), args.kind, args.country or "", own, skipped=skipped)
        if skipped:
            print(f"{info.id}: skipped {len(skipped)} row(s) with neither a name nor a number: rows "
                  + ", ".join(map(str, skipped[:20])), file=sys.stderr)
        return seen

    o = refresh([Job(info, produce)])[0]
    if seen:
        print(f"{info.id}: statuses: {statuses.summary(seen)}")
    if not o.ok:
        print(f"{info.id}: FAILED, previous data kept: {o.error}", file=sys.stderr)
        return 1
    print(f"{info.id}: imported {o.counts['active']} records ({o.counts['written']} written, "
          f"{o.counts['retired']} retired)")
    return 0


def cmd_try(args) -> int:
    """Fetch and read one configured source, print what would load, write nothing."""
    from .tryout import try_source
    return try_source(args.source, Path(args.offline) if args.offline else None)


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run a command."""
    parser = argparse.ArgumentParser(prog="python -m scrapers", description="Build and refresh the registry database.")
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("run", help="fetch sources into the database (VERIFIER_DB)")
    p.add_argument("sources", nargs="*", help="source ids (default: all, built-in and configured)")
    p.add_argument("--offline", metavar="DIR", help="replay saved responses from DIR/<source_id>/")
    p.add_argument("--due", action="store_true", help="only sources whose `every` has passed since their last success")
    p.add_argument("--publish", metavar="DIR", default=os.environ.get("VERIFIER_PUBLISH_DIR") or None,
                   help="then publish the registry into DIR as a snapshot (default: VERIFIER_PUBLISH_DIR)")
    p.add_argument("--keep", type=int, default=DEFAULT_KEEP, help=f"snapshots kept in DIR (default {DEFAULT_KEEP})")
    p.set_defaults(fn=cmd_run)
    p = sub.add_parser("publish", help="write the registry into DIR as a snapshot servers answer from")
    p.add_argument("dir", metavar="DIR")
    p.add_argument("--keep", type=int, default=DEFAULT_KEEP, help=f"snapshots kept in DIR (default {DEFAULT_KEEP})")
    p.set_defaults(fn=cmd_publish)
    p = sub.add_parser("list", help="list sources with record counts and health")
    p.add_argument("--json", action="store_true")
    p.set_defaults(fn=cmd_list)
    p = sub.add_parser("import", help="load a template CSV/XLSX list as a source")
    p.add_argument("file")
    p.add_argument("--source-id", required=True)
    p.add_argument("--kind", required=True, choices=("registry", "warning"))
    p.add_argument("--country", default="")
    p.add_argument("--status-map", metavar="FILE", help="CSV of `word,group` (valid|invalid): your own status words")
    p.add_argument("--replace", action="store_true", help="allow changing the kind of an imported list")
    p.set_defaults(fn=cmd_import)
    p = sub.add_parser("try", help="dry run of a configured source: what it would load (writes nothing)")
    p.add_argument("source")
    p.add_argument("--offline", metavar="DIR", help="read DIR/<source_id>/ instead of the network")
    p.set_defaults(fn=cmd_try)
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
