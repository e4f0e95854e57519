"""Records and sources: the schema every list is read into, whoever reads it.

A source (`SourceInfo`) says who publishes a list and what it is; a `Record` is one clean entry of
it; `agency_row` is the row the registry stores for it, with its stable id. The status vocabulary
(`statuses`) and the import template's columns (`template`) live beside them. The scrapers, the
NGO's own list and the tests all build records through this package.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from verifier.names.normalize import NORM_VERSION, name_key
from verifier.names.numbers import licence_key

# The lists built into the project: a registry missing any of them gives no verdict (503).
BUILTIN_SOURCES = ("ph_dmw", "hk_eaa", "kz_kgd")
# Ids no configured or imported list may take: the built-ins, the NGO's own list, the official notices.
RESERVED_SOURCES = frozenset({*BUILTIN_SOURCES, "ngo_warnings", "official_notices"})
# What a source's numbers are: a licence (the default) or a Kazakh business identification number.
LICENCE_LABELS = ("licence", "bin", "registration")


def number_kind(source: dict, list_kind: str) -> str:
    """Return what a record's number is: its source's `licence_label` when that says BIN or
    registration, else a registration number on a warning list and a licence on a registry."""
    label = source.get("licence_label")
    if label in LICENCE_LABELS and label != "licence":
        return label
    return "registration" if list_kind == "warning" else "licence"


class SourceError(Exception):
    """A source could not be fetched or understood; its previous data stays."""


@dataclass(frozen=True)
class SourceInfo:
    """Metadata of one source: who publishes it, what it is, how many records to expect."""
    id: str
    name: str
    publisher: str
    country: str
    kind: str  # registry | warning
    url: str
    min_records: int
    max_records: int
    note: str = ""
    live: bool = True  # False: no live crawler yet, only offline or imported data
    stale_after_days: int = 45
    every: str = "1d"  # how often `run --due` refreshes it (30m, 6h, 1d, 2w)
    licence_label: str = "licence"  # what its numbers are: licence, bin (a Kazakh BIN) or registration


@dataclass
class Record:
    """One clean record, as the store writes it."""
    source_key: str
    name: str
    aliases: list[str] = field(default_factory=list)
    phones: str = ""  # the field as published; the store splits and normalises it
    licence_number: str = ""
    other_ids: list[str] = field(default_factory=list)
    status: str = ""
    status_group: str = "unknown"  # valid | invalid | warning | unknown
    status_date: str | None = None
    expires_on: str | None = None
    reason: str = ""
    address: str = ""
    city: str = ""
    country: str = ""
    representative: str = ""
    emails: list[str] = field(default_factory=list)
    website: str = ""
    source_url: str = ""
    data_as_of: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def agency_id(source_id: str, source_key: str) -> str:
    """Return the stable id of a record: a hash of its source and its key there."""
    return hashlib.sha1(f"{source_id}\x1f{source_key}".encode()).hexdigest()[:16]


def agency_row(info: SourceInfo, rec: Record) -> dict:
    """Return the agencies row of one record, without bookkeeping columns."""
    key = name_key(rec.name)
    aliases = list(dict.fromkeys([*key.aliases, *rec.aliases]))
    return {
        "id": agency_id(info.id, rec.source_key), "source": info.id, "source_key": rec.source_key,
        "list_kind": info.kind, "name": key.display or rec.name, "aliases": json.dumps(aliases, ensure_ascii=False),
        "name_key": key.key, "alias_keys": json.dumps([name_key(a).key for a in aliases]),
        "licence_number": rec.licence_number, "licence_key": licence_key(rec.licence_number),
        "other_ids": json.dumps([licence_key(i) for i in rec.other_ids if licence_key(i)]),
        "status": rec.status, "status_group": rec.status_group, "status_date": rec.status_date,
        "expires_on": rec.expires_on, "reason": rec.reason, "address": rec.address,
        "city": rec.city, "country": rec.country or info.country,
        "representative": rec.representative, "emails": json.dumps(rec.emails, ensure_ascii=False),
        "website": rec.website, "source_url": rec.source_url or info.url,
        "data_as_of": rec.data_as_of, "extra": json.dumps(rec.extra, ensure_ascii=False, sort_keys=True, default=str),
        "norm_version": NORM_VERSION,
    }
