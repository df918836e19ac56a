"""The printed document as an ordered list of blocks, the same for the PDF and the Word file.

Everything the official text prints and in which order is decided here once: the cover, the
目录 entries, Part 1's headings and paragraphs with their numbering, and per project the title,
the unit line and the 7-column table with its merges (DOMAIN.md §2). A block names a style
role of the print profile (:mod:`perfdesk.layout.profile`) and carries plain text; the writers
only turn blocks into ReportLab flowables or OOXML.

The table is rows of cells spanning columns plus *groups*: a cell merged over consecutive rows
that carry the same key in its column (一级 over its rows, 二级 over equal neighbours,
预算规模及资金用途 and 资金支出计划 over their two rows). The indicator header row is marked, as
it repeats on every page a table continues on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Hashable, Union

from perfdesk.errors import PerfdeskError
from perfdesk.model import INDICATOR_HEADERS, BudgetUnit, Document, DocumentStatus, Project, format_amount
from perfdesk.model.numbering import arabic, bracketed, ordinal

PART1_TITLE = ("第一部分", "部门整体绩效目标")
PART2_TITLE = ("第二部分", "预算项目绩效目标")
PART1_HEADINGS = ("总体绩效目标", "分项绩效目标", "工作保障措施")
TOC_TITLE_LIMIT = 150  # a longer title is shortened in the 目录 (it prints whole on its page)
UNIT_RIGHT = "单位：万元"


# ---------------------------------------------------------------------------- blocks
@dataclass(frozen=True)
class Paragraph:
    role: str
    text: str


@dataclass(frozen=True)
class Space:
    """Vertical room on the cover, in millimetres."""

    mm: float


@dataclass(frozen=True)
class Heading:
    """A heading: a bookmark (``title``), and a 目录 line when ``in_toc``. ``level`` 0 is a part."""

    role: str
    text: str
    key: str
    level: int
    in_toc: bool
    title: str


@dataclass(frozen=True)
class ContentsEntry:
    """One 目录 line pointing at the heading with ``key``; ``level`` 0 is a part's line
    (printed without a number in the PDF), 1 a heading or table."""

    key: str
    title: str
    level: int = 1


@dataclass(frozen=True)
class NewPage:
    """A page break; the pages after it are ``section`` ("front": no number, "body": numbered)."""

    section: str | None = None


@dataclass(frozen=True)
class UnitLine:
    left: str
    right: str = UNIT_RIGHT


@dataclass(frozen=True)
class TableCell:
    """A cell spanning columns ``first``..``last`` (0 = A) of one row."""

    first: int
    last: int
    text: str
    align: str = "center"


@dataclass(frozen=True)
class TableGroup:
    """A cell merged over consecutive rows carrying the same ``key`` in its column."""

    key: Hashable
    text: str
    align: str = "center"


@dataclass
class TableRow:
    cells: list[TableCell]
    groups: dict[int, TableGroup] = field(default_factory=dict)  # column -> merged cell
    header: bool = False  # the indicator header row, repeated after a page break
    keep_with_next: bool = False  # never break the page right after this row


@dataclass
class ProjectTable:
    rows: list[TableRow]
    header: TableRow

    @property
    def header_index(self) -> int:
        return self.rows.index(self.header)


Block = Union[Paragraph, Space, Heading, ContentsEntry, NewPage, UnitLine, ProjectTable]


# ---------------------------------------------------------------------------- projects
@dataclass
class Entry:
    """A project as printed: its number in the whole document, unit and project."""

    number: int
    unit: BudgetUnit
    project: Project

    @property
    def key(self) -> str:
        return f"project-{self.number}"

    @property
    def title(self) -> str:
        return f"{arabic(self.number)}{self.project.title}"


def chosen_entries(document: Document, codes: list[str] | None) -> list[Entry]:
    """Every project, or those of ``codes`` (keeping their numbers); unknown codes are refused."""
    entries = [Entry(document.project_number(u, p), unit, project) for u, p, unit, project in document.projects()]
    if codes is None:
        return entries
    if not codes:
        raise PerfdeskError("没有选择要导出的项目。")
    wanted = [code.strip() for code in codes]
    known = {entry.project.code.strip() for entry in entries}
    missing = [code for code in wanted if code not in known]
    if missing:
        raise PerfdeskError("文档中没有项目编码为“" + "”、“".join(missing) + "”的项目，未导出。")
    return [entry for entry in entries if entry.project.code.strip() in wanted]


def percent(value: Decimal | None) -> str:
    """A spending-plan checkpoint as printed: 25 → ``25%``, 12.5 → ``12.5%``, None → blank."""
    if value is None:
        return ""
    return f"{format(value.normalize(), 'f')}%"


def _top_rows(project: Project) -> list[TableRow]:
    # The label breaks where the official table breaks it (预算规模及 / 资金用途).
    budget = TableGroup("budget", "预算规模及\n资金用途")
    plan = TableGroup("plan", "资金支出计划（%）")
    rows = [
        TableRow([TableCell(0, 0, "项目编码"), TableCell(1, 2, project.code),
                  TableCell(3, 3, "项目名称"), TableCell(4, 6, project.name, "left")]),
        TableRow([TableCell(1, 1, "预算数"), TableCell(2, 2, format_amount(project.budget_total)),
                  TableCell(3, 3, "其中：财政资金"), TableCell(4, 4, format_amount(project.budget_fiscal)),
                  TableCell(5, 5, "其他资金"), TableCell(6, 6, format_amount(project.budget_other))],
                 {0: budget}, keep_with_next=True),
        TableRow([TableCell(1, 6, project.purpose, "left")], {0: budget}),
    ]
    checkpoints = project.spending_plan.checkpoints
    if len(checkpoints) == 4:
        spans = ((1, 2), (3, 4), (5, 5), (6, 6))
        rows.append(TableRow([TableCell(a, b, cp.label) for (a, b), cp in zip(spans, checkpoints)],
                             {0: plan}, keep_with_next=True))
        rows.append(TableRow([TableCell(a, b, percent(cp.value)) for (a, b), cp in zip(spans, checkpoints)],
                             {0: plan}))
    else:  # an unusual plan: print every checkpoint in one cell rather than lose any
        text = "　".join(f"{cp.label}：{percent(cp.value)}" for cp in checkpoints)
        rows.append(TableRow([TableCell(1, 6, text, "left")], {0: plan}))
    goals = "\n".join(f"{arabic(n)}{goal}" for n, goal in enumerate(project.goals, 1))
    rows.append(TableRow([TableCell(1, 6, goals, "left")], {0: TableGroup("goals", "绩效目标")}))
    return rows


def _header_row() -> TableRow:
    level1, level2, level3, description, value, basis = INDICATOR_HEADERS
    return TableRow([TableCell(0, 0, level1), TableCell(1, 1, level2), TableCell(2, 2, level3),
                     TableCell(3, 4, description), TableCell(5, 5, value), TableCell(6, 6, basis)],
                    header=True, keep_with_next=True)


def _indicator_rows(project: Project) -> list[TableRow]:
    rows: list[TableRow] = []
    level1_run = level2_run = -1
    previous: tuple[str, str] | None = None
    level1_group = level2_group = None
    for indicator in project.indicators:
        level1, level2 = indicator.level1, indicator.level2
        # A blank 一级/二级 is not merged with its neighbours: it is a gap to see, not a group.
        if previous is None or not level1.strip() or level1 != previous[0]:
            level1_run += 1
            level1_group = TableGroup(("level1", level1_run), level1)
            level2_group = None
        if level2_group is None or not level2.strip() or level2 != previous[1]:
            level2_run += 1
            level2_group = TableGroup(("level2", level2_run), level2)
        previous = (level1, level2)
        rows.append(TableRow(
            [TableCell(2, 2, indicator.level3), TableCell(3, 4, indicator.description, "left"),
             TableCell(5, 5, indicator.value), TableCell(6, 6, indicator.basis)],
            {0: level1_group, 1: level2_group},
        ))
    return rows


def project_table(project: Project) -> ProjectTable:
    """One project's 绩效目标表 in the official 7-column layout."""
    header = _header_row()
    rows = [*_top_rows(project), header, *_indicator_rows(project)]
    if not project.indicators:
        rows[-1].keep_with_next = False  # a header with nothing after it may end the table
    return ProjectTable(rows, header)


