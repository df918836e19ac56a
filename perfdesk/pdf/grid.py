"""A ruled table that splits across pages the way the official 绩效目标表 must.

ReportLab's own Table can repeat its first rows, but the official table repeats only the
indicator header row (一级指标 … 指标值确定依据), which stands in the middle of the table, and
its vertically merged 一级/二级 cells must show their text again on the new page. So the table
is kept here as rows of cells plus "group" columns (cells merged over consecutive rows with
the same key). Row heights are computed here, so that the split is decided on the same
numbers that are drawn.

A row is never split across pages unless it alone is taller than a page; then each of its
cells is split at the page end and the group cells show their text on both pages.

Each page's chunk is drawn straight onto the canvas (the cells' text by cells.py, then the
ruling), exactly where a ReportLab Table with the chunk's spans, GRID, VALIGN MIDDLE and the
padding drew it: a Table per page and a Paragraph per cell cost more than the rest of the
export.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Hashable

from reportlab.lib.colors import black
from reportlab.platypus import Flowable
from reportlab.platypus.tables import _hLine  # a ruling line broken where a merged cell spans it

from perfdesk.layout.blocks import runs  # rows sharing a merged group: the same rule as the .docx
from perfdesk.pdf.cells import CellText, draw_cells

PADDING = 3.0
MIN_ROW_HEIGHT = 18.0
GRID_WIDTH = 0.6


@dataclass(frozen=True)
class Ruling:
    """A print profile's table geometry: cell padding, smallest row and ruling width (pt)."""

    padding: float = PADDING
    min_row: float = MIN_ROW_HEIGHT
    rule: float = GRID_WIDTH


@dataclass
class Cell:
    """A cell spanning columns ``first``..``last`` of one row."""

    first: int
    last: int
    content: CellText


@dataclass
class Group:
    """A cell merged over consecutive rows that carry the same ``key`` in its column."""

    key: Hashable
    content: CellText


@dataclass
class GridRow:
    cells: list[Cell]
    groups: dict[int, Group] = field(default_factory=dict)  # column -> merged cell
    header: bool = False  # the indicator header row, repeated after a page break
    keep_with_next: bool = False  # never break the page right after this row
    _height: float | None = None


