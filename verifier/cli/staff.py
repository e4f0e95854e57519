"""Staff accounts and the app database from the command line.

    python -m verifier.cli.staff create NAME [--password-stdin]   new staff account (asks twice)
    python -m verifier.cli.staff password NAME [--password-stdin] new password; ends its sessions
    python -m verifier.cli.staff disable NAME | enable NAME       lock or unlock an account (ends sessions)
    python -m verifier.cli.staff list                             accounts and last logins
    python -m verifier.cli.staff export-ngo FILE|-                NGO warning list, import-template CSV
    python -m verifier.cli.staff export-notices FILE|-            published official notices, the notices CSV
    python -m verifier.cli.staff import-notices FILE              add a notices CSV; each row awaits approval
    python -m verifier.cli.staff restore BACKUP                   copy a backup into VERIFIER_APP_DB
    python -m verifier.cli.staff audit [-n 50]                    newest audit log rows

Every command works on VERIFIER_APP_DB (default data/app.db) and is written to the audit log as
`cli:<login name>`.
"""
from __future__ import annotations

import argparse
import getpass
import os
import sys

from verifier import appdb
from verifier.appdb import ngo, notices


def cli_actor() -> str:
    """Return the audit log's name for whoever runs the command."""
    try:
        return f"cli:{getpass.getuser()}"
    except Exception:  # no login name (a container): still say it came from the command line
        return f"cli:uid{os.getuid()}"


def read_password(from_stdin: bool) -> str:
    """Return a new password from stdin (one line) or typed twice at a prompt."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password (12+ characters): ")
    if first != getpass.getpass("Again: "):
        raise ValueError("the two passwords differ")
    return first


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run one command; return the exit code."""
    parser = argparse.ArgumentParser(prog="python -m verifier.cli.staff", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("create", help="create a staff account")
    p.add_argument("username")
    p.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    p = sub.add_parser("password", help="set a new password (ends every session of the account)")
    p.add_argument("username")
    p.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    for name in ("disable", "enable"):
        sub.add_parser(name, help=f"{name} a staff account").add_argument("username")
    sub.add_parser("list", help="list staff accounts")
    sub.add_parser("export-ngo", help="write the NGO warning list as CSV").add_argument("file")
    sub.add_parser("export-notices", help="write the published official notices as CSV").add_argument("file")
    sub.add_parser("import-notices", help="add a notices CSV (each row awaits approval)").add_argument("file")
    sub.add_parser("restore", help="restore the app database from a backup").add_argument("backup")
    p = sub.add_parser("audit", help="print the newest audit log rows")
    p.add_argument("-n", type=int, default=50)
    args = parser.parse_args(argv)
    try:
        return run(args)
    except (ValueError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def run(args) -> int:
    """Run the parsed command."""
    if args.command == "create":
        appdb.create_staff(args.username, read_password(args.password_stdin), cli_actor())
        print(f"staff account {args.username} created")
    elif args.command == "password":
        appdb.set_staff_password(args.username, read_password(args.password_stdin), cli_actor())
        print(f"password of {args.username} changed; its sessions are ended")
    elif args.command in ("disable", "enable"):
        appdb.set_staff_active(args.username, args.command == "enable", cli_actor())
        print(f"staff account {args.username} {args.command}d")
    elif args.command == "list":
        appdb.migrate()
        for s in appdb.query("select username, active, created_at, last_login from staff order by username"):
            print(f"{s['username']:<24} {'active' if s['active'] else 'disabled':<9} "
                  f"created {s['created_at']}  last login {s['last_login'] or 'never'}")
    elif args.command == "export-ngo":
        appdb.migrate()
        print(f"{export_audited(args.file, ngo.export_csv, 'list.exported', 'ngo_entries')} entries exported",
              file=sys.stderr)
    elif args.command in ("export-notices", "import-notices"):
        return notices_command(args)
    elif args.command == "restore":
        print(f"restored {args.backup} into {appdb.restore(args.backup, cli_actor())}")
    elif args.command == "audit":
        for a in reversed(appdb.audit_rows(args.n)):
            print(f"{a['at']}  {a['actor']:<20} {a['action']:<22} {a['target']:<24} {a['detail']}")
    return 0


def notices_command(args) -> int:
    """Export the published official notices, or import a notices CSV (audited as the web's are)."""
    appdb.open_db().conn.close()
    if args.command == "import-notices":
        with open(args.file, "rb") as fh:
            print(f"{notices.import_csv(fh.read(), cli_actor())} notices added, awaiting approval")
        return 0
    count = export_audited(args.file, notices.export_csv, "notices.exported", "notice_events")
    print(f"{count} notices exported", file=sys.stderr)
    return 0


def export_audited(file: str, write_csv, action: str, target: str) -> int:
    """Write a CSV export to a file (or stdout for "-"), audit it with its row count; give the count."""
    if file == "-":
        count = write_csv(sys.stdout)
    else:
        with open(file, "w", newline="", encoding="utf-8") as fh:
            count = write_csv(fh)
    with appdb.session() as db:
        appdb.audit(db, cli_actor(), action, target, rows=count)
    return count


if __name__ == "__main__":
    sys.exit(main())
