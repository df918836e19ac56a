"""A sheet's cells as a grid to look things up by label: merges, text rendering, numbers.

Two reading modes: *exact* for workbooks perfdesk wrote (text kept byte for byte, blank cells
stay blank), *tolerant* for hand-filled ones (whitespace at the ends trimmed, single-line
fields joined, numbers accepted as text with full-width digits and separators).
"""

from __future__ import annotations

import datetime
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from perfdesk.errors import FileFormatError
from perfdesk.fileio import layout as L
from perfdesk.fileio.xlsx_cells import Formula, Number, Sheet
from perfdesk.model import to_amount, typed_amount, without_thousands
from perfdesk.model.kept_sheet import column_letters as column_letter  # noqa: F401 - the readers' name for it


MAX_COVERED = 500_000  # cells a sheet's merges may cover, between them, in the grid's index
LAST_EXCEL_DAY = 2_958_466  # the day after 9999-12-31, counted as Excel counts dates


def plain(number: Decimal) -> str:
    """``Decimal('2.50')`` → ``'2.5'``, ``Decimal('1E+2')`` → ``'100'``: how Excel shows it."""
    return format(number.normalize(), "f")  # "f" writes 1E+2 as 100, without quantize's precision limit


def _formatted(number: Decimal, code: str) -> str:
    """A number as Excel shows it with a custom format that adds text: ``0"人"`` → ``5人``,
    ``"≤"0"元"`` → ``≤2000元``, ``0.00%`` → ``95.00%`` (one section; colours and fills ignored)."""
    parts: list[str | None] = []  # literal text, and None where the digits go
    decimals, grouped, in_decimals, placed, percent = 0, False, False, False, False
    i = 0
    while i < len(code):
        char = code[i]
        if char == '"':
            end = code.find('"', i + 1)
            end = len(code) if end < 0 else end
            parts.append(code[i + 1:end])
            i = end + 1
            continue
        if char == "\\" and i + 1 < len(code):
            parts.append(code[i + 1])
            i += 2
            continue
        if char == "[":  # [Red], [$-804]: no text of their own
            end = code.find("]", i)
            i = len(code) if end < 0 else end + 1
            continue
        if char in "_*" and i + 1 < len(code):  # padding and fill characters
            i += 2
            continue
        if char in "0#?,.":
            if not placed:
                parts.append(None)  # where the digits go
                placed = True
            if char == ".":
                in_decimals = True
            elif char == ",":
                grouped = True
            elif in_decimals:
                decimals += 1
            i += 1
            continue
        if char == "%":
            percent = True
        if char != "@":
            parts.append(char)
        i += 1
    value = number * 100 if percent else number
    value = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    digits = f"{value:,.{decimals}f}" if grouped else f"{value:.{decimals}f}"
    if not placed:
        parts.append(None)
    return "".join(digits if part is None else part for part in parts)


