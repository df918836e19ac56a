"""Indicator rows as tab-separated text, the way Excel and WPS put cells on the clipboard:
reading and writing it, and fitting rows copied from the official 7-column table to the six
indicator fields. Plain Python (no Qt), used by the indicator grid's copy and paste.
"""

from __future__ import annotations

import csv
import io

from perfdesk.model import INDICATOR_FIELDS, INDICATOR_HEADERS


def rows_from_tsv(text: str) -> list[list[str]]:
    """Rows of cells from tab-separated clipboard text as Excel/WPS write it.

    Rows end in CR LF (or LF); a cell holding a tab, line break or quote is quoted with
    doubled inner quotes. A trailing empty line is not a row.
    """
    if not text:
        return []
    rows = [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter="\t")]
    while rows and all(cell == "" for cell in rows[-1]):
        rows.pop()
    return rows


def rows_to_tsv(rows: list[list[str]]) -> str:
    """Tab-separated text that Excel/WPS paste back as the same cells."""
    def cell(text: str) -> str:
        if any(ch in text for ch in '\t\r\n"'):
            return '"' + text.replace('"', '""') + '"'
        return text

    return "".join("\t".join(cell(text) for text in row) + "\r\n" for row in rows)


def indicator_rows(rows: list[list[str]]) -> list[list[str]]:
    """Fit pasted rows to the six indicator fields.

    A copy of the official seven-column table (描述 merged over D:E) gives an empty E cell:
    when every row has seven cells and E is blank, E is dropped.
    """
    if rows and all(len(row) == 7 and row[4] == "" for row in rows):
        rows = [row[:4] + row[5:] for row in rows]
    # A copy taken together with the table's header row: the header is not an indicator.
    while rows and [cell.strip() for cell in rows[0][:len(INDICATOR_HEADERS)]] == list(INDICATOR_HEADERS):
        rows = rows[1:]
    return _fill_merged_levels(rows)


def _fill_merged_levels(rows: list[list[str]]) -> list[list[str]]:
    """Whole rows copied from the official table: Excel gives a merged 一级/二级 cell's text
    in its first row only. A blank 一级 (or 二级) under a filled one is that merged cell
    again, as it is printed; without this the pasted rows lost their 一级/二级."""
    if not rows or min(len(row) for row in rows) < len(INDICATOR_FIELDS):
        return rows
    filled = [list(rows[0])]
    for row in rows[1:]:
        row, above = list(row), filled[-1]
        if row[0].strip() == "" and above[0].strip():
            row[0] = above[0]
            if row[1].strip() == "" and above[1].strip():
                row[1] = above[1]
        filled.append(row)
    return filled
