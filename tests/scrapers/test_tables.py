"""Reading published tables: a file cut off mid-row fails, a footer spanning an HTML table is no record."""
from __future__ import annotations

import pytest

from scrapers import tables
from scrapers.base import SourceError

HEADER = "name,phones,licence_number\n"  # invented rows below


@pytest.mark.parametrize("content,message", [
    (HEADER + "Invented Agency One,+7 701 000 00 01,X-1\nInvented Agency Two,+7 701", "ends in the middle of a row"),
    (HEADER + 'Invented Agency One,+7 701 000 00 01,X-1\n"Invented Agency Tw', "unexpected end of data"),
])
def test_a_csv_cut_off_mid_row_is_refused(content, message):
    with pytest.raises(SourceError, match=message):
        tables.read_csv(content.encode())


def test_a_complete_csv_without_a_last_line_break_is_read():
    rows = tables.read_csv((HEADER + "Invented Agency One,+7 701 000 00 01,X-1").encode()).rows
    assert rows[-1] == ["Invented Agency One", "+7 701 000 00 01", "X-1"]


def test_a_row_spanning_an_html_table_is_no_record():
    html = ("<table><tr><th colspan=3>Invented list of agencies</th></tr><tr><th>Name</th><th>Tel</th><th>No</th></tr>"
            "<tr><td>Invented Agency One</td><td>1</td><td>X-1</td></tr>"
            "<tr><td colspan='3'>Total: 1 agency. Updated 2026-12-01</td></tr></table>").encode()
    assert tables.read_html(html).rows == [["Name", "Tel", "No"], ["Invented Agency One", "1", "X-1"]]