def render(value: object) -> str:
    """The text a clerk sees in a cell."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, Formula):
        return value.text
    if isinstance(value, Number):
        if value.date and 0 <= value.value < LAST_EXCEL_DAY:  # past 9999-12-31 Excel shows ####; the number is told
            day = datetime.date(1899, 12, 30) + datetime.timedelta(days=int(value.value))
            return f"{day.year}年{day.month}月{day.day}日"
        if value.shown:
            try:
                return _formatted(value.value, value.shown)
            except (InvalidOperation, ValueError):
                pass  # an odd format or a huge number: the plain number, as below
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
        budget = MAX_COVERED
        for r1, c1, r2, c2 in sheet.merges:
            self.merge_end[(r1, c1)] = (r2, c2)
            size = (r2 - r1 + 1) * (c2 - c1 + 1)
            # A whole-column merge fills nothing useful; past the budget, neither do the rest
            # (thousands of overlapping merges are no clerk's table).
            if 0 < size <= 10_000 and size <= budget:
                budget -= size
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

    def unknown_result(self, row: int, col: int, value: object) -> None:
        """Refuse a formula whose result was never saved rather than read it as blank."""
        if isinstance(value, Formula):
            raise self.error(f"单元格是公式“{value.text}”，但文件里没有保存它的计算结果（文件可能由其他程序生成）。"
                             "请在 Excel 或 WPS 中打开这个文件并保存一次，再用 perfdesk 打开。", row, col)

    def not_a_date(self, row: int, col: int, value: object, what: str) -> None:
        """Excel turns a typed ``1/2`` or ``3-4`` into a date; read as a number it would be
        a day count (45,000 万元), so it is refused with what Excel shows."""
        if isinstance(value, Number) and value.date:
            raise self.error(f"{what}显示为日期“{render(value)}”，不是数字（Excel 可能把输入的内容自动转成了日期）。"
                             "请把单元格格式改为“数值”或“常规”后重新输入。", row, col)

    def text(self, row: int, col: int, single: bool = False, fill: bool = False) -> str:
        value = self.raw(row, col, fill)
        self.unknown_result(row, col, value)
        text = render(value)
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

    def table_end(self, start: int) -> int:
        """The last row of the table perfdesk wrote from ``start`` on: its print area's end, or
        in a workbook without one (perfdesk before 2026-12), the last row with text among the
        rows that follow ``start`` without a gap (bordered blank rows below are no table rows)."""
        last = self.sheet.print_last_row
        if last is not None and last >= start:
            return last
        row = end = start
        while row + 1 in self.sheet.rows:
            row += 1
            if any(render(value).strip() for _, value in self.row_cells(row)):
                end = row
        return end

    def blank_row(self, row: int, cols: range) -> bool:
        return all(render(self.cells.get((row, c))).strip() == "" for c in cols)

    # ------------------------------------------------------------- numbers
    def amount(self, row: int, col: int, what: str) -> Decimal | None:
        """An amount in 万元. More than two decimals is refused, never rounded: money is not
        changed behind the clerk's back (Excel may show 1.235 as 1.24 and hide the difference)."""
        value = self.raw(row, col)
        self.unknown_result(row, col, value)
        self.not_a_date(row, col, value, what)
        if isinstance(value, Number) and value.percent:
            raise self.error(f"{what}显示为百分比“{render(value)}”，不是金额（应为万元数字，如 12.50）。"
                             "请把单元格格式改为“数值”或“常规”后重新输入。", row, col)
        try:
            if isinstance(value, Number):
                exact = value.value
            elif isinstance(value, bool):
                raise ValueError
            else:  # "300万元" in a column that is in 万元 anyway; any other unit is refused
                exact = typed_amount(value)
            amount = to_amount(exact)
        except (ValueError, InvalidOperation):
            raise self.error(f"{what}“{render(value)}”不是金额（应为万元数字，如 12.50）。", row, col) from None
        if amount is not None and amount != exact:
            shown = "（Excel 里显示的可能是舍入后的数）" if isinstance(value, Number) else ""
            raise self.error(f"{what}“{render(value)}”超过两位小数{shown}。金额以万元为单位、保留两位小数，perfdesk "
                             f"不会替您舍入；请在单元格中改为两位小数（如 {amount}）后再打开。", row, col)
        return amount

    def percent(self, row: int, col: int, what: str) -> Decimal | None:
        """30%, 30 or 0.3 shown as a percentage all give Decimal 30; blank gives None."""
        value = self.raw(row, col)
        if value is None:
            return None
        self.unknown_result(row, col, value)
        self.not_a_date(row, col, value, what)
        text = unicodedata.normalize("NFKC", render(value)).strip().replace(" ", "")
        try:
            if isinstance(value, Number):
                number = value.value * 100 if value.percent else value.value
            elif text == "":
                return None
            else:
                number = Decimal(without_thousands(text).rstrip("%"))
            # Like an amount, a percentage must fit two decimals: 1E+300 is no plan, and
            # everything after (review, PDF, the window) could not print it.
            number.quantize(Decimal("0.01"))
            return Decimal(plain(number))
        except (InvalidOperation, ValueError):
            raise self.error(f"{what}“{render(value)}”不是百分比（应为 30% 或 30 这样的数字）。", row, col) from None