def runs(rows: list, column: int) -> list[tuple[int, int, TableGroup]]:
    """Consecutive rows sharing a group in ``column``: (first row, last row, group). Any rows
    with ``groups`` by column whose groups have a ``key`` (the PDF grid's rows too)."""
    found: list[tuple[int, int, TableGroup]] = []
    for index, row in enumerate(rows):
        group = row.groups.get(column)
        if group is None:
            continue
        if found and found[-1][1] == index - 1 and found[-1][2].key == group.key:
            found[-1] = (found[-1][0], index, found[-1][2])
        else:
            found.append((index, index, group))
    return found


# ---------------------------------------------------------------------------- the document
def _lines(text: str, role: str) -> list[Paragraph]:
    """Free text: one paragraph per non-empty line (numbered items stay items)."""
    return [Paragraph(role, line.strip()) for line in text.splitlines() if line.strip()]


def cover(document: Document, spaces_mm: tuple[float, float, float]) -> list[Block]:
    blocks: list[Block] = [Space(spaces_mm[0]), Paragraph("cover_title", document.department), Space(spaces_mm[1])]
    year = f"{document.year}年" if document.year else ""
    blocks.append(Paragraph("cover_subtitle", f"{year}部门预算绩效文本"))
    if document.status == DocumentStatus.DRAFT:
        blocks.append(Paragraph("cover_subtitle", "（草案）"))
    blocks.append(Space(spaces_mm[2]))
    for who, role in ((document.prepared_by, "编制"), (document.reviewed_by, "审核")):
        if who.strip():
            line = who.strip() if who.strip().endswith(role) else f"{who.strip()}{role}"
            blocks.append(Paragraph("cover_line", line))
    return blocks