class GridTable(Flowable):
    """The rows of one project's table (or what is left of them on a new page)."""

    def __init__(self, rows: list[GridRow], widths: list[float], page_height: float,
                 header: GridRow | None = None, ruling: Ruling = Ruling()) -> None:
        super().__init__()
        self.ruling = ruling
        self.rows = rows
        self.widths = widths
        self.page_height = page_height  # height of an empty frame: the tallest a chunk can be
        self.header = header
        self._edges = [0.0]
        for width in widths:
            self._edges.append(self._edges[-1] + width)
        self._group_heights: dict[tuple[int, Hashable], float] = {}

    # ---------------------------------------------------------------- measuring
    def _span_width(self, first: int, last: int) -> float:
        return self._edges[last + 1] - self._edges[first]

    def _content_height(self, content: CellText, first: int, last: int) -> float:
        _, height = content.wrap(self._span_width(first, last) - 2 * self.ruling.padding, 1e6)
        return height + 2 * self.ruling.padding

    def _row_height(self, row: GridRow) -> float:
        if row._height is None:
            heights = [self._content_height(c.content, c.first, c.last) for c in row.cells]
            row._height = max([self.ruling.min_row, *heights])
        return row._height

    def _group_height(self, column: int, group: Group) -> float:
        key = (column, group.key)
        if key not in self._group_heights:
            self._group_heights[key] = self._content_height(group.content, column, column)
        return self._group_heights[key]

    def _heights(self, rows: list[GridRow]) -> list[float]:
        heights = [self._row_height(row) for row in rows]
        for column in self._group_columns(rows):
            for first, last, group in runs(rows, column):
                short = self._group_height(column, group) - sum(heights[first:last + 1])
                if short > 0:  # a merged cell taller than its rows: the last row grows
                    heights[last] += short
        return heights

    @staticmethod
    def _group_columns(rows: list[GridRow]) -> list[int]:
        return sorted({column for row in rows for column in row.groups})

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = self._edges[-1]
        self.height = sum(self._heights(self.rows))
        return self.width, self.height

    # ---------------------------------------------------------------- splitting
    def _rest(self, rows: list[GridRow], started: bool) -> "GridTable":
        if started and self.header is not None and rows and not rows[0].header:
            rows = [self.header, *rows]
        return GridTable(rows, self.widths, self.page_height, self.header, self.ruling)

    def _too_tall(self, row: GridRow) -> bool:
        """Taller than an empty page, even with the header above it: it will have to be cut."""
        header = self._row_height(self.header) if self.header is not None else 0.0
        return self._row_height(row) + header > self.page_height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        rows = self.rows
        fits = 0
        overflow = len(rows)
        for count in range(1, len(rows) + 1):
            if sum(self._heights(rows[:count])) > available_height:
                overflow = count - 1
                break
            if count == len(rows) or not rows[count - 1].keep_with_next:
                fits = count
        if fits == len(rows):
            return [self]
        if self._too_tall(rows[overflow]):
            # No page can hold this row: start it here rather than leave the rest of the page empty.
            parts = self._split_tall_row(overflow, available_height)
            if parts:
                return parts
        if fits > 0:
            first = GridTable(rows[:fits], self.widths, self.page_height, self.header, self.ruling)
            return [first, self._rest(rows[fits:], any(row.header for row in rows[:fits]))]
        if available_height < self.page_height - 1:
            return []  # try again on an empty page
        return [self]  # cannot happen with the A4 layout: draw as is rather than loop for ever

    def _split_tall_row(self, index: int, available_height: float) -> list[Flowable] | None:
        """Cut row ``index`` inside its cells at the page end; None if not even a line fits."""
        rows = self.rows
        room = available_height - sum(self._heights(rows[:index])) - 2 * self.ruling.padding
        tall = rows[index]
        head_cells: list[Cell] = []
        tail_cells: list[Cell] = []
        progress = False
        for cell in tall.cells:
            width = self._span_width(cell.first, cell.last) - 2 * self.ruling.padding
            parts = cell.content.split(width, room) if room > 0 else []
            progress = progress or bool(parts)
            if len(parts) == 2:
                head, tail = parts
            elif len(parts) == 1:
                head, tail = parts[0], CellText.empty(cell.content.style)
            else:
                head, tail = CellText.empty(cell.content.style), cell.content
            head_cells.append(Cell(cell.first, cell.last, head))
            tail_cells.append(Cell(cell.first, cell.last, tail))
        if not progress:
            return None
        head_row = GridRow(head_cells, dict(tall.groups), tall.header)
        tail_row = GridRow(tail_cells, dict(tall.groups), tall.header, tall.keep_with_next)
        started = any(row.header for row in rows[:index + 1])
        first = GridTable([*rows[:index], head_row], self.widths, self.page_height, self.header, self.ruling)
        return [first, self._rest([tail_row, *rows[index + 1:]], started)]

    # ------------------------------------------------------------------ drawing
    def _placed(self, heights: list[float]) -> tuple[list[float], list[tuple]]:
        """Row positions (top of each row, from the chunk's bottom, summed as a ReportLab Table
        sums them) and every cell as (first row, first column, last column, last row, content)
        in the order a Table draws them: row by row, left to right."""
        tops = []
        height = carry = 0.0
        for row_height in reversed(heights):  # Table._calc_height: compensated, bottom up
            tops.append(height)
            step = row_height - carry
            total = height + step
            carry = (total - height) - step
            height = total
        tops.append(height)
        tops.reverse()
        placed = []
        for r, row in enumerate(self.rows):
            for cell in row.cells:
                placed.append((r, cell.first, cell.last, r, cell.content))
        for column in self._group_columns(self.rows):
            for first, last, group in runs(self.rows, column):
                placed.append((first, column, column, last, group.content))
        placed.sort(key=_table_order)
        return tops, placed

    def draw(self) -> None:
        canvas, rule = self.canv, self.ruling
        tops, placed = self._placed(self._heights(self.rows))
        edges = self._edges
        canvas.saveState()
        canvas.setFillColor(black)
        draw_cells(canvas, [(edges[c0], tops[r1 + 1], edges[c1 + 1] - edges[c0], tops[r0] - tops[r1 + 1], content)
                            for r0, c0, c1, r1, content in placed], rule.padding)
        self._draw_ruling(tops, placed)
        canvas.restoreState()

    def _draw_ruling(self, tops: list[float], placed: list[tuple]) -> None:
        """The GRID of a Table: its box, then the inner lines, each broken where a merged cell
        spans it; round caps, as Table draws them."""
        canvas, edges = self.canv, self._edges
        rows, columns = len(tops) - 1, len(edges) - 1
        across: dict[float, list] = {}  # y -> (x0, x1) a merged cell covers
        down: dict[float, list] = {}  # x -> (y0, y1)
        for r0, c0, c1, r1, _ in placed:
            for c in range(c0 + 1, c1 + 1):
                down.setdefault(edges[c], []).append((tops[r1 + 1], tops[r0]))
            for r in range(r0 + 1, r1 + 1):
                across.setdefault(tops[r], []).append((edges[c0], edges[c1 + 1]))
        for blocks in (*across.values(), *down.values()):
            blocks.sort()
        canvas.setLineCap(1)
        canvas.setStrokeColor(black)
        canvas.setLineWidth(self.ruling.rule)
        line = canvas.line
        vertical = _Vertical(line)
        left, right, top, bottom = edges[0], edges[-1], tops[0], tops[-1]
        for y in (top, bottom):  # the box
            _hLine(line, left, right, y, across)
        for x in (left, right):
            _hLine(vertical, bottom, top, x, down)
        for y in tops[1:rows]:  # the inner grid
            _hLine(line, left, right, y, across)
        for x in edges[1:columns]:
            _hLine(vertical, bottom, top, x, down)


def _table_order(placed: tuple) -> tuple[int, int]:
    return placed[0], placed[1]


class _Vertical:
    """canvas.line for _hLine drawing a vertical line (it passes y0, x, y1, x)."""

    def __init__(self, line) -> None:
        self.line = line

    def __call__(self, y0: float, x0: float, y1: float, x1: float) -> None:
        self.line(x0, y0, x1, y1)
