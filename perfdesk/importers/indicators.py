"""The indicator rows of one project table (一级指标 … 指标值确定依据).

一级指标/二级指标 left empty by merged cells are taken from the row above. A header row
repeated after a page break is skipped, and the row the break cut in two is joined again:
after such a header, a row that carries only pieces of text (no 三级指标, or cells the row
above left empty) continues the row above. A whole row that merely has one cell blank (no
指标值确定依据, say) is a row of its own: it has a 三级指标 and a 指标值 of its own, as the
row above does. A row whose 一级/二级 cell holds only the end of a name cut above it
(``服务对象满`` / ``意度指标``) continues that row too: together they make a name of the
framework, apart neither does. 一级/二级 names are kept as written, older spellings (效果指标)
included.
"""

from __future__ import annotations

from collections.abc import Callable

from perfdesk.importers.cells import framework_name
from perfdesk.importers.context import Context
from perfdesk.importers.source import Block, squeeze
from perfdesk.model import INDICATOR_HEADERS, Framework, Indicator, Project

TEXT_FIELDS = ("level3", "description", "value", "basis")
FIELD_NAMES = {"level3": "三级指标", "description": "绩效指标描述", "value": "指标值", "basis": "指标值确定依据"}


class IndicatorRows:
    def __init__(self, ctx: Context, framework: Framework, project: Project) -> None:
        self.ctx, self.framework, self.project = ctx, framework, project
        self.columns = list(range(6))
        self.page_break = False

    def starts(self, first: str) -> bool:
        """Whether a first cell is a 一级指标 of the framework (a table without its header row)."""
        return bool(framework_name(self.framework, first))

    def header(self, cells: list[str], repeated: bool) -> None:
        self.page_break = repeated and bool(self.project.indicators)
        keys = [squeeze(c) for c in cells]
        if all(h in keys for h in INDICATOR_HEADERS):
            self.columns = [keys.index(h) for h in INDICATOR_HEADERS]

    def row(self, block: Block, cells: list[str]) -> tuple[str, Callable[[str], None]] | None:
        """Read one row; return the cell a wrapped line below it would continue, if any."""
        fields = [cells[i] if i < len(cells) else "" for i in self.columns]
        lines = [block.cell_line(i) for i in self.columns]
        if not any(fields):
            return None
        indicators = self.project.indicators
        previous = indicators[-1] if indicators else None
        after_break, self.page_break = self.page_break, False
        filled = self.ctx.pieces.filled
        tails = self._level_tails(previous, fields) if previous is not None and (fields[0] or fields[1]) else None
        if previous is not None and (tails is not None or (
                not fields[0] and not fields[1] and _continues(previous, fields, after_break, filled))):
            if tails is not None:
                previous.level1 = self._framework_level(tails[0], None)
                previous.level2 = self._framework_level(previous.level1, tails[1])
            for name, text, line in zip(TEXT_FIELDS, fields[2:], lines[2:]):
                if text:
                    self.ctx.pieces.add(previous, name, self.ctx.take(text, line), self.ctx.joiner(False))
            self.ctx.note(block.line, block.raw(), "表格在分页或换行处断开，这一行并入上一行指标")
            return self._carry(previous)
        level1, level2 = fields[0], fields[1]
        if not level1 and previous is not None:
            level1 = previous.level1  # merged down from the row above
            if not level2:
                level2 = previous.level2
        level1 = self._framework_level(level1, None)
        level2 = self._framework_level(level1, level2)
        values = [self.ctx.take(text, line) for text, line in zip(fields[2:], lines[2:])]
        indicator = Indicator(level1=level1, level2=level2, level3=values[0], description=values[1],
                              value=values[2], basis=values[3])
        indicators.append(indicator)
        return self._carry(indicator)

    def _level_tails(self, previous: Indicator, fields: list[str]) -> tuple[str, str] | None:
        """(一级, 二级) of the row above completed by this row's first cells, when those cells
        hold the ends of names the row above holds the starts of; None when they do not."""
        level1, level2 = previous.level1, previous.level2
        if fields[0]:
            joined = squeeze(level1 + fields[0])
            if not level1 or any(framework_name(self.framework, name) is not None for name in (level1, fields[0])):
                return None  # a name of its own above or here: two rows
            if framework_name(self.framework, joined) is None:
                return None
            level1 = joined
        if fields[1]:
            joined = squeeze(level2 + fields[1])
            if not level2 or any(framework_name(self.framework, level1, name) is not None
                                 for name in (level2, fields[1])):
                return None
            if framework_name(self.framework, level1, joined) is None:
                return None
            level2 = joined
        return level1, level2

    def _carry(self, indicator: Indicator) -> tuple[str, Callable[[str], None]]:
        # A line wrapped out of a row is most often the end of its last cell.
        def append(more: str) -> None:
            self.ctx.pieces.add(indicator, "basis", more)

        return FIELD_NAMES["basis"], append

    def _framework_level(self, level1: str, level2: str | None) -> str:
        """A 一级指标 (or the 二级指标 under it) as the clerk wrote it.

        An older spelling the framework lists as an alias (效果指标) is kept, not rewritten: the
        review understands it through the framework. Only whitespace goes, which a PDF
        extraction puts inside a name the clerk typed whole (``产出 指标``)."""
        text = level1 if level2 is None else level2
        if framework_name(self.framework, level1, level2) is None:
            return text  # not a name of the framework: the review points at it
        return squeeze(text)


def _continues(previous: Indicator, fields: list[str], after_break: bool,
               filled: Callable[[object, str], bool]) -> bool:
    if not fields[2]:
        return True
    if not after_break:
        return False
    # A row with its own 三级指标 and 指标值, under a row that has both, is a whole row with
    # a blank cell, not the rest of the row above.
    if fields[4] and filled(previous, "level3") and filled(previous, "value"):
        return False
    # After a repeated header, a row cut by the page break carries only the cut-off text.
    incomplete = sum(1 for f in fields[2:] if f) < 4
    cut = any(not filled(previous, n) for n in TEXT_FIELDS)
    return incomplete or cut
