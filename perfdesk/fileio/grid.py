"""A sheet's cells as a grid to look things up by label: merges, text rendering, numbers.

Two reading modes: *exact* for workbooks perfdesk wrote (text kept byte for byte, blank cells
stay blank), *tolerant* for hand-filled ones (whitespace at the ends trimmed, single-line
fields joined, numbers accepted as text with full-width digits and separators).
"""

from __future__ import annotations

import datetime
import unicodedata
from decimal import Decimal, InvalidOperation

from perfdesk.errors import FileFormatError
from perfdesk.fileio import layout as L
from perfdesk.fileio.xlsx_cells import Number, Sheet
from perfdesk.model import to_amount


def column_letter(col: int) -> str:
    letters = ""
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def plain(number: Decimal) -> str:
    """``Decimal('2.50')`` → ``'2.5'``, ``Decimal('1E+2')`` → ``'100'``: how Excel shows it."""
    number = number.normalize()
    if number.as_tuple().exponent > 0:
        number = number.quantize(Decimal(1))
    return format(number, "f")


def render(value: object) -> str:
    """The text a clerk sees in a cell."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, Number):
        if value.date:
            day = datetime.date(1899, 12, 30) + datetime.timedelta(days=int(value.value))
            return f"{day.year}年{day.month}月{day.day}日"
        if value.percent:
            return plain(value.value * 100) + "%"
        return plain(value.value)
    return str(value)


class Grid:
    def __init__(self, sheet: Sheet, exact: bool, path: str | None = None) -> None:
        self.sheet, self.exact, self.path = sheet, exact, path
        self.cells = sheet.cells
        self.merge_end: dict[tuple[int, int], tuple[int, int]] = {}
        self.covered: dict[tuple[int, int], tuple[int, int]] = {}
        for r1, c1, r2, c2 in sheet.merges:
            self.merge_end[(r1, c1)] = (r2, c2)
            if (r2 - r1 + 1) * (c2 - c1 + 1) <= 10_000:  # a whole-column merge fills nothing useful
                for r in range(r1, r2 + 1):
                    for c in range(c1, c2 + 1):
                        if (r, c) != (r1, c1):
                            self.covered[(r, c)] = (r1, c1)

        self.by_row: dict[int, list[tuple[int, object]]] = {}
        for (r, c), value in sorted(self.cells.items()):
            self.by_row.setdefault(r, []).append((c, value))

    def row_cells(self, row: int) -> list[tuple[int, object]]:
        """(column, value) of a row's non-empty cells, left to right."""
        return self.by_row.get(row, [])

    @property
    def name(self) -> str:
        return self.sheet.name

    def error(self, message: str, row: int, col: int) -> FileFormatError:
        return FileFormatError(message, path=self.path, sheet=self.name, cell=f"{column_letter(col)}{row}")

    def raw(self, row: int, col: int, fill: bool = False) -> object:
        """The value at a cell; with ``fill`` a cell covered by a merge gives the merge's value."""
        if fill and (row, col) in self.covered:
            row, col = self.covered[(row, col)]
        return self.cells.get((row, col))

    def text(self, row: int, col: int, single: bool = False, fill: bool = False) -> str:
        text = render(self.raw(row, col, fill))
        if self.exact:
            return text
        text = L.tidy(text)
        return L.one_line(text) if single else text

    def key(self, row: int, col: int) -> str:
        return L.label_key(self.cells.get((row, col)))

    def right_of(self, row: int, col: int) -> int:
        """The column just after a (possibly merged) label cell."""
        return self.merge_end.get((row, col), (row, col))[1] + 1

    def row_keys(self, row: int) -> list[tuple[int, str]]:
        return [(c, L.label_key(v)) for c, v in self.row_cells(row) if isinstance(v, str)]

    def blank_row(self, row: int, cols: range) -> bool:
        return all(render(self.cells.get((row, c))).strip() == "" for c in cols)

    # ------------------------------------------------------------- numbers
    def amount(self, row: int, col: int, what: str) -> Decimal | None:
        value = self.raw(row, col)
        try:
            if isinstance(value, Number):
                return to_amount(value.value)
            if isinstance(value, bool):
                raise ValueError
            return to_amount(value)
        except ValueError:
            raise self.error(f"{what}“{render(value)}”不是金额（应为万元数字，如 12.50）。", row, col) from None

    def percent(self, row: int, col: int, what: str) -> Decimal | None:
        """30%, 30 or 0.3 shown as a percentage all give Decimal 30; blank gives None."""
        value = self.raw(row, col)
        if value is None:
            return None
        if isinstance(value, Number):
            number = value.value * 100 if value.percent else value.value
            return Decimal(plain(number))
        text = unicodedata.normalize("NFKC", render(value)).strip().replace(" ", "").replace(",", "")
        if text == "":
            return None
        try:
            number = Decimal(text.rstrip("%"))
            if not number.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            raise self.error(f"{what}“{render(value)}”不是百分比（应为 30% 或 30 这样的数字）。", row, col) from None
        return Decimal(plain(number))
