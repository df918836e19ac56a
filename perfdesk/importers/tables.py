"""Part 2: the project tables (绩效目标表), row by row, into units and projects.

A row is recognised by its first cell (项目编码, 预算规模及资金用途, 资金支出计划（%）, 绩效目标,
一级指标) and the rows that follow it with an empty first cell belong to the same part
(the column A cell merged downwards). A header row repeated after a page break is skipped and
the row it cut in two is joined again; 一级指标/二级指标 left empty by merged cells are
taken from the row above. What fits nowhere becomes an import note.
"""

from __future__ import annotations

from decimal import Decimal

from perfdesk.importers.cells import (
    assign_plan, build_plan, checkpoint_of, framework_name, plan_value, read_amount, split_goals,
)
from perfdesk.importers.context import PAGE_NUMBER, PART2, TITLE, TITLE_START, UNIT_OF_MONEY, Context
from perfdesk.importers.part1 import unit_label
from perfdesk.importers.source import Block, squeeze
from perfdesk.model import INDICATOR_HEADERS, BudgetUnit, Framework, Indicator, Project

CODE_LABELS = ("项目编码", "项目编号")


class Part2Reader:
    def __init__(self, ctx: Context, framework: Framework) -> None:
        self.ctx, self.framework = ctx, framework
        self.units: list[BudgetUnit] = []
        self.unit: tuple[str, str] | None = None
        self.project: Project | None = None
        self.has_table = False
        self.state: str | None = None
        self.goal_parts: list[tuple[str, int]] = []
        self.plan_labels: dict[int, int] = {}
        self.plan_kind = "month"
        self.plan_values: dict[int, Decimal] = {}
        self.plan_bound: dict[int, Decimal] = {}
        self.header = list(range(6))
        self.page_break = False
        self.last_cell: tuple[object, str] | None = None
        self.numbers: list[tuple[int, int]] = []  # (printed number, line) of each title

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
            if (TITLE_START.match(text) and not TITLE.match(text) and following is not None
                    and not following.is_row and self.ctx.clean(following.text).endswith("绩效目标表")):
                text += self.ctx.clean(following.text)  # a title wrapped over two lines
                index += 1
            self._paragraph(text, block)
        self._finish()
        self._check_numbers()
        return self.units

    def _paragraph(self, text: str, block: Block) -> None:
        key = squeeze(text)
        if not key or PAGE_NUMBER.match(key) or PART2.match(key) or key == "预算项目绩效目标":
            return
        if UNIT_OF_MONEY.match(key):
            return
        title = TITLE.match(text)
        if title:
            self._finish()
            self._start(block.line, name=self.ctx.take(title.group(2), block.line))
            self.numbers.append((int(title.group(1)), block.line))
            return
        unit = unit_label(text)
        if unit:
            self._set_unit(unit)
            return
        if self.ctx.pdf and not block.blank_before and self.last_cell is not None and self.state is not None:
            obj, name = self.last_cell  # a cell's text carried onto a line of its own
            setattr(obj, name, getattr(obj, name) + self.ctx.take(text, block.line))
            self.ctx.note(block.line, text, "这一行接在上一格的文字后面")
            return
        self.ctx.note(block.line, text, "不在任何绩效目标表内，未导入")

    # --------------------------------------------------------- projects/units
    def _start(self, line: int, name: str = "") -> None:
        self.project = Project(name=name)
        self.project_line = line
        self.has_table = False
        self.state, self.goal_parts, self.last_cell = None, [], None
        self.plan_labels, self.plan_values, self.plan_bound = {}, {}, {}
        self.plan_kind, self.header = "month", list(range(6))

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
        if self.plan_labels or self.plan_values or self.plan_bound:
            chosen = assign_plan(self.plan_labels, self.plan_values)
            chosen.update(self.plan_bound)
            project.spending_plan = build_plan(self.plan_kind, chosen)
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
        first = squeeze(cells[0])
        if first in CODE_LABELS or (first == "" and squeeze(filled[0]) in CODE_LABELS):
            if self.project is None or self.project.code or self.state is not None:
                self._finish()
                self._start(block.line)
            self.has_table = True
            self._code_row(block, cells)
            return
        if self.project is None:
            self._start(block.line)
            self.ctx.note(block.line, block.raw(), "表格前没有“项目编码”一行，另起一个项目")
        self.has_table = True
        if first.startswith("预算规模") or first == "预算数":
            self._budget_row(block, cells)
            self.state = "purpose"
        elif first.startswith("资金用途"):
            self.state = "purpose"
            self._purpose(block, cells[1:])
        elif first.startswith("资金支出计划"):
            self.state = "plan"
            self._plan_row(block, cells)
        elif first == "绩效目标":
            self.state = "goals"
            self.goal_parts.append(("\n".join(block.cells[1:]).strip(), block.line))
        elif first == "一级指标":
            self.page_break = self.state == "indicators" and bool(self.project.indicators)
            self.state = "indicators"
            self._header_row(cells)
        elif first == "" and self.state == "purpose":
            self._purpose(block, cells[1:])
        elif first == "" and self.state == "plan":
            self._plan_row(block, cells)
        elif first == "" and self.state == "goals":
            self.goal_parts.append(("\n".join(block.cells[1:]).strip(), block.line))
        elif self.state == "indicators" or framework_name(self.framework, first):
            self.state = "indicators"
            self._indicator_row(block, cells)
        else:
            self.ctx.note(block.line, block.raw(), "无法识别的表格行，未导入")

    def _code_row(self, block: Block, cells: list[str]) -> None:
        keys = [squeeze(c) for c in cells]
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
            value = self._after(cells, index)
            try:
                setattr(self.project, name, read_amount(value))
            except ValueError:
                self.ctx.note(block.cell_line(index), value, f"“{key}”后面不是金额（万元），未导入")

    def _purpose(self, block: Block, cells: list[str]) -> None:
        text = "".join(c for c in cells if c)
        if not text:
            return
        text = self.ctx.take(text, block.line)
        old = self.project.purpose
        self.project.purpose = old + self.ctx.joiner(False) + text if old else text
        self.last_cell = (self.project, "purpose")

    def _plan_row(self, block: Block, cells: list[str]) -> None:
        for index, cell in enumerate(cells[1:], start=1):
            key = squeeze(cell)
            if not key:
                continue
            checkpoint = checkpoint_of(key)
            if checkpoint:
                self.plan_kind, position, key = checkpoint
                self.plan_labels[index] = position
                if not key:
                    continue
            try:
                value = plan_value(key)
            except ValueError:
                self.ctx.note(block.cell_line(index), cell, "资金支出计划中无法识别的值，未导入")
                continue
            if checkpoint:
                # A value printed beside its own label ("12月底 100%") needs no column guess.
                self.plan_bound[position] = value
                del self.plan_labels[index]
            elif value is not None:
                self.plan_values[index] = value

    def _header_row(self, cells: list[str]) -> None:
        keys = [squeeze(c) for c in cells]
        if all(h in keys for h in INDICATOR_HEADERS):
            self.header = [keys.index(h) for h in INDICATOR_HEADERS]

    def _indicator_row(self, block: Block, cells: list[str]) -> None:
        fields = [cells[i] if i < len(cells) else "" for i in self.header]
        lines = [block.cell_line(i) for i in self.header]
        if not any(fields):
            return
        indicators = self.project.indicators
        previous = indicators[-1] if indicators else None
        after_break, self.page_break = self.page_break, False
        if previous is not None and not fields[0] and not fields[1] and self._continues(previous, fields, after_break):
            for name, text, line in zip(("level3", "description", "value", "basis"), fields[2:], lines[2:]):
                if text:
                    old = getattr(previous, name)
                    setattr(previous, name, old + self.ctx.joiner(False) + self.ctx.take(text, line) if old else text)
            self.ctx.note(block.line, block.raw(), "表格在分页或换行处断开，这一行并入上一行指标")
            return
        level1, level2 = fields[0], fields[1]
        if not level1 and previous is not None:
            level1 = previous.level1  # merged down from the row above
            if not level2:
                level2 = previous.level2
        level1 = self._framework_level(level1, None, lines[0])
        level2 = self._framework_level(level1, level2, lines[1])
        values = [self.ctx.take(text, line) for text, line in zip(fields[2:], lines[2:])]
        indicator = Indicator(level1=level1, level2=level2, level3=values[0], description=values[1],
                              value=values[2], basis=values[3])
        indicators.append(indicator)
        self.last_cell = (indicator, "basis")

    @staticmethod
    def _continues(previous: Indicator, fields: list[str], after_break: bool) -> bool:
        if not fields[2]:
            return True
        # After a repeated header, a row cut by the page break carries only the cut-off text.
        incomplete = sum(1 for f in fields[2:] if f) < 4
        cut = any(not getattr(previous, n) for n in ("level3", "description", "value", "basis"))
        return after_break and (incomplete or cut)

    def _framework_level(self, level1: str, level2: str | None, line: int) -> str:
        text = level1 if level2 is None else level2
        name = framework_name(self.framework, level1, level2)
        if name is None:
            return text
        if squeeze(text) != name and squeeze(text) != "":
            self.ctx.note(line, text, f"“{text}”按指标体系记为“{name}”")
        return name
