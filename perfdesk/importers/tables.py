"""Part 2: the project tables (绩效目标表), row by row, into units and projects.

A row is recognised by its first cell (项目编码 or 项目名称, 预算规模及资金用途, 资金支出计划（%）,
绩效目标, 一级指标) and the rows that follow it with an empty first cell belong to the same part
(the column A cell merged downwards). A header row repeated after a page break is skipped and
the row it cut in two is joined again (see :mod:`~perfdesk.importers.indicators`); pieces of
the spending plan pushed out of their rows are gathered by :mod:`~perfdesk.importers.plan`.
A line between rows of a PDF extract is the tail of the cell last filled, and is noted as
such. In a PDF extract a row line may also stop short: a line of fewer cells than the table's
rows, followed (across a page number, a running header or a repeated header row) by a line
holding the rest of the row, is one row again (:meth:`Part2Reader._whole_row`), so that no
cell lands in the column of another. What fits nowhere becomes an import note; an amount
already read is never overwritten.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from perfdesk.importers.cells import TooPrecise, framework_name, read_amount, split_goals
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


def _framework_word(framework: Framework, text: str) -> bool:
    """A 一级指标 or 二级指标 of the framework: the start of an indicator row, never a tail."""
    return framework_name(framework, text) is not None or framework_name(framework, "", text) is not None


class Part2Reader:
    def __init__(self, ctx: Context, framework: Framework) -> None:
        self.ctx, self.framework = ctx, framework
        self.units: list[BudgetUnit] = []
        self.unit_index: dict[tuple[str, str], BudgetUnit] = {}  # a text may hold thousands of units
        self.unit: tuple[str, str] | None = None
        self.width = 0  # cells in the widest table row so far: a row line with fewer stopped short
        self.project: Project | None = None
        self.numbers: list[tuple[int, int]] = []  # (printed number, line) of each numbered title
        # The project being read: see _start, which sets all of these again for each one.
        self.project_line, self.has_table, self.seen = 0, False, set()
        self.state: str | None = None
        self.goal_parts: list[tuple[list[str], int]] = []
        self.carry: tuple[str, Callable[[str], None]] | None = None
        self.plan = PlanReader()

    # ----------------------------------------------------------------- driver
    def read(self, blocks: list[Block], start: int) -> list[BudgetUnit]:
        index = start
        while index < len(blocks):
            block = blocks[index]
            index += 1
            if block.is_row:
                if self.ctx.pdf and not self.ctx.wrapped:
                    block, index = self._whole_row(blocks, block, index)
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
        self.ctx.pieces.close()
        self._check_numbers()
        return self.units

    def _whole_row(self, blocks: list[Block], block: Block, index: int) -> tuple[Block, int]:
        """The row ``block`` starts, with the rest of it that a line or page break put below.

        A row line of fewer cells than the table's rows stopped short: the next row line holds
        the rest of it when its first cell is no label (it is the tail of the cut cell) and the
        two together are no wider than a row. What a page break puts between them (a page
        number, a running header, the header row repeated) is passed over; a line holding
        only the tail of one cell, below a row of full width, is not a rest (see _row).
        Returns the row and the index of the block after what was used.
        """
        self.width = max(self.width, len(block.cells))
        if self.project is None or row_label(block.cells[0]) == "header":
            return block, index
        while len(block.cells) < self.width:
            following = index
            while following < len(blocks) and self._page_break_line(blocks[following]):
                following += 1
            if following >= len(blocks) or not self._rest_of(block, blocks[following]):
                break
            rest = blocks[following]
            for skipped in blocks[index:following]:
                if not skipped.is_row and RUNNING_HEADER.match(squeeze(skipped.text)):
                    self.ctx.note(skipped.line, skipped.text, "页眉（文本标题），不是表格内容，未导入")
            self.ctx.note(rest.line, rest.raw(), "表格的一行在换行或分页处断开，这一行是它的后半，已接回上一行")
            block = Block(block.line, cells=block.cells[:-1] + [block.cells[-1] + rest.cells[0]] + rest.cells[1:],
                          lines=block.lines[:len(block.cells)] + rest.lines[1:len(rest.cells)],
                          blank_before=block.blank_before)
            index = following + 1
        return block, index

    @staticmethod
    def _page_break_line(block: Block) -> bool:
        if block.is_row:
            return row_label(block.cells[0]) == "header"
        key = squeeze(block.text)
        return bool(PAGE_NUMBER.match(key) or RUNNING_HEADER.match(key))

    def _rest_of(self, block: Block, rest: Block) -> bool:
        if not rest.is_row or len(block.cells) + len(rest.cells) - 1 > self.width:
            return False
        if len(rest.cells) > 1 and not rest.cells[0].strip() and not rest.cells[1].strip():
            return False  # cells in their own columns under the row: the tails of several cells
        first = self.ctx.clean(rest.cells[0])
        return not (row_label(first) or _framework_word(self.framework, first) or unit_label(first)
                    or UNIT_OF_MONEY.match(squeeze(first)))

    def _title_wraps(self, text: str, following: Block) -> bool:
        if following.is_row or TITLE.match(text) or UNNUMBERED_TITLE.match(text):
            return False
        rest = self.ctx.clean(following.text)
        # The break may fall anywhere in the title, even just before its last character
        # ("…绩效目标" / "表"): the next line ends the title when the two end as one does.
        ends_title = rest.endswith("绩效目标表") or (
            len(squeeze(rest)) <= 5 and squeeze(text + rest).endswith("绩效目标表"))
        if not ends_title or TITLE.match(rest):
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
        self.carry = None  # a cell's tail follows its row: never a line that is no table's

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
        self.goal_parts: list[tuple[list[str], int]] = []
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
        self.ctx.pieces.close()
        if self.goal_parts:
            # A goal list wrapped over several rows is one list: its numbering runs on.
            raw = "\n".join("".join(parts) for parts, _ in self.goal_parts)
            goals = split_goals(raw)
            if self.ctx.pdf:
                # A PDF breaks a goal where the line is full: the pieces are one goal's text.
                goals = [goal.replace("\n", "") for goal in goals]
            line = self.goal_parts[0][1]
            project.goals = [g for g in (self.ctx.take(goal, line) for goal in goals) if g]
        if self.plan.seen:
            project.spending_plan = self.plan.build()
        if not self.has_table:
            self.ctx.note(self.project_line, project.name, "只有标题，没有读到绩效目标表")
        if self.unit is None:
            self.ctx.note(self.project_line, project.name, "没有读到预算单位（6 位编码和名称），请补上")
            self.unit = ("", "")
        unit = self.unit_index.get(self.unit)
        if unit is None:
            code, name = self.unit
            unit = self.unit_index[self.unit] = BudgetUnit(code=code, name=name)
            self.units.append(unit)
        unit.projects.append(project)

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
        if self._cell_tail(block, cells):
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

    def _cell_tail(self, block: Block, cells: list[str]) -> bool:
        """``标准`` and a tab: the end of the last cell above, with the row's closing tab after it.

        A PDF extract line of fewer cells than a row, holding only its first, is read as the
        line without a tab would be: the tail of the cell the row above left last."""
        first = cells[0]
        if (not self.ctx.pdf or self.ctx.wrapped or self.carry is None or self.state is None or not first
                or len(cells) >= self.width or any(cells[1:])):
            return False
        if row_label(first) or _framework_word(self.framework, first) or unit_label(first):
            return False
        name, append = self.carry
        append(self.ctx.take(first, block.line))
        self.ctx.note(block.line, first, f"这一行接在上一格（{name}）的文字后面，请核对")
        return True

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
            if key not in HEAD_LABELS:
                continue  # _after looks along the row: only for labels, or a long row costs n²
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
        pieces, project = self.ctx.pieces, self.project
        pieces.add(project, "purpose", text, self.ctx.joiner(False))

        def append(more: str) -> None:
            pieces.add(project, "purpose", more)

        self.carry = ("资金用途", append)

    def _goal_row(self, block: Block) -> None:
        parts = ["\n".join(block.cells[1:]).strip()]
        self.goal_parts.append((parts, block.line))
        self.carry = ("绩效目标", parts.append)
