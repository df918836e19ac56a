"""One project's 绩效目标表 in the official 7-column layout (DOMAIN.md §2), as a GridTable.

Rows, columns A..G:
  项目编码 | code (B:C) | 项目名称 | name (E:G)
  预算规模及资金用途 (A over 2) | 预算数 | total | 其中：财政资金 | fiscal | 其他资金 | other
                              | purpose (B:G)
  资金支出计划（%） (A over 2) | 3月底 (B:C) | 6月底 (D:E) | 10月底 | 12月底
                              | values in the same spans
  绩效目标 | 1.goal<br/>2.goal … (B:G)
  一级指标 | 二级指标 | 三级指标 | 绩效指标描述 (D:E) | 指标值 | 指标值确定依据   (repeated on each page)
  indicator rows: 一级 merged over its consecutive rows, 二级 over consecutive equal rows.
"""

from __future__ import annotations

from decimal import Decimal

from perfdesk.model import INDICATOR_HEADERS, Project, format_amount
from perfdesk.pdf.fonts import FontSet
from perfdesk.pdf.grid import Cell, CellParagraph, GridRow, GridTable, Group
from perfdesk.model.numbering import arabic
from perfdesk.pdf.styles import COLUMN_WIDTHS, FRAME_HEIGHT, Styles


def percent(value: Decimal | None) -> str:
    """A spending-plan checkpoint as printed: 25 → ``25%``, 12.5 → ``12.5%``, None → blank."""
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    return f"{text}%"


class _Cells:
    def __init__(self, fonts: FontSet, styles: Styles) -> None:
        self.fonts, self.styles = fonts, styles

    def center(self, text: str) -> CellParagraph:
        return CellParagraph(self.fonts.markup(text), self.styles.cell)

    def left(self, text: str) -> CellParagraph:
        return CellParagraph(self.fonts.markup(text), self.styles.cell_left)


def _top_rows(project: Project, c: _Cells) -> list[GridRow]:
    # The label breaks where the official table breaks it (预算规模及 / 资金用途).
    budget = Group("budget", c.center("预算规模及\n资金用途"))
    plan = Group("plan", c.center("资金支出计划（%）"))
    rows = [
        GridRow([Cell(0, 0, c.center("项目编码")), Cell(1, 2, c.center(project.code)),
                 Cell(3, 3, c.center("项目名称")), Cell(4, 6, c.left(project.name))]),
        GridRow([Cell(1, 1, c.center("预算数")), Cell(2, 2, c.center(format_amount(project.budget_total))),
                 Cell(3, 3, c.center("其中：财政资金")), Cell(4, 4, c.center(format_amount(project.budget_fiscal))),
                 Cell(5, 5, c.center("其他资金")), Cell(6, 6, c.center(format_amount(project.budget_other)))],
                {0: budget}, keep_with_next=True),
        GridRow([Cell(1, 6, c.left(project.purpose))], {0: budget}),
    ]
    checkpoints = project.spending_plan.checkpoints
    if len(checkpoints) == 4:
        spans = ((1, 2), (3, 4), (5, 5), (6, 6))
        rows.append(GridRow([Cell(a, b, c.center(cp.label)) for (a, b), cp in zip(spans, checkpoints)],
                            {0: plan}, keep_with_next=True))
        rows.append(GridRow([Cell(a, b, c.center(percent(cp.value))) for (a, b), cp in zip(spans, checkpoints)],
                            {0: plan}))
    else:  # an unusual plan: print every checkpoint in one cell rather than lose any
        text = "　".join(f"{cp.label}：{percent(cp.value)}" for cp in checkpoints)
        rows.append(GridRow([Cell(1, 6, c.left(text))], {0: plan}))
    goals = "\n".join(f"{arabic(n)}{goal}" for n, goal in enumerate(project.goals, 1))
    rows.append(GridRow([Cell(1, 6, c.left(goals))], {0: Group("goals", c.center("绩效目标"))}))
    return rows


def _header_row(c: _Cells) -> GridRow:
    level1, level2, level3, description, value, basis = INDICATOR_HEADERS
    return GridRow([Cell(0, 0, c.center(level1)), Cell(1, 1, c.center(level2)), Cell(2, 2, c.center(level3)),
                    Cell(3, 4, c.center(description)), Cell(5, 5, c.center(value)), Cell(6, 6, c.center(basis))],
                   header=True, keep_with_next=True)


def _indicator_rows(project: Project, c: _Cells) -> list[GridRow]:
    rows: list[GridRow] = []
    level1_run = level2_run = -1
    previous: tuple[str, str] | None = None
    level1_group = level2_group = None
    for indicator in project.indicators:
        level1, level2 = indicator.level1, indicator.level2
        # A blank 一级/二级 is not merged with its neighbours: it is a gap to see, not a group.
        if previous is None or not level1.strip() or level1 != previous[0]:
            level1_run += 1
            level1_group = Group(("level1", level1_run), c.center(level1))
            level2_group = None
        if level2_group is None or not level2.strip() or level2 != previous[1]:
            level2_run += 1
            level2_group = Group(("level2", level2_run), c.center(level2))
        previous = (level1, level2)
        rows.append(GridRow(
            [Cell(2, 2, c.center(indicator.level3)), Cell(3, 4, c.left(indicator.description)),
             Cell(5, 5, c.center(indicator.value)), Cell(6, 6, c.center(indicator.basis))],
            {0: level1_group, 1: level2_group},
        ))
    return rows


def project_table(project: Project, fonts: FontSet, styles: Styles) -> GridTable:
    cells = _Cells(fonts, styles)
    header = _header_row(cells)
    rows = [*_top_rows(project, cells), header, *_indicator_rows(project, cells)]
    if not project.indicators:
        rows[-1].keep_with_next = False  # a header with nothing after it may end the table
    return GridTable(rows, COLUMN_WIDTHS, FRAME_HEIGHT, header)
