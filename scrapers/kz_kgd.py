"""Kazakhstan, State Revenue Committee (КГД): lists of unreliable taxpayers, as warnings.

One whole-country XLSX per list: row 1 a bilingual title with the as-of date, row 3 a bilingual
header (Kazakh, newline, Russian), data below. The last columns differ between lists, so columns
are mapped by their Russian header text. The false-enterprise list (лжепредприятия) is read by
default; `KZ_KGD_LISTS` names others that share the format (INACTIVE, WRONG_ADDRESS, BANKRUPT,
INVALID_REGISTRATION, …). Directors' names and IINs are personal data a verdict does not need:
they are not read.
"""
from __future__ import annotations

import io
import logging
import os
import re
from datetime import date, datetime

import openpyxl

from .base import Record, SourceError, SourceInfo

log = logging.getLogger(__name__)

SOURCE = SourceInfo(
    id="kz_kgd", name="Unreliable taxpayers: false enterprises (лжепредприятия)",
    publisher="State Revenue Committee (КГД), Ministry of Finance, Kazakhstan", country="KZ",
    kind="warning", url="https://kgd.gov.kz/ru/services/taxpayers_unreliable",
    min_records=1000, max_records=100000, stale_after_days=90, every="7d", licence_label="bin",
    note="A tax-authority list of firms found to be sham enterprises; not a recruitment licence list.",
)
DEFAULT_URL = ("http://kgd.gov.kz/mobile_api/services/taxpayers_unreliable_exportexcel/{code}/KZ_ALL/"
               "fileName/list_{code}_KZ_ALL.xlsx")
LISTS = {
    "PSEUDO_COMPANY": "False enterprise (лжепредприятие)",
    "INACTIVE": "Inactive taxpayer", "WRONG_ADDRESS": "Not at registered address",
    "BANKRUPT": "Bankrupt", "INVALID_REGISTRATION": "Registration declared invalid",
    "VIOLATION_TAX_CODE": "Tax code violation", "TAX_ARREARS_150": "Tax arrears over 150 MCI",
}
# Russian header text -> field. Order matters: the director's columns are matched first.
HEADERS = (
    ("director_iin", r"иин\s*руководител"), ("director_rnn", r"рнн\s*руководител"),
    ("director", r"фио\s*руководител"), ("person", r"фио\s*налогоплательщик"),
    ("bin", r"бин"), ("rnn", r"рнн"), ("name", r"наименование"), ("court", r"решение\s*суда"),
    ("start", r"дата\s*начала"), ("number", r"^№"),
)
PERSONAL = {"director_iin", "director_rnn", "director"}


def _header_fields(row: tuple) -> dict[int, str]:
    """Return column index -> field for a header row, by the Russian part of each cell."""
    fields: dict[int, str] = {}
    for i, cell in enumerate(row):
        text = str(cell or "").strip()
        if not text:
            continue
        russian = text.split("\n")[-1].strip().lower()
        for field_name, pattern in HEADERS:
            if re.search(pattern, russian) and field_name not in fields.values():
                fields[i] = field_name
                break
        else:
            fields[i] = "extra:" + russian
    return fields


def _date(value) -> str | None:
    """Return an ISO date from a cell (a datetime, or text like 02.04.2008 or 2020.04.07)."""
    if isinstance(value, (datetime, date)):
        return value.strftime("%Y-%m-%d")
    text = str(value or "")
    if m := re.search(r"(\d{2})\.(\d{2})\.(\d{4})", text):
        return f"{m.group(3)}-{m.group(2)}-{m.group(1)}"
    if m := re.search(r"(\d{4})\.(\d{2})\.(\d{2})", text):
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    return None


def _clean_id(value) -> str:
    """Return a 12-digit BIN/RNN as text (Excel may have stored it as a number)."""
    text = str(value or "").strip()
    if re.fullmatch(r"\d+(\.0)?", text):
        text = text.split(".")[0].zfill(12)
    return text


def parse_xlsx(content: bytes, code: str = "PSEUDO_COMPANY") -> list[Record]:
    """Return the records of one KGD list export; fail if the header cannot be mapped."""
    try:
        wb = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not XLSX
        raise SourceError(f"kz_kgd {code}: not a readable XLSX: {exc}") from exc
    rows = wb.worksheets[0].iter_rows(values_only=True)
    title, fields, as_of = "", None, None
    for i, row in enumerate(rows):
        if i == 0:
            title = str(row[0] or "")
            as_of = _date(title)
        if any(re.search(r"наименование", str(c or "").lower()) for c in row):
            fields = _header_fields(row)
            break
        if i > 10:
            break
    if not fields or not {"name", "bin", "rnn"} <= set(fields.values()):
        # A renamed BIN column would silently re-key every record on its RNN: refuse instead.
        raise SourceError(f"kz_kgd {code}: header not recognised (need name, BIN and RNN columns); "
                          f"got {[f for f in (fields or {}).values()]}")
    records = []
    for row in rows:
        rec = _record(dict(zip(fields.values(), row)), code, as_of)
        if rec:
            records.append(rec)
    wb.close()
    return records


def _record(cells: dict, code: str, as_of: str | None) -> Record | None:
    """Return one record from a data row, or None for a blank row."""
    for key in PERSONAL:
        cells.pop(key, None)
    name = str(cells.pop("name", None) or cells.pop("person", None) or "").strip()
    cells.pop("person", None)
    bin_, rnn = _clean_id(cells.pop("bin", None)), _clean_id(cells.pop("rnn", None))
    cells.pop("number", None)
    if not name and not (bin_ or rnn):
        return None
    if not name:
        raise SourceError(f"kz_kgd {code}: row {bin_ or rnn} without a name")
    court = str(cells.pop("court", None) or "").strip()
    start = _date(cells.pop("start", None))
    extra = {k[6:]: (_date(v) or str(v)) for k, v in cells.items() if k.startswith("extra:") and v not in (None, "")}
    region = rnn[:2] if rnn else ""
    return Record(
        source_key=f"{code}|{bin_ or rnn or name}", name=name, licence_number=bin_,
        other_ids=[rnn] if rnn else [], status=LISTS.get(code, code), status_group="warning",
        status_date=start, reason=court, data_as_of=as_of, country="KZ",
        source_url=list_url(code),
        extra={"list": code, "rnn_region": region, **extra},
    )


def list_url(code: str) -> str:
    """Return the export URL of one list (KGD_URL_TEMPLATE with {code}, read at each call)."""
    return os.environ.get("KGD_URL_TEMPLATE", DEFAULT_URL).format(code=code)


def list_codes() -> list[str]:
    """Return the list codes to read (KZ_KGD_LISTS, comma-separated; false enterprises by default)."""
    codes = [c.strip().upper() for c in os.environ.get("KZ_KGD_LISTS", "PSEUDO_COMPANY").split(",") if c.strip()]
    unknown = [c for c in codes if c not in LISTS]
    if unknown:
        raise SourceError(f"unknown KGD list codes {unknown}; known: {sorted(LISTS)}")
    return codes


def crawl(fetcher) -> list[Record]:
    """Return the records of every configured list."""
    records: list[Record] = []
    for code in list_codes():
        name = f"list_{code}_KZ_ALL.xlsx"
        records.extend(parse_xlsx(fetcher.get(list_url(code), name).content, code))
    return records
