"""The NGO's own warning list: reports approved by staff, served to `check` as a source like any other.

Entries live in the app database, never in the registry, so a registry rebuild cannot touch them.
Every change to the list changes a token in the app database; `check` reads it on each request
(`version()`), so every web worker rebuilds its small warning index after an approval.
"""
from __future__ import annotations

import csv
import hashlib
import json
from datetime import date
from typing import IO


from verifier import DEFAULT_REGION, appdb
from verifier.records import Record, SourceInfo, agency_row
from verifier.records.template import COLUMNS, spreadsheet_safe
from verifier.names.match import Index
from verifier.names.normalize import name_key
from verifier.names.numbers import parse_phones
from verifier.registry import INDEX_COLUMNS, agency_dict
from verifier.appdb.listcache import ListCache

SOURCE_ID = "ngo_warnings"
# The import template's columns, so the export loads anywhere as a list.
EXPORT_COLUMNS = COLUMNS


def entry_id(name: str, licence: str = "") -> str:
    """Return the stable id of an entry: a hash of the source and its name and licence."""
    return hashlib.sha1(f"{SOURCE_ID}\x1f{name.upper()}|{licence.upper()}".encode()).hexdigest()[:16]


def split_list(text: str | None) -> list[str]:
    """Return the items of a ';'-separated field."""
    return [x.strip() for x in (text or "").split(";") if x.strip()]


# --- moderation: every action lands with its audit row in one transaction ----------------------

def _pending(db, report_id: int, kind: str) -> dict:
    """Return a pending report of the given kind, or raise ValueError."""
    row = db.execute("select * from reports where id = ? and status = 'pending'", [report_id]).fetchone()
    if row is None:
        raise ValueError(f"report {report_id} is not pending")
    report = dict(row)
    if report["kind"] != kind:
        raise ValueError(f"report {report_id} is a {report['kind']}, not a {kind}")
    return report


def approve(report_id: int, actor: str, reason: str, source_url: str = "") -> str:
    """List the reported agency on the warning list with a reason and today's date (and the NGO's page,
    from the app's settings); return the entry id."""
    if not reason.strip():
        raise ValueError("a reason is required: it is shown with the warning")
    with appdb.session() as db:
        report = _pending(db, report_id, "report")
        eid = entry_id(report["name"], report["licence_number"])
        old = db.execute("select removed_at from ngo_entries where id = ?", [eid]).fetchone()
        if old is not None and old[0] is None:
            raise ValueError("this agency is already listed: merge the report into its entry")
        stamp = appdb.now()
        db["ngo_entries"].upsert({
            "id": eid, "name": report["name"], "aliases": "[]", "phones": report["phone"],
            "licence_number": report["licence_number"], "country": report["country"].upper(),
            "status": "listed", "reason": reason.strip(), "listed_on": date.today().isoformat(),
            "source_url": source_url, "created_at": stamp,
            "updated_at": stamp, "removed_at": None,
        }, pk="id")
        appdb.decide_report(db, report_id, "approved", actor, reason.strip(), eid)
        appdb.audit(db, actor, "report.approved", f"report:{report_id}", entry=eid)
        appdb.audit(db, actor, "entry.listed", f"entry:{eid}", report=report_id, reason=reason.strip())
    return eid


def merge(report_id: int, actor: str, target_id: str, note: str = "") -> str:
    """Add a report's name (as an alias), phone and licence to an existing entry; return its id."""
    with appdb.session() as db:
        report = _pending(db, report_id, "report")
        row = db.execute("select name, aliases, phones, licence_number from ngo_entries "
                         "where id = ? and removed_at is null", [target_id]).fetchone()
        if row is None:
            raise ValueError(f"no listed entry {target_id}")
        name, aliases, phones, licence = row[0], json.loads(row[1] or "[]"), split_list(row[2]), row[3]
        known = {name_key(n).key for n in [name, *aliases]}
        if name_key(report["name"]).key not in known:
            aliases.append(report["name"])
        phones += [p for p in split_list(report["phone"]) if p not in phones]
        db["ngo_entries"].update(target_id, {
            "aliases": json.dumps(aliases, ensure_ascii=False), "phones": "; ".join(phones),
            "licence_number": licence or report["licence_number"], "updated_at": appdb.now()})
        appdb.decide_report(db, report_id, "merged", actor, note.strip(), target_id)
        appdb.audit(db, actor, "report.merged", f"report:{report_id}", entry=target_id)
        appdb.audit(db, actor, "entry.merged", f"entry:{target_id}", report=report_id, note=note.strip())
    return target_id


def reject(report_id: int, actor: str, note: str = "") -> None:
    """Close a report or correction without changing the list."""
    with appdb.session() as db:
        kind = db.execute("select kind from reports where id = ?", [report_id]).fetchone()
        _pending(db, report_id, kind[0] if kind else "report")
        appdb.decide_report(db, report_id, "rejected", actor, note.strip())
        appdb.audit(db, actor, "report.rejected", f"report:{report_id}", note=note.strip())


def accept_correction(report_id: int, actor: str, note: str) -> str | None:
    """Accept an agency's correction: delist the NGO entry it names; return that id (None if not ours)."""
    if not note.strip():
        raise ValueError("a note is required: say what was corrected")
    with appdb.session() as db:
        report = _pending(db, report_id, "correction")
        eid = report["agency_id"] or None
        if eid and db.execute("select 1 from ngo_entries where id = ? and removed_at is null", [eid]).fetchone():
            _remove(db, eid, actor, note.strip(), report=report_id)
        else:
            eid = None  # a registry record: the correction goes to its publisher, not to our list
        appdb.decide_report(db, report_id, "accepted", actor, note.strip(), eid)
        appdb.audit(db, actor, "correction.accepted", f"report:{report_id}", entry=eid)
    return eid


