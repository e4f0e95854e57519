"""Official notices staff add: one event a row in the app database, shown once a second person approves.

A staff member adds what an authority said (agency, status, authority, date, link, quote); the
notice waits until another staff member approves it (the author cannot approve their own). An
office of one sets VERIFIER_NOTICES_SELF_APPROVE (`alone`), and the author's notice is published at once,
with the audit log saying it had no second approval. Published notices join `check` as the source
`staff_notices`, built the way the shipped notices are (`verifier/records/notices.py`), and export
and import as the same CSV.
"""
from __future__ import annotations

from typing import IO

from verifier import appdb
from verifier.appdb.listcache import ListCache
from verifier.names.match import Index
from verifier.records import SourceError, SourceInfo, agency_row
from verifier.records.notices import COLUMNS, agency_records, check_row, export_rows, read_csv
from verifier.registry import INDEX_COLUMNS, agency_dict
from verifier.timeline import NOTICE_SOURCES

SOURCE_ID = "staff_notices"
assert SOURCE_ID in NOTICE_SOURCES
FORM_REQUIRED = ("name", "country", "status", "authority", "date", "url", "quote")
INFO = SourceInfo(id=SOURCE_ID, name="Official notices added by staff",
                  publisher="Official notices recorded by the NGO's staff", country="", kind="warning",
                  url="", min_records=0, max_records=10**6,
                  note="Notices an authority published about an agency, added by one staff member and "
                       "approved by another; each links to its page.")


def _checked(fields: dict, required: tuple[str, ...]) -> dict:
    """Return a notice's fields checked as a CSV row is, or raise ValueError naming the problem."""
    row = {c: str(fields.get(c) or "").strip() for c in COLUMNS}
    row["country"] = row["country"].upper()
    if missing := [c for c in required if not row[c]]:
        raise ValueError(f"required: {', '.join(missing)}")
    try:
        return check_row(row, "notice")
    except SourceError as exc:
        raise ValueError(str(exc)) from exc


def _insert(db, row: dict, actor: str, publish: bool, via: str) -> int:
    """Insert one notice (pending, or published by a one-person office) with its audit row."""
    stamp, revision = appdb.now(), _next_revision(db)
    notice_id = db["notice_events"].insert({
        **row, "state": "published" if publish else "pending", "created_by": actor, "created_at": stamp,
        "decided_by": actor if publish else None, "decided_at": stamp if publish else None,
        "revision": revision}).last_pk
    appdb.audit(db, actor, "notice.added", f"notice:{notice_id}", name=row["name"], status=row["status"], via=via)
    if publish:
        appdb.audit(db, actor, "notice.published_without_second_approval", f"notice:{notice_id}",
                    setting="VERIFIER_NOTICES_SELF_APPROVE")
    return notice_id


def _next_revision(db) -> int:
    """Return the next list revision: every change raises it, so each worker rebuilds its index."""
    return (db.execute("select max(revision) from notice_events").fetchone()[0] or 0) + 1


def add(fields: dict, actor: str, alone: bool = False) -> int:
    """Add a notice from the staff form (all fields but variants required); return its id. `alone`
    (a one-person office's setting) publishes it at once, and the audit log says so."""
    row = _checked(fields, FORM_REQUIRED)
    with appdb.session() as db:
        return _insert(db, row, actor, alone, "form")


def import_csv(content: bytes, actor: str, alone: bool = False) -> int:
    """Add every row of a notices CSV as a notice awaiting approval (all or none); return the count."""
    try:
        rows = read_csv(content)
    except SourceError as exc:
        raise ValueError(str(exc)) from exc
    with appdb.session() as db:
        for row in rows:
            _insert(db, row, actor, alone, "import")
    return len(rows)


