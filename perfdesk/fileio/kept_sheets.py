"""Sheets perfdesk does not understand, carried through a save: what is kept and what is not.

A sheet of the clerk's workbook that is neither Part 1, the 目录 nor a project table (a 说明,
a 汇总, a 附件) becomes a :class:`~perfdesk.model.KeptSheet` when the workbook is read
(:func:`keep_sheet`), and is written back after the project sheets when the document is saved
(``xlsx_write.write_kept_sheet``, under the name :func:`kept_sheet_names` gives it).

Kept, so that the clerk sees the same words and numbers after a save:

- text, exactly (line breaks, spaces, a leading ``=`` — always text, never a formula);
- numbers, exactly (Decimal, never a float; Excel itself keeps 15 significant digits), shown
  as a percentage (``0%``, or the file's own ``0.00%``), as a date (``yyyy/m/d``, with
  ``h:mm`` when there is a time of day), or with a custom format that adds text (``0"人"``);
- TRUE / FALSE;
- a formula saved *without* its result (a file written by a program, never opened in Excel):
  kept as that formula and written back as one, so Excel or WPS works it out on opening as
  before. The one exception is a shared formula's later cell, whose own formula text the
  reader does not know: it is kept as the text ``=…``;
- merged ranges, and column widths when the reader supplies them.

Not kept (said here so nobody expects it):

- formatting: fonts, colours, fills, borders, alignment and wrapping, row heights;
- number formats other than the ones above: a plain number is written in Excel's General
  format (1234.50 shown with ``0.00`` or ``#,##0.00`` comes back as 1234.5), a date in
  ``yyyy/m/d`` whatever its original format;
- formulas whose result the file holds: the result is kept as a value, the formula is not;
- comments, hyperlinks, pictures, charts, data validation, conditional formatting, filters,
  frozen panes, print settings, hidden state and tab colour;
- text hidden under a merged range (other than its top-left cell), which Excel does not show;
- the sheet's place among the others: kept sheets follow the project sheets, in the order read;
- the sheet's name when it clashes with one of perfdesk's own sheets (第一部分, 目录, a project
  sheet), is not a valid Excel name, or repeats another: see :func:`kept_sheet_names`.

Chart sheets and macro sheets are not read at all, so they are not kept either.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from perfdesk.fileio.xlsx_cells import Formula, Number, Sheet
from perfdesk.model import KeptCell, KeptSheet
from perfdesk.model.kept_sheet import LARGEST, MAX_COL, MAX_ROW, cell_ref, covered_cells

MAX_SHEET_NAME = 31  # Excel's limit
DEFAULT_NAME = "工作表"
RESERVED_NAMES = ("History",)  # Excel keeps it for its change history
DATE_FORMAT = "yyyy/m/d"
DATE_TIME_FORMAT = "yyyy/m/d h:mm"
UNKNOWN_FORMULA = "=…"  # what xlsx_cells gives for a shared formula's later cells
_UNSAFE_NAME = re.compile(r"[\[\]:*?/\\\x00-\x1f]")


# ------------------------------------------------------------------------------ reading
def number_format(number: Number) -> str:
    """The number format that shows ``number`` as the clerk's file did, as far as it is known."""
    if number.date:
        return DATE_FORMAT if number.value == number.value.to_integral_value() else DATE_TIME_FORMAT
    if number.shown:
        return number.shown
    return "0%" if number.percent else ""


def _cell(ref: str, value: object) -> KeptCell | None:
    if isinstance(value, str):
        return KeptCell(ref=ref, text=value) if value else None
    if isinstance(value, bool):
        return KeptCell(ref=ref, boolean=value)
    if isinstance(value, Number):
        if value.value.is_finite() and abs(value.value) <= LARGEST:
            return KeptCell(ref=ref, number=value.value, format=number_format(value))
        return KeptCell(ref=ref, text=str(value.value))  # a damaged <v>: its text, not a lost cell
    if isinstance(value, Formula):
        if value.text == UNKNOWN_FORMULA or len(value.text) < 2:
            return KeptCell(ref=ref, text=value.text)
        return KeptCell(ref=ref, formula=value.text)
    if value is None:
        return None
    return KeptCell(ref=ref, text=str(value))


def _merges(sheet: Sheet) -> list[str]:
    """The sheet's merged ranges that Excel would accept: inside the grid, more than one cell,
    not overlapping one read before (a damaged file's duplicates are dropped)."""
    kept: list[tuple[int, int, int, int]] = []
    for r1, c1, r2, c2 in sheet.merges:
        r1, r2, c1, c2 = min(r1, r2), max(r1, r2), min(c1, c2), max(c1, c2)
        if r1 < 1 or c1 < 1 or r2 > MAX_ROW or c2 > MAX_COL or (r1, c1) == (r2, c2):
            continue
        if any(s1 <= r2 and r1 <= s2 and d1 <= c2 and c1 <= d2 for s1, d1, s2, d2 in kept):
            continue
        kept.append((r1, c1, r2, c2))
    return [f"{cell_ref(r1, c1)}:{cell_ref(r2, c2)}" for r1, c1, r2, c2 in kept]


def keep_sheet(sheet: Sheet) -> KeptSheet | None:
    """What of ``sheet`` is carried through a save, or None if it shows nothing at all."""
    merges = _merges(sheet)
    positions = sorted(p for p in sheet.cells if 1 <= p[0] <= MAX_ROW and 1 <= p[1] <= MAX_COL)
    hidden = set(covered_cells(merges, positions)) if merges else set()
    cells = [cell for cell in (_cell(cell_ref(*p), sheet.cells[p]) for p in positions if p not in hidden)
             if cell is not None]
    if not any(cell.text is None or cell.text.strip() for cell in cells):
        return None
    # Column widths once the cell reader supplies them (``Sheet.column_widths``: letters → width).
    widths = getattr(sheet, "column_widths", None) or {}
    return KeptSheet(name=sheet.name, cells=cells, merges=merges, column_widths=widths)


# ------------------------------------------------------------------------------ writing
def safe_sheet_name(name: str) -> str:
    """``name`` as Excel accepts it: without ``[ ] : * ? / \\`` and control characters, no
    apostrophe at either end, at most 31 characters; ``工作表`` if nothing is left."""
    name = _UNSAFE_NAME.sub("", name)[:MAX_SHEET_NAME].strip("'")
    return name if name.strip() else DEFAULT_NAME


def kept_sheet_names(sheets: Iterable[KeptSheet], taken: Iterable[str]) -> list[str]:
    """The name each kept sheet is written under, in order.

    ``taken`` are perfdesk's own sheet names in the same workbook. A kept sheet keeps its name
    when it is safe and free (Excel compares names without case); otherwise it becomes
    ``name (2)``, ``name (3)`` … — the first free number, cut to fit 31 characters — so the same
    document always gives the same names, and a workbook saved again keeps them.
    """
    used = {name.casefold() for name in taken} | {name.casefold() for name in RESERVED_NAMES}
    names = []
    for sheet in sheets:
        base = safe_sheet_name(sheet.name)
        name, number = base, 2
        while name.casefold() in used:
            suffix = f" ({number})"
            name = base[:MAX_SHEET_NAME - len(suffix)].rstrip("'") + suffix
            number += 1
        used.add(name.casefold())
        names.append(name)
    return names
