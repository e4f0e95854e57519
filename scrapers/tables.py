"""Tables out of published files: CSV, XLSX, JSON and HTML read into rows of cells, the header row
found from the columns a configured source names, and each data row mapped to template fields.

Header texts match when the configured text is contained in the cell, case and spaces ignored
("Наименование налогоплательщика" finds "Салық төлеушінің атауы\\nНаименование  налогоплательщика").
Every error names the row and column it stopped on.
"""
from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

import openpyxl
from bs4 import BeautifulSoup
from openpyxl.utils import get_column_letter

from .base import SourceError

HEADER_SCAN = 30  # rows searched for the header when header_row is not given
LISTS = ("aliases", "phones", "other_ids")  # fields that join every mapped column; others take the first


@dataclass
class Table:
    """Rows of cell texts and the spreadsheet number of the first one."""
    rows: list[list[str]]
    first_row: int = 1
    keys: bool = False  # columns are JSON keys, not letters


@dataclass
class Mapped:
    """A table read through a column mapping: the header found, which columns feed which field, the rows."""
    header_row: int
    header: list[str]
    columns: dict[str, list[int]]
    rows: list[dict] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)


def cell_text(value) -> str:
    """Return a cell as text: dates as YYYY-MM-DD, whole numbers without '.0', blanks stripped."""
    if value is None:
        return ""
    if isinstance(value, (datetime, date)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\xa0", " ").strip()


def squash(text: str) -> str:
    """Return header text compared the way the configuration means it: case and spaces ignored."""
    return "".join(str(text).casefold().split())


def read_csv(content: bytes, encoding: str | None = None) -> Table:
    """Return a CSV's rows (UTF-8 with or without BOM, else Windows-1251, unless encoding is given)."""
    for enc in ([encoding] if encoding else ["utf-8-sig", "cp1251"]):
        try:
            text = content.decode("utf-8-sig" if enc.lower().replace("_", "-") == "utf-8" else enc)
            break
        except UnicodeDecodeError as exc:
            error = exc
    else:
        raise SourceError(f"not {encoding} text: {error}" if encoding else "neither UTF-8 nor Windows-1251 text")
    if "\x00" in text:
        raise SourceError("holds NUL bytes (UTF-16?); save it as CSV in UTF-8")
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text), strict=True)
    try:
        rows = [[cell_text(c) for c in row] for row in reader]
    except csv.Error as exc:  # strict: a quote never closed (a file cut inside a cell) is an error too
        raise SourceError(f"row {reader.line_num}: not a readable CSV: {exc}") from exc
    _refuse_cut_row(rows, text)
    return Table(rows)


def _refuse_cut_row(rows: list[list[str]], text: str) -> None:
    """Raise when the last row has fewer cells than the rows before it and the file does not end
    with a line break: the file was cut off mid-row (a download that stopped)."""
    full = [len(r) for r in rows[:-1] if len(r) > 1]
    if full and not text.endswith(("\n", "\r")) and len(rows[-1]) < Counter(full).most_common(1)[0][0]:
        raise SourceError(f"row {len(rows)}: the file ends in the middle of a row "
                          f"({len(rows[-1])} of {Counter(full).most_common(1)[0][0]} cells): cut off?")


def _delimiter(text: str) -> str:
    """Return the delimiter that splits most of the first lines into the same number of cells (a
    title line above the header, which csv.Sniffer trips on, does not count against it)."""
    lines = [line for line in text[:16384].splitlines()[:50] if line.strip()]
    best, score = ",", 0
    for delimiter in (",", ";", "\t"):
        try:
            widths = Counter(len(r) for r in csv.reader(lines, delimiter=delimiter) if len(r) > 1)
        except csv.Error:
            continue
        if widths and (top := widths.most_common(1)[0][1]) > score:
            best, score = delimiter, top
    return best


def read_xlsx(content: bytes, sheet: str | None = None) -> Table:
    """Return the rows of one sheet (the first unless named)."""
    try:
        wb = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not XLSX
        raise SourceError(f"not a readable XLSX file: {exc.__class__.__name__}: {exc}") from exc
    if sheet is not None and sheet not in wb.sheetnames:
        raise SourceError(f"no sheet {sheet!r}; the file has {wb.sheetnames}")
    ws = wb[sheet] if sheet else wb.worksheets[0]
    try:
        rows = [[cell_text(c) for c in row] for row in ws.iter_rows(values_only=True)]
    except Exception as exc:  # a cut-off file can open and then fail mid-sheet
        raise SourceError(f"sheet {ws.title!r} cannot be read to the end: {exc.__class__.__name__}: {exc}") from exc
    finally:
        wb.close()
    return Table(rows)


