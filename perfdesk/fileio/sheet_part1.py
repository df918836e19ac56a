"""The cover and Part 1 from a sheet a clerk laid out, read by the text importer's parser.

A clerk's first sheet holds Part 1 as the published document prints it: a title line
("某某局" / "2022年部门预算绩效文本") or label rows ("单位名称" | "某某局"), then 第一部分, the
headings 一、二、三 with their variants, sub-goal titles with 绩效目标：/绩效指标： lines, measures
with sub-items — in one column, or with labels and numbers in cells of their own. The rows are
turned into lines (a label or a bare number cell is joined to the cell right of it; a cell of
several lines gives several lines) and read by :mod:`perfdesk.importers.cover` and
:class:`~perfdesk.importers.part1.Part1Reader`, the same parser that reads a pasted text, so
both read Part 1 alike. Cover labels with a value cell beside them are read here, so that a
year Excel turned into a date is refused with its cell. Every line the parser did not place is
returned as a note with its sheet and cell.
"""

from __future__ import annotations

import re

from perfdesk.fileio import layout as L
from perfdesk.fileio.grid import Grid, render
from perfdesk.fileio.read_result import CellRef, ReadNote
from perfdesk.fileio.xlsx_cells import Number
from perfdesk.fileio.xlsx_tables import ref
from perfdesk.importers.context import PAGE_NUMBER, PART1, PART1_TITLE, PART2, Context, block_key, section_of
from perfdesk.importers.cover import YEAR_TITLE, cover_field, read_front
from perfdesk.importers.part1 import Part1Reader
from perfdesk.importers.source import Block
from perfdesk.model import DocumentStatus, Part1, available_frameworks, load_framework

# A cell holding only a number: （一） 一、 1. 1、 (1) — it goes with the text right of it.
BARE_NUMBER = re.compile(r"^\s*(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．]"
                         r"|\d{1,2}\s*[.．、])\s*$")
SUB_GOAL_LABELS = {"绩效目标", "绩效指标"}


def year_at(grid: Grid, row: int, col: int) -> int | None:
    value = grid.raw(row, col)
    if isinstance(value, Number) and value.date:  # a day number (46,023), not the year
        raise grid.error(f"预算年度显示为日期“{render(value)}”，应为 2026 这样的四位数字。", row, col)
    if isinstance(value, Number) and value.value == value.value.to_integral_value():
        return int(value.value)
    text = L.label_key(render(value)).removesuffix("年").removesuffix("度").removesuffix("年")
    if text == "":
        return None
    if re.fullmatch(r"\d{4}", text):
        return int(text)
    raise grid.error(f"预算年度“{render(value)}”不是年份（应为 2025 这样的四位数字）。", row, col)


def framework_at(grid: Grid, row: int, col: int) -> str:
    text = L.label_key(render(grid.raw(row, col)))
    if text == "":
        return load_framework().id
    for framework_id in available_frameworks():
        if text in (framework_id, L.label_key(load_framework(framework_id).name)):
            return framework_id
    raise grid.error(f"不认识的指标体系“{text}”（可用：{'、'.join(available_frameworks())}）。", row, col)


def status_at(grid: Grid, row: int, col: int) -> str:
    text = grid.text(row, col, single=True)
    status = L.label_key(text).strip("（）")
    if status and status not in {s.value for s in DocumentStatus}:
        raise grid.error(f"状态“{text}”应为“草案”或“正式”。", row, col)
    return status or DocumentStatus.DRAFT.value


def cover_value(grid: Grid, field: str, row: int, col: int) -> object:
    """A cover field's value from its cell, checked; raises FileFormatError naming the cell."""
    if field == "year":
        return year_at(grid, row, col)
    if field == "framework":
        return framework_at(grid, row, col)
    if field == "status":
        return status_at(grid, row, col)
    return grid.text(row, col, single=True)


def _cover_label(text: str) -> str | None:
    return cover_field(text) if len(text) <= 10 else None


def _joins(text: str) -> bool:
    """A cell that goes with the cell right of it: a bare number, a heading or a 绩效目标 label."""
    key = L.field_key(text)
    heading = section_of(key)
    return bool(BARE_NUMBER.match(text) or key in SUB_GOAL_LABELS or (heading and heading[1] is None))


