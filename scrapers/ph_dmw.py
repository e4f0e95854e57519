"""Philippines, Department of Migrant Workers (DMW): licensed recruitment agencies.

Live: the JSON API behind dmw.gov.ph, 50 records a page, paged until `nextPageUrl` is null. It wants
an `x-api-key` (the public site embeds it in its JS bundle and it may rotate: `DMW_API_KEY` in the
environment) and the site's Origin/Referer. Offline: saved API pages, or the whole public directory
as rendered by the site (3,794 records), enriched from whatever saved API pages cover.
"""
from __future__ import annotations

import logging
import os
import re
import sys
from tqdm import tqdm

from verifier.records import statuses

from .base import Record, SourceError, SourceInfo, leftover_warning, take

log = logging.getLogger(__name__)

SOURCE = SourceInfo(
    id="ph_dmw", name="Licensed recruitment agencies (land-based)",
    publisher="Department of Migrant Workers (DMW), Philippines", country="PH", kind="registry",
    url="https://dmw.gov.ph/licensed-recruitment-agencies", min_records=3000, max_records=20000,
    note="DMW publishes no licence numbers. Report illegal recruitment: DMW hotline 1348.",
)
DEFAULT_API = "https://master-api.dmw.gov.ph/api/v1/public/licensed-agencies"
SITE = "https://dmw.gov.ph"
MAX_PAGES = 400

_PLACEHOLDER_PHONES = re.compile(r"^\W*(for installation|n/?a|none|null|0+)\W*$", re.I)


def status_group(status: str) -> str:
    """Return valid|invalid|unknown for a published status, as published: expiry is the verdict's."""
    group = statuses.group_of(status)
    if group == "unknown":
        log.warning("ph_dmw: unknown status %r mapped to 'unknown'", status)
    return group


def api_url() -> str:
    """Return the API's URL (DMW_API_URL, read at each call so a test or deployer can point it)."""
    return os.environ.get("DMW_API_URL", DEFAULT_API)


def _iso_date(value) -> str | None:
    """Return the date part of an ISO timestamp, or None."""
    return value[:10] if isinstance(value, str) and re.match(r"\d{4}-\d\d-\d\d", value) else None


def _phones(value: str) -> str:
    """Return a phone field without the directory's placeholders."""
    return "" if _PLACEHOLDER_PHONES.match(value or "") else value


def source_key(name: str, address: str) -> str:
    """Return the key of a DMW record: the name and address as published (no licence number exists)."""
    return f"{' '.join(name.upper().split())}|{' '.join(address.upper().split())}"


def _require(raw: dict, keys: tuple[str, ...]) -> None:
    """Raise SourceError when a record lacks a field the key or the status is made of (renamed?)."""
    if missing := [k for k in keys if k not in raw]:
        raise SourceError(f"DMW record without field(s) {missing}: renamed? got {sorted(raw)}")


def parse_api_page(payload: dict) -> tuple[list[Record], str | None]:
    """Return the records of one API page and the next page's URL (None on the last page)."""
    if not isinstance(payload, dict) or not isinstance(payload.get("data"), list) or "meta" not in payload:
        raise SourceError("DMW API page without meta/data envelope")
    records = []
    for raw in payload["data"]:
        raw = dict(raw)
        _require(raw, ("name", "address", "license_status"))
        name, address = take(raw, "name"), take(raw, "address")
        if not name:
            raise SourceError("DMW API record without a name")
        status = take(raw, "license_status")
        expires = _iso_date(take(raw, "license_expiration_date", None))
        email = take(raw, "eMail") or take(raw, "email")  # the list endpoint spells it eMail
        raw.pop("email", None)
        records.append(Record(
            source_key=source_key(name, address), name=name, address=address,
            phones=_phones(take(raw, "contact_number")), status=status,
            status_group=status_group(status),
            status_date=_iso_date(take(raw, "license_status_date", None)), expires_on=expires,
            city=", ".join(x for x in (take(raw, "municipality_province"), take(raw, "city_province")) if x),
            representative=take(raw, "representative"),
            emails=[e.strip() for e in re.split(r"[/;, ]+", email) if "@" in e],
            data_as_of=_iso_date(take(raw, "data_as_of", None)),
            extra={"classification": take(raw, "classification"), "is_valid": raw.pop("is_valid", None)},
        ))
        leftover_warning(raw, SOURCE.id, log)
    return records, payload["meta"].get("nextPageUrl")


