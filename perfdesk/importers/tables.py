"""Part 2: the project tables (绩效目标表), row by row, into units and projects.

A row is recognised by its first cell (项目编码 or 项目名称, 预算规模及资金用途, 资金支出计划（%）,
绩效目标, 一级指标) and the rows that follow it with an empty first cell belong to the same part
(the column A cell merged downwards). A header row repeated after a page break is skipped and
the row it cut in two is joined again (see :mod:`~perfdesk.importers.indicators`); pieces of
the spending plan pushed out of their rows are gathered by :mod:`~perfdesk.importers.plan`.
A line between rows of a PDF extract is the tail of the cell last filled, and is noted as
such. What fits nowhere becomes an import note; an amount already read is never overwritten.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from perfdesk.importers.cells import TooPrecise, read_amount, split_goals
from perfdesk.importers.context import (
    PAGE_NUMBER, PART2, RUNNING_HEADER, TITLE, TITLE_START, UNIT_OF_MONEY, UNNUMBERED_TITLE, Context,
)
from perfdesk.importers.indicators import IndicatorRows
from perfdesk.importers.part1 import unit_label
from perfdesk.importers.plan import Piece, PlanReader, plan_pieces
from perfdesk.importers.source import Block, squeeze
from perfdesk.model import BudgetUnit, Framework, Project

CODE_LABELS = ("项目编码", "项目编号")
HEAD_LABELS = CODE_LABELS + ("项目名称",)
AMOUNT_NAMES = {"budget_total": "预算数", "budget_fiscal": "财政资金", "budget_other": "其他资金"}


def row_label(cell: str) -> str | None:
    """The part of the table a first cell opens (``"plan"``, ``"goals"`` …), or None."""
    key = squeeze(cell)
    if key in HEAD_LABELS:
        return "head"
    if key.startswith("预算规模") or key == "预算数":
        return "budget"
    if key.startswith("资金用途"):
        return "purpose"
    if key.startswith("资金支出计划"):
        return "plan"
    if key == "绩效目标":
        return "goals"
    if key == "一级指标":
        return "header"
    return None


class Part2Reader:
    def __init__(self, ctx: Context, framework: Framework) -> None:
        self.ctx, self.framework = ctx, framework
        self.units: list[BudgetUnit] = []
        self.unit: tuple[str, str] | None = None
        self.project: Project | None = None
        self.numbers: list[tuple[int, int]] = []  # (printed number, line) of each numbered title
        # The project being read: see _start, which sets all of these again for each one.
        self.project_line, self.has_table, self.seen = 0, False, set()
        self.state: str | None = None
        self.goal_parts: list[tuple[str, int]] = []
        self.carry: tuple[str, Callable[[str], None]] | None = None
        self.plan = PlanReader()

    # ----------------------------------------------------------------- driver
    def read(self, blocks: list[Block], start: int) -> list[BudgetUnit]:
        index = start
        while index < len(blocks):
            block = blocks[index]
            index += 1
            if block.is_row:
                self._row(block)
                continue
            text = self.ctx.clean(block.text)
            following = blocks[index] if index < len(blocks) else None
            if following is not None and self._title_wraps(text, following):
                joined = text + self.ctx.clean(following.text)  # a title wrapped over two lines
                if not TITLE_START.match(text):
                    self.ctx.note(block.line, joined, "这一行与下一行合起来读作表题")
                text = joined
                index += 1
            self._paragraph(text, block)
        self._finish()
        self._check_numbers()
        return self.units

    def _title_wraps(self, text: str, following: Block) -> bool:
        if following.is_row or TITLE.match(text) or UNNUMBERED_TITLE.match(text):
            return False
        rest = self.ctx.clean(following.text)
        if not rest.endswith("绩效目标表") or TITLE.match(rest):
            return False
        if TITLE_START.match(text):
            return True
        # Without its number, the first half of a title is told from the tail of a cell by
        # where it stands: after a finished table, with the title's end on the next line.
        key = squeeze(text)
        if PAGE_NUMBER.match(key) or PART2.match(key) or key.startswith(("第二部分", "预算项目绩效目标")):
            return False
        return (self.state in (None, "indicators") and len(key) + len(squeeze(rest)) <= 150
                and unit_label(text) is None and not RUNNING_HEADER.match(key))

    def _paragraph(self, text: str, block: Block) -> None:
        key = squeeze(text)
        if not key or PAGE_NUMBER.match(key) or PART2.match(key) or key == "预算项目绩效目标":
            return
        if UNIT_OF_MONEY.match(key):
            return
        title = TITLE.match(text)
        untitled = None if title else UNNUMBERED_TITLE.match(text)
        if title or untitled:
            self._finish()
            name = (title or untitled).group("name")
            self._start(block.line, name=self.ctx.take(name, block.line))
            if title:
                self.numbers.append((int(title.group(1)), block.line))
            return
        unit = unit_label(text)
        if unit:
            self._set_unit(unit)
            return
        if RUNNING_HEADER.match(key):
            self.ctx.note(block.line, text, "页眉（文本标题），不是表格内容，未导入")
            return
        if self.project is not None and self._plan_text(text, block):
            return
        if self.ctx.pdf and not block.blank_before and self.carry is not None and self.state is not None:
            name, append = self.carry  # a cell's text carried onto a line of its own
            append(self.ctx.take(text, block.line))
            self.ctx.note(block.line, text, f"这一行接在上一格（{name}）的文字后面，请核对")
            return
        self.ctx.note(block.line, text, "不在任何绩效目标表内，未导入")

    def _plan_text(self, text: str, block: Block) -> bool:
        """A line holding only spending-plan pieces, while the plan is read or a label waits."""
        if self.state != "plan" and not (self.plan.waits and re.search(r"[%％]|百分比", text)):
            return False
        pieces = plan_pieces(text)
        if pieces is None:
            return False
        self._take_plan(text, block.line, pieces)
        return True

    def _take_plan(self, text: str, line: int, pieces: list[Piece]) -> None:
        if not self.plan.pieces(pieces):
            self.ctx.note(line, text, "资金支出计划的值多于时点，未导入")
        elif any(label is None and value is not None for label, value in pieces):
            self.ctx.note(line, text, "资金支出计划的值不在它的时点下面，已按顺序读入空着的时点，请核对")

    # --------------------------------------------------------- projects/units
    def _start(self, line: int, name: str = "") -> None:
        self.project = Project(name=name)
        self.project_line = line
        self.has_table = False
        self.seen: set[str] = set()  # the head fields (code, name, budget) read from this table
        self.state: str | None = None
        self.goal_parts: list[tuple[str, int]] = []
        self.carry: tuple[str, Callable[[str], None]] | None = None
        self.plan = PlanReader()
        self.indicators = IndicatorRows(self.ctx, self.framework, self.project)

    def _set_unit(self, unit: tuple[str, str]) -> None:
        if self.project is not None and self.has_table and self.unit != unit:
            self._finish()  # a new unit label after a finished table belongs to the next one
        self.unit = unit

    def _finish(self) -> None:
        project = self.project
        if project is None:
            return
        self.project = None
        if self.goal_parts:
            # A goal list wrapped over several rows is one list: its numbering runs on.
            raw, line = "\n".join(part for part, _ in self.goal_parts), self.goal_parts[0][1]
            project.goals = [g for g in (self.ctx.take(goal, line) for goal in split_goals(raw)) if g]
        if self.plan.seen:
            project.spending_plan = self.plan.build()
        if not self.has_table:
            self.ctx.note(self.project_line, project.name, "只有标题，没有读到绩效目标表")
        if self.unit is None:
            self.ctx.note(self.project_line, project.name, "没有读到预算单位（6 位编码和名称），请补上")
            self.unit = ("", "")
        code, name = self.unit
        for unit in self.units:
            if (unit.code, unit.name) == (code, name):
                unit.projects.append(project)
                return
        self.units.append(BudgetUnit(code=code, name=name, projects=[project]))

    def _check_numbers(self) -> None:
        for position, (number, line) in enumerate(self.numbers, start=1):
            if number != position:
                self.ctx.note(line, f"{number}.", f"表题编号是 {number}，按顺序应为 {position}，"
                                                  "可能缺页或多出一张表，请核对")
                return

    def _new_project(self, block: Block) -> None:
        self._finish()
        self._start(block.line)

    # ------------------------------------------------------------------- rows
    def _row(self, block: Block) -> None:
        cells = [self.ctx.clean(c) for c in block.cells]
        filled = [c for c in cells if c]
        if not filled:
            return
        unit = unit_label(filled[0])
        if unit and all(UNIT_OF_MONEY.match(squeeze(c)) for c in filled[1:]):
            self._set_unit(unit)
            return
        if len(filled) == 1 and UNIT_OF_MONEY.match(squeeze(filled[0])):
            return
        block, cells = self._split_plan_cells(block, cells)
        first = squeeze(cells[0])
        # Column A names the part; a row may also open with empty cells before its label.
        label = row_label(cells[0]) if first else ("head" if row_label(filled[0]) == "head" else None)
        if label == "head":
            self._head_row(block, cells)
            return
        if label == "budget" and self.project is not None and "budget" in self.seen:
            # A second 预算数 row is the next table's, whose 项目编码 row went missing.
            self._new_project(block)
            self.ctx.note(block.line, block.raw(), "又一行“预算数”，前面没有“项目编码”一行，另起一个项目")
        if self.project is None:
            self._start(block.line)
            self.ctx.note(block.line, block.raw(), "表格前没有“项目编码”一行，另起一个项目")
        self.has_table = True
        if label is not None:
            self.carry = None  # a labelled row starts afresh: nothing carries over from above
        if label == "budget":
            self.state = "purpose"
            self.seen.add("budget")
            self._budget_row(block, cells)
        elif label == "purpose" or (label is None and first == "" and self.state == "purpose"):
            self.state = "purpose"
            self._purpose(block, cells[1:])
        elif label == "plan" or (label is None and first == "" and self.state == "plan"):
            self.state = "plan"
            for index, cell in self.plan.row(cells):
                self.ctx.note(block.cell_line(index), cell, "资金支出计划中无法识别的值，未导入")
        elif label == "goals" or (label is None and first == "" and self.state == "goals"):
            self.state = "goals"
            self._goal_row(block)
        elif label == "header":
            self.indicators.header(cells, repeated=self.state == "indicators")
            self.state = "indicators"
        elif self.state == "indicators" or self.indicators.starts(first):
            self.state = "indicators"
            self.carry = self.indicators.row(block, cells)
        else:
            self.ctx.note(block.line, block.raw(), "无法识别的表格行，未导入")

    def _split_plan_cells(self, block: Block, cells: list[str]) -> tuple[Block, list[str]]:
        """``100%\t绩效目标\t…``: the plan's last value pushed in front of the next row's label."""
        if not cells[0] or row_label(cells[0]) or self.project is None:
            return block, cells
        if self.state != "plan" and not self.plan.waits:
            return block, cells
        for index, cell in enumerate(cells[1:], start=1):
            if row_label(cell) in ("goals", "header"):
                lead = " ".join(c for c in cells[:index] if c)
                pieces = plan_pieces(lead)
                if pieces is None:
                    return block, cells
                self._take_plan(lead, block.line, pieces)
                rest = Block(block.line, cells=block.cells[index:], lines=block.lines[index:])
                return rest, cells[index:]
        return block, cells

    def _head_row(self, block: Block, cells: list[str]) -> None:
        keys = [squeeze(c) for c in cells]
        fields = {"code" if key in CODE_LABELS else "name" for key in keys if key in HEAD_LABELS}
        # Code and name may come in either order, or in two rows; a field met again, or a
        # head row after the table body, is the next project's.
        if self.project is None or self.state is not None or fields & self.seen:
            self._new_project(block)
        self.seen |= fields
        self.has_table = True
        for index, key in enumerate(keys):
            value, line = self._after(cells, index), block.cell_line(index)
            if key in CODE_LABELS:
                code = squeeze(value)
                if code != value.strip():
                    self.ctx.note(line, value, "项目编码中有空格，已去掉")
                self.project.code = code
            elif key == "项目名称":
                name = self.ctx.take(value, line)
                if name and self.project.name and squeeze(name) != squeeze(self.project.name):
                    self.ctx.note(line, name, f"表中的项目名称与表题“{self.project.name}”不同，按表中的读取")
                self.project.name = name or self.project.name

    @staticmethod
    def _after(cells: list[str], index: int) -> str:
        """The value cell after a label: the next non-empty cell that is not itself a label."""
        labels = ("项目名称", "预算数", "其他资金", "项目编码", "项目编号")
        for cell in cells[index + 1:]:
            key = squeeze(cell)
            if key in labels or "财政资金" in key or "财政拨款" in key:
                return ""
            if key:
                return cell
        return ""

    def _budget_row(self, block: Block, cells: list[str]) -> None:
        fields = {"预算数": "budget_total", "其他资金": "budget_other"}
        for index, cell in enumerate(cells):
            key = squeeze(cell)
            name = "budget_fiscal" if "财政资金" in key or "财政拨款" in key else fields.get(key)
            if name is None:
                continue
            value, line = self._after(cells, index), block.cell_line(index)
            try:
                amount = read_amount(value)
            except TooPrecise as error:
                self.ctx.note(line, value, f"“{key}”超过两位小数，perfdesk 不会替您舍入，未导入（留空），"
                                           f"请核对后填写（两位小数如 {error.rounded}）")
                continue
            except ValueError:
                self.ctx.note(line, value, f"“{key}”后面不是金额（万元），未导入")
                continue
            old = getattr(self.project, name)
            if old is not None and amount != old:
                self.ctx.note(line, value, f"“{AMOUNT_NAMES[name]}”已读到 {old}，这里又写着另一个数，"
                                           "未导入，请核对")
                continue
            setattr(self.project, name, amount)

    def _purpose(self, block: Block, cells: list[str]) -> None:
        text = "".join(c for c in cells if c)
        if not text:
            return
        text = self.ctx.take(text, block.line)
        old = self.project.purpose
        self.project.purpose = old + self.ctx.joiner(False) + text if old else text
        project = self.project

        def append(more: str) -> None:
            project.purpose += more

        self.carry = ("资金用途", append)

    def _goal_row(self, block: Block) -> None:
        self.goal_parts.append(("\n".join(block.cells[1:]).strip(), block.line))
        parts, at = self.goal_parts, len(self.goal_parts) - 1

        def append(more: str) -> None:
            text, line = parts[at]
            parts[at] = (text + more, line)

        self.carry = ("绩效目标", append)