def read_html(content: bytes, selector: str | None = None) -> Table:
    """Return the rows of the first table matching a CSS selector (the first table by default)."""
    soup = BeautifulSoup(content, "html.parser")
    table = soup.select_one(selector or "table")
    if table is None:
        raise SourceError(f"no element matches the table selector {selector or 'table'!r}")
    trs = [tr.find_all(["th", "td"]) for tr in table.find_all("tr")]
    width = max((len(cells) for cells in trs), default=0)
    rows = [[cell_text(c.get_text(" ", strip=True)) for c in cells] for cells in trs
            if not _spans_the_table(cells, width)]
    return Table(rows)


def _spans_the_table(cells: list, width: int) -> bool:
    """Return True for a row of one cell spanning the whole table: a caption or footer ("Total: 40"),
    never a record."""
    if len(cells) != 1 or width < 2:
        return False
    try:
        return int(cells[0].get("colspan", 1)) >= width
    except ValueError:
        return False


def read_json(content: bytes, path: str | None = None) -> Table:
    """Return a JSON list of objects as a table whose header row is the objects' keys."""
    try:
        data = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SourceError(f"not readable JSON: {exc}") from exc
    for part in (path or "").split(".") if path else []:
        if not isinstance(data, dict) or part not in data:
            raise SourceError(f"records path {path!r}: no key {part!r} here")
        data = data[part]
    if not isinstance(data, list) or not all(isinstance(x, dict) for x in data):
        raise SourceError(f"records path {path or '(top)'!r} is not a list of objects")
    keys = list(dict.fromkeys(k for item in data for k in item))
    return Table([keys] + [[cell_text(item.get(k)) for k in keys] for item in data], first_row=0, keys=True)


READERS = {"csv": lambda c, s: read_csv(c, s.get("encoding")), "xlsx": lambda c, s: read_xlsx(c, s.get("sheet")),
           "html": lambda c, s: read_html(c, s.get("table")), "json": lambda c, s: read_json(c, s.get("records"))}


def column_name(table: Table, header: list[str], i: int) -> str:
    """Return how a person finds column i: its letter and header text (a JSON table: its key)."""
    text = " ".join(header[i].split()) if i < len(header) else ""
    return repr(text) if table.keys else f"{get_column_letter(i + 1)} {text!r}"


def match_columns(header: list[str], columns: dict[str, list[str]]) -> tuple[dict[str, list[int]], list[str]]:
    """Return field -> column indexes for one header row, and the problems (missing or ambiguous)."""
    cells = [squash(h) for h in header]
    found, problems = {}, []
    for fld, texts in columns.items():
        found[fld] = []
        for text in texts:
            want = squash(text)
            exact = [i for i, c in enumerate(cells) if c == want]
            hits = exact or [i for i, c in enumerate(cells) if want and want in c]
            if not hits:
                problems.append(f"{fld}: no column {text!r}")
            elif len(hits) > 1:
                problems.append(f"{fld}: {text!r} is in {len(hits)} columns "
                                f"{[' '.join(header[i].split()) for i in hits]}; give more of the header text")
            else:
                found[fld].append(hits[0])
    return found, problems


def find_header(table: Table, columns: dict[str, list[str]], header_row: int | None) -> tuple[int, dict]:
    """Return the index of the header row and its column mapping; raise naming what is missing."""
    if table.keys:
        candidates = [0]
    elif header_row is not None:
        candidates = [header_row - table.first_row]
    else:
        candidates = range(min(HEADER_SCAN, len(table.rows)))
    best = None
    for i in candidates:
        row = table.rows[i] if 0 <= i < len(table.rows) else []
        found, problems = match_columns(row, columns)
        if not problems:
            return i, found
        if best is None or len(problems) < len(best[1]):
            best = (i, problems)
    if best is None:
        raise SourceError("the file has no rows")
    where = f"row {best[0] + table.first_row}" if not table.keys else "the records"
    scope = "" if header_row or table.keys else f" (no header in the first {HEADER_SCAN} rows; closest {where})"
    raise SourceError(f"header not recognised{scope}: " + "; ".join(best[1]))


def map_rows(table: Table, columns: dict[str, list[str]], header_row: int | None = None) -> Mapped:
    """Return the table's data rows as field -> text dicts, each with its row number under '_row'."""
    at, found = find_header(table, columns, header_row)
    header = table.rows[at]
    used = {i for idx in found.values() for i in idx}
    out = Mapped(at + table.first_row, header, found,
                 unread=[column_name(table, header, i) for i, h in enumerate(header) if h and i not in used])
    for n, row in enumerate(table.rows[at + 1:], start=at + 1 + table.first_row):
        values = {f: [row[i] for i in idx if i < len(row) and row[i]] for f, idx in found.items()}
        if not any(values.values()):
            continue  # a blank row
        mapped = {f: ("; ".join(v) if f in LISTS else (v[0] if v else "")) for f, v in values.items()}
        out.rows.append({"_row": n, **mapped})
    return out