def parse_directory(items: list, as_of: str | None) -> list[Record]:
    """Return the records of the public directory capture (a JSON array of the site's rows)."""
    if not isinstance(items, list):
        raise SourceError("DMW directory capture is not a JSON array")
    records = []
    for raw in items:
        raw = dict(raw)
        _require(raw, ("name", "address", "status"))
        name, address = take(raw, "name"), take(raw, "address")
        if not name:
            raise SourceError("DMW directory row without a name")
        status = take(raw, "status")
        licence = take(raw, "licenseNumber")  # always "N/A" in the directory
        records.append(Record(
            source_key=source_key(name, address), name=name, address=address,
            phones=_phones(take(raw, "phone")), status=status,
            status_group=status_group(status),
            licence_number="" if licence.upper() in ("N/A", "NA") else licence,
            representative=take(raw, "contactName"), data_as_of=as_of,
        ))
        leftover_warning(raw, SOURCE.id, log)
    return records


def crawl(fetcher) -> list[Record]:
    """Return every record: API pages live; offline the saved pages or the directory capture."""
    if not fetcher.offline:
        return _crawl_api(fetcher)
    try:
        return _crawl_api(fetcher)
    except SourceError as exc:
        directories = fetcher.files("directory/*.json")
        if not directories:
            raise
        log.info("ph_dmw: saved API pages incomplete (%s); using the directory capture", exc)
    newest = directories[-1]
    as_of = m.group(0) if (m := re.search(r"\d{4}-\d\d-\d\d", newest.name)) else None
    records = parse_directory(fetcher.get(api_url(), "directory/" + newest.name).json(), as_of)
    return _enrich(records, fetcher)


def _crawl_api(fetcher) -> list[Record]:
    """Page through the licensed-agencies API until nextPageUrl is null."""
    headers = {"Origin": SITE, "Referer": SITE + "/", "Accept": "application/json"}
    if not fetcher.offline:
        key = os.environ.get("DMW_API_KEY")
        if not key:
            raise SourceError("DMW_API_KEY is not set (the key the public site embeds; see README)")
        headers["x-api-key"] = key
    records: list[Record] = []
    bar = tqdm(desc="ph_dmw pages", unit="page", disable=fetcher.offline or not sys.stderr.isatty())
    for page in range(1, MAX_PAGES + 1):
        resp = fetcher.get(api_url(), f"api/licensed-agencies.page-{page}.json", params={"page": page}, headers=headers)
        batch, next_url = parse_api_page(resp.json())
        if not batch and next_url:
            raise SourceError(f"DMW API page {page} is empty but not the last")
        records.extend(batch)
        bar.update(1)
        if not next_url:
            bar.close()
            return records
    raise SourceError(f"DMW API still paging after {MAX_PAGES} pages")


def _enrich(records: list[Record], fetcher) -> list[Record]:
    """Add status dates, expiry, e-mails and city from saved API pages to directory records."""
    details: dict[str, Record] = {}
    for path in fetcher.files("api/licensed-agencies*.json"):
        try:
            batch, _ = parse_api_page(fetcher.get(api_url(), "api/" + path.name).json())
        except SourceError as exc:
            log.warning("ph_dmw: skipping saved page %s: %s", path.name, exc)
            continue
        details.update((r.source_key, r) for r in batch)
    for rec in records:
        if (api := details.get(rec.source_key)) and api.status == rec.status:
            rec.status_date, rec.expires_on, rec.emails, rec.city = api.status_date, api.expires_on, api.emails, api.city
            rec.status_group = api.status_group
            rec.extra = api.extra
    return records