def decide(notice_id: int, actor: str, approve: bool, note: str = "") -> None:
    """Approve (publish) or reject a pending notice; its author cannot approve it."""
    with appdb.session() as db:
        row = db.execute("select created_by, state from notice_events where id = ?", [notice_id]).fetchone()
        if row is None or row[1] != "pending":
            raise ValueError(f"notice {notice_id} is not pending")
        if approve and row[0] == actor:
            raise ValueError("the author of a notice cannot approve it: another staff member must")
        db.execute("update notice_events set state = ?, decided_by = ?, decided_at = ?, revision = ? where id = ?",
                   ["published" if approve else "rejected", actor, appdb.now(), _next_revision(db), notice_id])
        appdb.audit(db, actor, "notice.approved" if approve else "notice.rejected", f"notice:{notice_id}",
                    author=row[0], note=note.strip())


def list_notices(state: str | None = None, path=None) -> list[dict]:
    """Return the notices in one state (all when None), newest first."""
    if state is None:
        return appdb.query("select * from notice_events order by id desc", (), path)
    return appdb.query("select * from notice_events where state = ? order by id desc", [state], path)


def export_csv(out: IO[str]) -> int:
    """Write the published notices as a notices CSV (the shipped columns); return the row count."""
    return export_rows(list(reversed(list_notices("published"))), out)


class StaffNotices:
    """The extra source an engine consults: the published notices of one app database."""

    def __init__(self, path) -> None:
        self.path = path
        self.cache = ListCache()  # rows and sources line, read once per version

    def version(self) -> object:
        """Return what changes when a notice is added, approved or rejected."""
        row = appdb.query("select count(*) n, max(revision) r from notice_events", (), self.path)
        self.cache.version = (str(self.path), row[0]["n"], row[0]["r"]) if row else (str(self.path),)
        return self.cache.version

    def _rows(self) -> list[tuple[dict, list[dict]]]:
        """Return each agency's agencies row and its events (read once per version of the notices)."""
        return self.cache.get("rows", self._read_rows, [])

    def _read_rows(self) -> list[tuple[dict, list[dict]]]:
        """Read each agency's agencies row and its events from the published notices."""
        notices = sorted(list_notices("published", self.path), key=lambda n: n["id"])
        if not notices:
            return []
        as_of = max(n["decided_at"] for n in notices)[:10]
        rows = [{c: n[c] or "" for c in COLUMNS} for n in notices]
        return [(agency_row(INFO, rec), rec.events) for rec in agency_records(rows, as_of)]

    def build_index(self) -> Index | None:
        """Return a match index of the agencies the published notices name (None when none)."""
        rows = self._rows()
        if not rows:
            return None
        return Index.from_records((tuple(row[c] for c in INDEX_COLUMNS), []) for row, _ in rows)

    def events_for(self, agency_ids: list[str]) -> dict[str, list[dict]]:
        """Return the events of the given agencies, in order."""
        wanted = set(agency_ids)
        return {row["id"]: events for row, events in self._rows() if row["id"] in wanted} if wanted else {}

    def get_agency(self, agency_id: str) -> dict | None:
        """Return one agency as registry records are returned (with its events), or None."""
        for row, events in self._rows():
            if row["id"] == agency_id:
                row.update(first_seen=None, last_seen=None, removed_at=None)
                d = agency_dict(row, [], [], self.sources()[0])
                d["events"] = events
                return d
        return None

    def sources(self) -> list[dict]:
        """Return this list's line on the sources page (read once per version of the notices)."""
        return [dict(s) for s in self.cache.get("sources", self._read_sources, [])]

    def _read_sources(self) -> list[dict]:
        """Read this list's line on the sources page."""
        row = appdb.query("select count(*) n, max(decided_at) at from notice_events where state = 'published'",
                          (), self.path)
        n, at = (row[0]["n"], row[0]["at"]) if row else (0, None)
        return [{"id": SOURCE_ID, "name": INFO.name, "publisher": INFO.publisher, "country": INFO.country,
                 "kind": INFO.kind, "url": "", "records": n, "last_success": at, "last_attempt": at,
                 "health": "ok", "data_as_of": at[:10] if at else None, "live": True, "note": INFO.note}]
