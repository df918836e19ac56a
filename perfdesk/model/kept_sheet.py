"""A sheet of the clerk's workbook that perfdesk does not understand, carried through a save.

A clerk's 说明, 汇总 or 附件 sheet is neither Part 1, the 目录 nor a project table; it is kept
as plain values by cell (text, exact Decimal numbers with their number format, booleans, and
formulas whose result was never saved), its merged ranges and its column widths, so that a
save writes it back. No Qt and no file format here: ``perfdesk.fileio.kept_sheets`` says what
of a workbook is kept and what is not.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from decimal import Decimal
from typing import Any

from pydantic import (
    BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, field_validator, model_serializer, model_validator,
)

MAX_ROW = 1_048_576  # Excel's grid
MAX_COL = 16_384  # XFD
MAX_COLUMN_WIDTH = 255
MAX_FORMAT = 255  # Excel's longest number format code
# Excel keeps doubles; anything beyond could not be written into a cell.
LARGEST = Decimal("1.7976931348623157E+308")
_REF = re.compile(r"([A-Z]{1,3})([1-9][0-9]{0,6})")
_COLUMN = re.compile(r"[A-Z]{1,3}")


def column_index(letters: str) -> int:
    """``"A"`` → 1, ``"AB"`` → 28."""
    index = 0
    for char in letters:
        index = index * 26 + ord(char) - 64
    return index


def column_letters(index: int) -> str:
    """1 → ``"A"``, 28 → ``"AB"``."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_ref(row: int, col: int) -> str:
    """(12, 2) → ``"B12"``."""
    return f"{column_letters(col)}{row}"


def parse_ref(ref: str) -> tuple[int, int]:
    """``"B12"`` → (12, 2). ValueError for anything outside Excel's grid."""
    match = _REF.fullmatch(ref) if isinstance(ref, str) else None
    if not match:
        raise ValueError(f"“{ref}”不是单元格位置（应为 B12 这样的写法）")
    row, col = int(match.group(2)), column_index(match.group(1))
    if row > MAX_ROW or col > MAX_COL:
        raise ValueError(f"单元格“{ref}”超出了工作表的范围")
    return row, col


def parse_range(text: str) -> tuple[int, int, int, int]:
    """``"B2:D3"`` → (2, 2, 3, 4): first row, first column, last row, last column."""
    first, colon, last = text.partition(":") if isinstance(text, str) else ("", "", "")
    if not colon:
        raise ValueError(f"“{text}”不是合并区域（应为 B2:D2 这样的写法）")
    (r1, c1), (r2, c2) = parse_ref(first), parse_ref(last)
    if r2 < r1 or c2 < c1 or (r1, c1) == (r2, c2):
        raise ValueError(f"合并区域“{text}”应从左上角写到右下角，且不止一个单元格")
    return r1, c1, r2, c2


class _Model(BaseModel):
    model_config = ConfigDict(validate_assignment=True, extra="forbid")