def _join(left: str, right: str) -> str:
    return left.strip() + right if BARE_NUMBER.match(left) else L.field_key(left) + "：" + right


class SheetPart1:
    """Reads the rows of one sheet up to ``last_row`` into the cover fields and Part 1."""

    def __init__(self, grid: Grid, last_row: int) -> None:
        self.grid, self.last_row = grid, last_row
        self.cover: dict = {}
        self.origins: dict[str, CellRef] = {}
        self.notes: list[ReadNote] = []
        self.places: list[tuple[int, int]] = []  # line number - 1 → (row, column)

    def read(self) -> Part1:
        blocks = self._blocks()
        ctx = Context(pdf=False, artefacts=False)
        start, front = read_front(blocks, ctx)
        reader = Part1Reader(ctx)
        end = reader.read(blocks, start)
        for field in ("department", "year", "status", "prepared_by", "reviewed_by"):
            value = getattr(front, field)
            if value not in (None, "") and field not in self.cover:
                self.cover[field] = value.value if isinstance(value, DocumentStatus) else value
        for block in blocks[end:]:
            key = block_key(block)
            if not (PART2.match(key) or PAGE_NUMBER.match(key)):
                ctx.note(block.line, block.text, "在第一部分之后，不是第二部分的绩效目标表，未读入")
        for note in ctx.notes:
            row, col = self.places[note.line - 1]
            # the importer's words are for a text brought in; a workbook is opened ("读入")
            self.notes.append(ReadNote(self.grid.name, ref(row, col), note.text, note.reason.replace("未导入", "未读入")))
        part1 = reader.part1
        part1.overall_goal = L.tidy(part1.overall_goal)
        return part1

    def _blocks(self) -> list[Block]:
        grid = self.grid
        blocks: list[Block] = []
        for row in sorted(r for r in grid.by_row if r <= self.last_row):
            cells = [(c, grid.text(row, c)) for c, _ in grid.row_cells(row)]
            cells = [(c, t) for c, t in cells if t.strip()]
            i = 0
            while i < len(cells):
                col, text = cells[i]
                field = _cover_label(text)
                if field:
                    # a cover label, with its value right of it or left blank (a template)
                    beside = i + 1 < len(cells) and not self._is_cover_label(cells[i + 1][1])
                    value_col = cells[i + 1][0] if beside else grid.right_of(row, col)
                    self.cover[field] = cover_value(grid, field, row, value_col)
                    self.origins[field] = CellRef(grid.name, ref(row, value_col))
                    i += 2 if beside else 1
                    continue
                if _joins(text):
                    beside = i + 1 < len(cells) and not _joins(cells[i + 1][1])
                    text = _join(text, cells[i + 1][1] if beside else "")
                    i += 1 if beside else 0
                i += 1
                for line in text.split("\n"):
                    if line.strip():
                        self.places.append((row, col))
                        blocks.append(Block(len(self.places), text=line))
        return blocks

    @staticmethod
    def _is_cover_label(text: str) -> bool:
        return _cover_label(text) is not None


def part1_signals(grid: Grid, last_row: int) -> int:
    """How strongly the rows up to ``last_row`` look like Part 1 or a cover: 0 for not at all.

    Headings (第一部分, 一、总体绩效目标 …) count most, then a title line with the year, then
    cover labels; a sheet of a project list or notes scores 0."""
    score = 0
    for (row, col), value in grid.cells.items():
        if row > last_row or not isinstance(value, str) or len(value) > 60:
            continue
        key = L.field_key(value.split("\n")[0])
        if PART1.match(key) or PART1_TITLE.match(key) or (section_of(key) and not key.startswith("保障措施")):
            score += 10
        elif YEAR_TITLE.match(key):
            score += 5
        elif _cover_label(value) and grid.raw(row, grid.right_of(row, col)) is not None:
            score += 2
    return score if score >= 4 else 0


def read_sheet_part1(grid: Grid, last_row: int) -> tuple[dict, Part1, dict[str, CellRef], list[ReadNote]]:
    """(cover fields, Part 1, where each cover field came from, notes) from a clerk's sheet."""
    reader = SheetPart1(grid, last_row)
    part1 = reader.read()
    return reader.cover, part1, reader.origins, reader.notes