def contents(entries: list[Entry]) -> list[Block]:
    blocks: list[Block] = [Paragraph("toc_title", "目　录"), ContentsEntry("part1", " ".join(PART1_TITLE), 0)]
    for n, name in enumerate(PART1_HEADINGS, 1):
        blocks.append(ContentsEntry(f"part1-{n}", f"{ordinal(n)}{name}"))
    blocks.append(ContentsEntry("part2", " ".join(PART2_TITLE), 0))
    for entry in entries:
        title = entry.title
        if len(title) > TOC_TITLE_LIMIT:
            title = title[:TOC_TITLE_LIMIT] + "…"
        blocks.append(ContentsEntry(entry.key, title))
    return blocks


def part1(document: Document) -> list[Block]:
    part = document.part1
    blocks: list[Block] = [Heading("part_title", "\n".join(PART1_TITLE), "part1", 0, False, " ".join(PART1_TITLE))]
    headings = [Heading("heading", f"{ordinal(n)}{name}", f"part1-{n}", 1, True, f"{ordinal(n)}{name}")
                for n, name in enumerate(PART1_HEADINGS, 1)]
    blocks += [headings[0], *_lines(part.overall_goal, "body")]
    blocks.append(headings[1])
    for n, sub_goal in enumerate(part.sub_goals, 1):
        blocks.append(Paragraph("subheading", f"{bracketed(n)}{sub_goal.title}"))
        if sub_goal.goal.strip():
            blocks += _lines(f"绩效目标：{sub_goal.goal}", "body")
        if sub_goal.indicators.strip():
            blocks += _lines(f"绩效指标：{sub_goal.indicators}", "body")
    blocks.append(headings[2])
    # Measures with sub-items read 一、 with （一） items; plain measures read （一）.
    nested = any(measure.items for measure in part.measures)
    for n, measure in enumerate(part.measures, 1):
        number = ordinal(n) if nested else bracketed(n)
        blocks += _lines(f"{number}{measure.text}", "subheading" if nested else "item")
        for m, item in enumerate(measure.items, 1):
            blocks += _lines(f"{bracketed(m)}{item}", "item")
    return blocks


def part2(entries: list[Entry], level: int, with_title: bool) -> list[Block]:
    blocks: list[Block] = []
    if with_title:
        blocks.append(Heading("part2_title", "\n".join(PART2_TITLE), "part2", 0, False, " ".join(PART2_TITLE)))
    for index, entry in enumerate(entries):
        if index > 0:
            blocks.append(NewPage())
        blocks.append(Heading("table_title", entry.title, entry.key, level, True, entry.title))
        blocks += [UnitLine(entry.unit.label), project_table(entry.project)]
    return blocks


@dataclass
class Layout:
    """The document as blocks; ``whole`` is False when only chosen tables are printed."""

    blocks: list[Block]
    entries: list[Entry]
    whole: bool
    title: str
    author: str


def document_layout(document: Document, project_codes: list[str] | None = None,
                    cover_space_mm: tuple[float, float, float] = (55.0, 10.0, 70.0)) -> Layout:
    """The whole document (cover, 目录, Part 1, Part 2), or only the tables of ``project_codes``."""
    entries = chosen_entries(document, project_codes)
    whole = project_codes is None
    if not whole:  # chosen projects only: their tables, numbered pages from the first
        blocks = part2(entries, 0, with_title=False)
    else:
        blocks = [
            *cover(document, cover_space_mm), NewPage("front"),
            *contents(entries), NewPage("body"),
            *part1(document), NewPage(),
            *part2(entries, 1, with_title=True),
        ]
    return Layout(blocks, entries, whole, document.title, document.department)