class KeptCell(_Model):
    """One cell with content: exactly one of ``text``, ``number``, ``boolean`` or ``formula``.

    ``number`` is exact (never a float); ``format`` is its Excel number format code (``""`` is
    General, ``"0%"`` shows 0.125 as 13%, ``"yyyy/m/d"`` shows a day number as a date).
    ``formula`` is a formula the clerk's file held without its result (``"=SUM(B2:B5)"``), so
    its value is unknown; it is written back as that formula. Text is always text, even when it
    begins with ``=``.
    """

    ref: str
    text: str | None = None
    number: Decimal | None = None
    boolean: bool | None = None
    formula: str | None = None
    format: str = ""

    @field_validator("ref")
    @classmethod
    def _ref(cls, value: str) -> str:
        parse_ref(value)
        return value

    @field_validator("number", mode="before")
    @classmethod
    def _number(cls, value: object) -> object:
        if isinstance(value, bool):
            raise ValueError("应为数字，不是 true / false")
        if isinstance(value, float):
            value = repr(value)  # the digits as written, not the binary double
        return value

    @field_validator("number")
    @classmethod
    def _finite(cls, value: Decimal | None) -> Decimal | None:
        if value is not None and (not value.is_finite() or abs(value) > LARGEST):
            raise ValueError("不是单元格能容纳的数字")
        return value

    @field_validator("formula")
    @classmethod
    def _formula(cls, value: str | None) -> str | None:
        if value is not None and (len(value) < 2 or not value.startswith("=")):
            raise ValueError(f"公式“{value}”应以 = 开头")
        return value

    @field_validator("format")
    @classmethod
    def _format(cls, value: str) -> str:
        if len(value) > MAX_FORMAT:
            raise ValueError(f"数字格式太长（最多 {MAX_FORMAT} 个字符）")
        return value

    @model_validator(mode="after")
    def _one_value(self) -> "KeptCell":
        present = [name for name in ("text", "number", "boolean", "formula") if getattr(self, name) is not None]
        if len(present) != 1 or self.text == "":
            raise ValueError(f"单元格 {self.ref} 应恰有一个值（text、number、boolean 或 formula 之一，文字不为空）")
        return self

    @model_serializer(mode="wrap")
    def _only_what_is_set(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # {"ref": "B3", "number": "0.1"} rather than four nulls per cell in the JSON file
        data = handler(self)
        return {name: value for name, value in data.items() if value is not None and (name != "format" or value)}

    @property
    def position(self) -> tuple[int, int]:
        """(row, column), 1-based."""
        return parse_ref(self.ref)


class KeptSheet(_Model):
    """A sheet perfdesk does not understand: its name, cells, merged ranges and column widths.

    Cells are kept in reading order (row by row) and merges from the top left, whatever order
    they were given in, so that two records of the same sheet are equal. A cell hidden under a
    merged range (other than its top-left cell) is not allowed: Excel and WPS do not show it.
    """

    name: str
    cells: list[KeptCell] = Field(default_factory=list)
    merges: list[str] = Field(default_factory=list)
    column_widths: dict[str, float] = Field(default_factory=dict)

    @field_validator("cells")
    @classmethod
    def _cells(cls, cells: list[KeptCell]) -> list[KeptCell]:
        ordered = sorted(cells, key=lambda cell: cell.position)
        for before, after in zip(ordered, ordered[1:]):
            if before.ref == after.ref:
                raise ValueError(f"单元格 {after.ref} 出现了两次")
        return ordered

    @field_validator("merges")
    @classmethod
    def _merges(cls, merges: list[str]) -> list[str]:
        spans = sorted((parse_range(text), text) for text in merges)
        for i, ((r1, c1, r2, c2), text) in enumerate(spans):
            for (s1, d1, s2, d2), other in spans[i + 1:]:
                if s1 > r2:
                    break  # sorted by first row: nothing further down can overlap
                if d1 <= c2 and c1 <= d2:
                    raise ValueError(f"合并区域“{text}”和“{other}”重叠")
        return [text for _, text in spans]

    @field_validator("column_widths")
    @classmethod
    def _widths(cls, widths: dict[str, float]) -> dict[str, float]:
        for letters, width in widths.items():
            if not _COLUMN.fullmatch(letters) or column_index(letters) > MAX_COL:
                raise ValueError(f"“{letters}”不是列名（应为 A、B、AA 这样的写法）")
            if not 0 <= width <= MAX_COLUMN_WIDTH:
                raise ValueError(f"列 {letters} 的宽度 {width} 不在 0 到 {MAX_COLUMN_WIDTH} 之间")
        return dict(sorted(widths.items(), key=lambda item: column_index(item[0])))

    @model_validator(mode="after")
    def _nothing_hidden(self) -> "KeptSheet":
        if self.merges and self.cells:
            hidden = covered_cells(self.merges, [cell.position for cell in self.cells])
            if hidden:
                raise ValueError(f"单元格 {cell_ref(*hidden[0])} 在合并区域之内（只有左上角的单元格可以有内容）")
        return self


def covered_cells(merges: list[str], positions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Which of ``positions`` lie under one of ``merges`` without being its top-left cell."""
    rows = sorted({row for row, _ in positions})
    by_row: dict[int, list[tuple[int, int, int]]] = {}  # only the rows that have cells: a merge may span 10⁶
    for r1, c1, r2, c2 in (parse_range(text) for text in merges):
        for row in rows[bisect_left(rows, r1):bisect_right(rows, r2)]:
            by_row.setdefault(row, []).append((r1, c1, c2))
    return [(row, col) for row, col in positions
            if any(c1 <= col <= c2 and (row, col) != (r1, c1) for r1, c1, c2 in by_row.get(row, ()))]