def _remove(db, eid: str, actor: str, reason: str, **detail) -> None:
    """Mark an entry removed (kept, with its history) inside the caller's transaction."""
    db["ngo_entries"].update(eid, {"status": "removed", "removed_at": appdb.now(), "updated_at": appdb.now()})
    appdb.audit(db, actor, "entry.removed", f"entry:{eid}", reason=reason, **detail)


def remove_entry(eid: str, actor: str, reason: str) -> None:
    """Take an entry off the list (staff action); raise ValueError when it is not listed."""
    if not reason.strip():
        raise ValueError("a reason is required")
    with appdb.session() as db:
        if not db.execute("select 1 from ngo_entries where id = ? and removed_at is null", [eid]).fetchone():
            raise ValueError(f"no listed entry {eid}")
        _remove(db, eid, actor, reason.strip())


def list_entries(include_removed: bool = False, path=None) -> list[dict]:
    """Return the entries, listed ones first, by name."""
    where = "" if include_removed else "where removed_at is null"
    return appdb.query(f"select * from ngo_entries {where} order by removed_at is not null, name", (), path)


def export_csv(out: IO[str]) -> int:
    """Write the listed entries as CSV in the import template; return the number of rows."""
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS)
    rows = list_entries()
    for e in rows:
        writer.writerow([spreadsheet_safe(v) for v in (  # a cell like =HYPERLINK(…) stays text
            e["name"], "; ".join(json.loads(e["aliases"] or "[]")), e["phones"] or "",
            e["licence_number"] or "", e["country"] or "", e["status"], e["reason"] or "",
            e["listed_on"] or "", e["source_url"] or "")])
    return len(rows)


# --- the list as a source for `check`: the same road as every other source ---------------------

INFO = SourceInfo(id=SOURCE_ID, name="NGO warning list", publisher="The NGO running this check",
                  country=DEFAULT_REGION, kind="warning", url="", min_records=0, max_records=10**7,
                  note="Agencies reported to the NGO's hotline and checked by its staff.")


def entry_record(e: dict) -> Record:
    """Return an entry as the clean record every source yields."""
    listed = e["removed_at"] is None
    return Record(source_key=f"{e['name'].upper()}|{(e['licence_number'] or '').upper()}", name=e["name"],
                  aliases=json.loads(e["aliases"] or "[]"), phones="; ".join(split_list(e["phones"])),
                  licence_number=e["licence_number"] or "", status="listed" if listed else "removed",
                  status_group="warning" if listed else "unknown", status_date=e["listed_on"],
                  reason=e["reason"] or "", country=e["country"] or "", source_url=e["source_url"] or "",
                  data_as_of=e["updated_at"][:10])


def entry_row(e: dict) -> tuple[dict, list]:
    """Return an entry's agencies row (as the store writes one) and its parsed phones."""
    rec = entry_record(e)
    row = agency_row(INFO, rec)
    row.update(id=e["id"], first_seen=e["created_at"], last_seen=e["updated_at"], removed_at=e["removed_at"])
    return row, parse_phones(rec.phones, rec.country or DEFAULT_REGION)


class NgoWarningList:
    """The extra source an engine consults next to the registry: the list in one app database."""

    def __init__(self, path, publisher: str | None = None, url: str = "") -> None:
        self.path = path
        self.publisher, self.url = publisher or INFO.publisher, url or ""  # the app's VERIFIER_NGO_NAME / _URL
        self.cache = ListCache()  # the sources line, read once per version

    def version(self) -> object:
        """Return what changes when the list changes: the database and its list token."""
        self.cache.version = (str(self.path), appdb.list_token(self.path))
        return self.cache.version

    def build_index(self) -> Index | None:
        """Return a match index of the listed entries (None when there are none)."""
        rows = [entry_row(e) for e in list_entries(path=self.path)]
        if not rows:
            return None
        return Index.from_records((tuple(row[c] for c in INDEX_COLUMNS), [(p.e164, p.national) for p in phones])
                                  for row, phones in rows)

    def get_agency(self, agency_id: str) -> dict | None:
        """Return one entry as registry records are returned, or None."""
        found = appdb.query("select * from ngo_entries where id = ?", [agency_id], self.path)
        if not found:
            return None
        row, phones = entry_row(found[0])
        history = [{"status": "removed" if a["action"] == "entry.removed" else "listed",
                    "status_group": "unknown" if a["action"] == "entry.removed" else "warning",
                    "status_date": a["at"][:10], "seen_at": a["at"],
                    "change": {"entry.listed": "listed", "entry.merged": "updated"}.get(a["action"], "removed from source")}
                   for a in reversed(appdb.audit_rows(target=f"entry:{agency_id}", path=self.path))]
        return agency_dict(row, [{"e164": p.e164, "raw": p.raw, "country": p.country, "valid": int(p.valid)}
                                 for p in phones], history, self.sources()[0])

    def sources(self) -> list[dict]:
        """Return this list's line on the sources page (read again only when the list has changed)."""
        return [dict(s) for s in self.cache.get("sources", self._read_sources, [])]

    def _read_sources(self) -> list[dict]:
        """Read this list's line on the sources page from the app database."""
        row = appdb.query("select count(*) as n, max(updated_at) as at from ngo_entries where removed_at is null",
                          (), self.path)
        n, at = (row[0]["n"], row[0]["at"]) if row else (0, None)
        return [{
            "id": SOURCE_ID, "name": INFO.name, "publisher": self.publisher,
            "country": INFO.country, "kind": INFO.kind, "url": self.url,
            "records": n, "last_success": at, "last_attempt": at, "health": "ok",
            "data_as_of": at[:10] if at else None, "live": True, "note": INFO.note,
        }]
