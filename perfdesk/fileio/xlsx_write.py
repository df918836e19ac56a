"""Write a document as the native .xlsx: a Part 1 sheet, a 目录 sheet, one sheet per project,
the bureau's 审核意见 when there is any (see ``review_sheet``), then the clerk's sheets
perfdesk does not understand, as kept (see ``kept_sheets``).

Each project sheet is the official 7-column table of DOMAIN.md §2 (merges, borders, wrapped
text, widths, estimated row heights, A4 portrait fitted to the page width, the indicator
header repeated on every printed page). A project with last year's values (上年指标值) gets
them in column H beside its indicators, in grey and outside the print area: kept in the file
and seen by the clerk, never printed. This and ``xlsx_cells`` are the only modules that
know the file format; the package itself (XML, styles, zip) is written by ``xlsx_package``,
directly and linearly: openpyxl took seconds per thousand merged rows (docs/performance.md).
Nothing on the reading path imports this module (``perfdesk.fileio`` loads it when writing).

Writing is deterministic: fixed document-property times and zip entry dates, so the same
document always gives the same bytes. Text is always written as text (a leading = is never a
formula; = + - @ get Excel's quote prefix so that editing the cell keeps it text).
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from typing import BinaryIO

from perfdesk.errors import SaveError
from perfdesk.fileio import layout as L
from perfdesk.fileio.kept_sheets import kept_sheet_names
from perfdesk.fileio.read_result import CellRef, Origins, ProjectOrigin
from perfdesk.fileio.review_sheet import write_review_sheet
from perfdesk.fileio.xlsx_package import COVERED, Alignment, Book, Font, Sheet, Style
from perfdesk.model import Document, KeptSheet, Project, load_framework
from perfdesk.model.kept_sheet import column_index
from perfdesk.model.numbering import chinese_number

WIDTHS = {"A": 15, "B": 13, "C": 15, "D": 13, "E": 11, "F": 13, "G": 15}  # ≈ A4 portrait
COLUMNS = "ABCDEFG"
LINE_HEIGHT = 14.5  # points per line of 11pt 宋体
BODY = Font(name="宋体", size=11)
BOLD = Font(name="宋体", size=11, bold=True)
TITLE = Font(name="黑体", size=14, bold=True)
LINK = Font(name="宋体", size=11, color="0563C1", underline=True)
CENTER = Alignment("center", "center")
LEFT = Alignment("left", "center")
TOP_LEFT = Alignment("left", "top")
RIGHT = Alignment("right", "center", wrap=False)
# 上年指标值 beside the table: grey on a light grey fill, so that it reads as not printed.
PREVIOUS_COLUMN, PREVIOUS_HEADER, PREVIOUS_WIDTH = "H", "上年指标值", 14
NOT_PRINTED = Font(name="宋体", size=11, color="808080")
NOT_PRINTED_BOLD = Font(name="宋体", size=11, bold=True, color="808080")
NOT_PRINTED_FILL = "F2F2F2"
_EXCEL_ESCAPE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
# Characters XML cannot hold (openpyxl's ILLEGAL_CHARACTERS_RE): written as Excel's _xHHHH_.
ILLEGAL_CHARACTERS_RE = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")


def _clean(text: str, where: str) -> str:
    if len(text) > L.MAX_CELL_TEXT:
        raise SaveError(f"{where}的文字太长（{len(text)} 字），一个单元格最多 {L.MAX_CELL_TEXT} 字，请分段。")
    # Control characters cannot stand in XML; Excel's own escape _xHHHH_ keeps them (a line
    # break pasted from Word is \x0b), so the clerk's text reads back exactly. A literal
    # _xHHHH_ typed by the clerk would be decoded as an escape, so its underscore is escaped first.
    if "_x" in text or "_X" in text:
        text = _EXCEL_ESCAPE.sub(r"_x005F_\1", text)
    return ILLEGAL_CHARACTERS_RE.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def _text(ws: Sheet, ref: str, text: str, where: str, style: Alignment = LEFT, font: Font = BODY, box: bool = True,
          fill: str | None = None, number_format: str = "General") -> None:
    quote = bool(text) and text[0] in "=+-@"  # never a formula, and stays text when edited in Excel
    ws.text(ref, _clean(text, where), Style(font, style, box, fill, number_format, quote))


def _number(ws: Sheet, ref: str, value: Decimal | None, fmt: str, alignment: Alignment = RIGHT) -> None:
    # The exact decimal text goes into <v>, never a float (0.0093 must not become 0.009299999999999999).
    ws.number(ref, None if value is None else format(value, "f"), Style(BODY, alignment, True, None, fmt))


def _merge(ws: Sheet, ref: str) -> None:
    """Merge a bordered range: every cell of it keeps a thin border, so the print is boxed."""
    ws.merge(ref, box=True)


_WIDE = re.compile("[^\x00-\u2e7f]")  # CJK and full-width: two columns each


def _display_width(text: str) -> int:
    return len(text) + len(_WIDE.findall(text))


def _lines(text: str, width_chars: float) -> int:
    """How many printed lines a wrapped cell needs (CJK counts double)."""
    usable = max(2.0, width_chars - 1)
    return sum(max(1, math.ceil(_display_width(line) / usable)) for line in (text or "").split("\n"))


_SPAN_WIDTHS = {(first, last): sum(WIDTHS[c] for c in COLUMNS[COLUMNS.index(first):COLUMNS.index(last) + 1])
                for first in COLUMNS for last in COLUMNS if first <= last}


def _height(ws: Sheet, row: int, cells: list[tuple[str, str, str]]) -> None:
    """Set a row height from (first column, last column, text) of its wrapped cells."""
    lines = 1
    for first, last, text in cells:
        lines = max(lines, _lines(text, _SPAN_WIDTHS[first, last]))
    ws.heights[row] = round(lines * LINE_HEIGHT + 6, 1)


def _percent_format(value: Decimal | None) -> str:
    if value is None:
        return "0%"
    exponent = value.normalize().as_tuple().exponent
    decimals = min(10, -exponent) if isinstance(exponent, int) and exponent < 0 else 0
    return "0." + "0" * decimals + "%" if decimals else "0%"


def _spans(count: int) -> list[int]:
    """How the six columns B-G are shared by ``count`` checkpoints (4 → 2,2,1,1 as printed)."""
    base, extra = divmod(6, count)
    return [base + (1 if i < extra else 0) for i in range(count)]


def _widths(ws: Sheet, widths: dict[str, float]) -> None:
    for letters, width in widths.items():
        ws.widths[column_index(letters)] = width


# Where each project field stands on its sheet (DOMAIN.md §2); the indicator header is row 9.
FIELD_CELLS = {"code": "B3", "name": "E3", "budget_total": "C4", "budget_fiscal": "E4", "budget_other": "G4",
               "purpose": "B5", "spending_plan": "A6", "goals": "B8"}
INDICATOR_COLUMNS = dict(zip(("level1", "level2", "level3", "description", "value", "basis"), "ABCDFG"))


def write_project_sheet(ws: Sheet, number: int, unit_label: str, project: Project,
                        origin: ProjectOrigin | None = None) -> None:
    """One project's table; ``origin``, when given, records where each field was written."""
    where = f"第 {number} 个项目"
    _widths(ws, WIDTHS)
    _text(ws, "A1", f"{number}.{project.title}", where, CENTER, TITLE, box=False)
    ws.merge("A1:G1")
    ws.heights[1] = max(28, _lines(f"{number}.{project.title}", 50) * 20)
    _text(ws, "A2", unit_label, where, LEFT, BODY, box=False)
    ws.merge("A2:E2")
    _text(ws, "F2", L.UNIT_NOTE, where, RIGHT, BODY, box=False)
    ws.merge("F2:G2")

    _text(ws, "A3", L.CODE, where, CENTER, BOLD)
    _text(ws, FIELD_CELLS["code"], project.code, where + "的项目编码", CENTER)
    _merge(ws, "B3:C3")
    _text(ws, "D3", L.NAME, where, CENTER, BOLD)
    _text(ws, FIELD_CELLS["name"], project.name, where + "的项目名称", LEFT)
    _merge(ws, "E3:G3")
    _height(ws, 3, [("B", "C", project.code), ("E", "G", project.name)])

    _text(ws, "A4", L.BUDGET_BLOCK, where, CENTER, BOLD)
    _merge(ws, "A4:A5")
    _text(ws, "B4", L.TOTAL, where, CENTER, BOLD)
    _number(ws, FIELD_CELLS["budget_total"], project.budget_total, "0.00")
    _text(ws, "D4", L.FISCAL, where, CENTER, BOLD)
    _number(ws, FIELD_CELLS["budget_fiscal"], project.budget_fiscal, "0.00")
    _text(ws, "F4", L.OTHER, where, CENTER, BOLD)
    _number(ws, FIELD_CELLS["budget_other"], project.budget_other, "0.00")
    _height(ws, 4, [("D", "D", L.FISCAL)])
    _text(ws, FIELD_CELLS["purpose"], project.purpose, where + "的资金用途", LEFT)
    _merge(ws, "B5:G5")
    _height(ws, 5, [("B", "G", project.purpose), ("A", "A", "")])

    _text(ws, FIELD_CELLS["spending_plan"], L.SPENDING, where, CENTER, BOLD)
    _merge(ws, "A6:A7")
    checkpoints = project.spending_plan.checkpoints
    if len(checkpoints) > 6:
        raise SaveError(f"{where}的资金支出计划有 {len(checkpoints)} 个时点，表格最多容纳 6 个。")
    column = 1
    for checkpoint, span in zip(checkpoints, _spans(len(checkpoints)) if checkpoints else []):
        first, last = COLUMNS[column], COLUMNS[column + span - 1]
        _text(ws, f"{first}6", checkpoint.label, where + "的资金支出计划", CENTER, BOLD)
        value = None if checkpoint.value is None else checkpoint.value.scaleb(-2)
        _number(ws, f"{first}7", value, _percent_format(checkpoint.value), CENTER)
        if origin is not None:
            origin.checkpoints.append(CellRef(ws.title, f"{first}7"))
        if span > 1:
            _merge(ws, f"{first}6:{last}6")
            _merge(ws, f"{first}7:{last}7")
        column += span
    for empty in COLUMNS[column:]:
        ws.blank(f"{empty}6", COVERED)
        ws.blank(f"{empty}7", COVERED)

    goals = "\n".join(f"{i}.{goal}" for i, goal in enumerate(project.goals, 1))
    _text(ws, "A8", L.GOALS, where, CENTER, BOLD)
    _text(ws, FIELD_CELLS["goals"], goals, where + "的绩效目标", LEFT)
    _merge(ws, "B8:G8")
    _height(ws, 8, [("B", "G", goals)])

    header = 9
    for column, label in zip(INDICATOR_COLUMNS.values(), ("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值",
                                                          "指标值确定依据")):
        _text(ws, f"{column}{header}", label, where, CENTER, BOLD)
    _merge(ws, f"D{header}:E{header}")
    _height(ws, header, [("G", "G", "指标值确定依据")])
    ws.print_titles = (header, header)
    _write_indicators(ws, header + 1, project, where)
    previous = any(indicator.previous_value for indicator in project.indicators)
    if previous:
        _write_previous_values(ws, header, project, where)
    ws.orientation = "portrait"
    # The print area is the table: Excel and WPS keep it right when the clerk inserts or
    # deletes rows inside, so reading tells the table's own rows (an empty indicator among
    # them) from blank or bordered rows and anything typed below (xlsx_tables).
    ws.print_area = f"A1:G{header + len(project.indicators)}"
    if origin is not None:
        sheet = ws.title
        origin.table = CellRef(sheet, "A3")
        origin.fields = {field: CellRef(sheet, cell) for field, cell in FIELD_CELLS.items()}
        origin.goals = [CellRef(sheet, FIELD_CELLS["goals"])] * len(project.goals)
        origin.indicators = [{field: CellRef(sheet, f"{column}{header + 1 + i}")
                              for field, column in INDICATOR_COLUMNS.items()} for i in range(len(project.indicators))]
        if previous:
            for i, cells in enumerate(origin.indicators):
                cells["previous_value"] = CellRef(sheet, f"{PREVIOUS_COLUMN}{header + 1 + i}")


def _write_previous_values(ws: Sheet, header: int, project: Project, where: str) -> None:
    """上年指标值 in column H, right of the print area (A:G), so the printed table is unchanged.
    Row heights are left to the printed cells: a long old value must not stretch the print."""
    _widths(ws, {PREVIOUS_COLUMN: PREVIOUS_WIDTH})
    _text(ws, f"{PREVIOUS_COLUMN}{header}", PREVIOUS_HEADER, where, CENTER, NOT_PRINTED_BOLD, box=False,
          fill=NOT_PRINTED_FILL)
    for offset, indicator in enumerate(project.indicators):
        # Text format: a value the clerk types here in Excel (95%) stays text, not a number.
        _text(ws, f"{PREVIOUS_COLUMN}{header + 1 + offset}", indicator.previous_value,
              f"{where}第 {offset + 1} 行指标的上年指标值", LEFT, NOT_PRINTED, box=False, fill=NOT_PRINTED_FILL,
              number_format="@")


def _write_indicators(ws: Sheet, first: int, project: Project, where: str) -> None:
    rows = project.indicators
    for offset, indicator in enumerate(rows):
        row = first + offset
        label = f"{where}第 {offset + 1} 行指标"
        for column, text in zip(INDICATOR_COLUMNS.values(), indicator.cells()):
            _text(ws, f"{column}{row}", text, label, CENTER if column in "AB" else LEFT)
        _merge(ws, f"D{row}:E{row}")
        _height(ws, row, [("A", "A", indicator.level1), ("B", "B", indicator.level2),
                          ("C", "C", indicator.level3), ("D", "E", indicator.description),
                          ("F", "F", indicator.value), ("G", "G", indicator.basis)])
    # 一级 merged over equal neighbours; 二级 likewise but never across a 一级 boundary.
    start = 0
    for end in range(1, len(rows) + 1):
        if end == len(rows) or rows[end].level1 != rows[start].level1 or not rows[start].level1:
            if end - start > 1:
                _merge(ws, f"A{first + start}:A{first + end - 1}")
            _merge_level2(ws, first, rows, start, end)
            start = end


def _merge_level2(ws: Sheet, first: int, rows: list, start: int, end: int) -> None:
    run = start
    for i in range(start + 1, end + 1):
        if i == end or rows[i].level2 != rows[run].level2 or not rows[run].level2:
            if i - run > 1:
                _merge(ws, f"B{first + run}:B{first + i - 1}")
            run = i


def write_part1_sheet(ws: Sheet, document: Document, origins: Origins | None = None) -> None:
    """The cover fields and Part 1; ``origins``, when given, records the cover cells and the
    three headings' cells (where findings about them point)."""
    origins = origins if origins is not None else Origins()
    widths = {"A": 20, "B": 80}
    _widths(ws, widths)
    row = 1

    def put(label: str, text: str, where: str, font: Font = BODY, field: str | None = None) -> None:
        nonlocal row
        if field in ("overall_goal", "sub_goals", "measures"):
            origins.part1[field] = CellRef(ws.title, f"A{row}")
        elif field:
            origins.cover[field] = CellRef(ws.title, f"B{row}")
        _text(ws, f"A{row}", label, where, LEFT, BOLD if label else BODY, box=False)
        _text(ws, f"B{row}", text, where, TOP_LEFT, font, box=False)
        lines = max(_lines(text, widths["B"]), _lines(label, widths["A"]))
        ws.heights[row] = round(lines * LINE_HEIGHT + 4, 1)
        row += 1

    _text(ws, "A1", document.title, "标题", CENTER, TITLE, box=False)
    ws.merge("A1:B1")
    ws.heights[1] = 30
    row = 2
    try:
        framework = load_framework(document.framework).name
    except KeyError:
        framework = document.framework
    year = document.year
    cover = {"department": document.department, "status": document.status.value,
             "prepared_by": document.prepared_by, "reviewed_by": document.reviewed_by, "framework": framework}
    for label, field in L.COVER_LABELS.items():
        if field == "year":
            _text(ws, f"A{row}", label, "封面", LEFT, BOLD, box=False)
            ws.number(f"B{row}", None if year is None else str(year), Style(alignment=LEFT))
            origins.cover[field] = CellRef(ws.title, f"B{row}")
            row += 1
        else:
            put(label, cover[field], f"封面的“{label}”", field=field)
    row += 1
    _text(ws, f"A{row}", L.PART1_TITLE, "第一部分", LEFT, TITLE, box=False)
    ws.merge(f"A{row}:B{row}")
    row += 1
    part1 = document.part1
    for i, paragraph in enumerate(part1.overall_goal.split("\n")):
        put(L.OVERALL_GOAL if i == 0 else "", paragraph, "总体绩效目标", field="overall_goal" if i == 0 else None)
    put(L.SUB_GOALS, "", "分项绩效目标", field="sub_goals")
    for i, sub_goal in enumerate(part1.sub_goals, 1):
        where = f"第 {i} 个分项绩效目标"
        put(f"（{chinese_number(i)}）", sub_goal.title, where, BOLD)
        put(L.SUB_GOAL_GOAL, sub_goal.goal, where)
        put(L.SUB_GOAL_INDICATORS, sub_goal.indicators, where)
    put(L.MEASURES, "", "工作保障措施", field="measures")
    for i, measure in enumerate(part1.measures, 1):
        put(f"{chinese_number(i)}、", measure.text, f"第 {i} 条保障措施")
        for j, item in enumerate(measure.items, 1):
            put(f"（{chinese_number(j)}）", item, f"第 {i} 条保障措施的第 {j} 项")
    ws.orientation = "portrait"


def write_contents_sheet(ws: Sheet, document: Document, sheet_names: list[str]) -> None:
    _widths(ws, dict(zip("ABCDE", (10, 26, 44, 16, 30))))
    _text(ws, "A1", L.CONTENTS_SHEET, "目录", CENTER, TITLE, box=False)
    ws.merge("A1:E1")
    for column, label in zip("ABCDE", L.CONTENTS_HEADERS):
        _text(ws, f"{column}2", label, "目录", CENTER, BOLD)
    row, number = 3, 0
    grand = Decimal(0)
    for unit in document.units:
        total = sum((p.budget_total or Decimal(0) for p in unit.projects), Decimal(0))
        grand += total
        _text(ws, f"A{row}", L.CONTENTS_UNIT, "目录", CENTER, BOLD)
        _text(ws, f"B{row}", unit.code, "预算单位编码", LEFT, BOLD)
        _text(ws, f"C{row}", unit.name, "预算单位名称", LEFT, BOLD)
        _number(ws, f"D{row}", total, "0.00")
        _text(ws, f"E{row}", "", "目录")
        row += 1
        for project in unit.projects:
            name = sheet_names[number]
            number += 1
            ws.number(f"A{row}", str(number), Style(BODY, CENTER, True))
            _text(ws, f"B{row}", project.code, "目录", LEFT)
            _text(ws, f"C{row}", project.name, "目录", LEFT)
            _number(ws, f"D{row}", project.budget_total, "0.00")
            _text(ws, f"E{row}", name, "目录", LEFT, LINK)
            ws.hyperlinks.append((f"E{row}", f"'{name}'!A1", name))
            row += 1
    _text(ws, f"A{row}", L.CONTENTS_TOTAL, "目录", CENTER, BOLD)
    _number(ws, f"D{row}", grand.quantize(Decimal("0.01")), "0.00")
    ws.orientation = "portrait"


def write_kept_sheet(ws: Sheet, sheet: KeptSheet) -> None:
    """A sheet perfdesk does not understand, as kept: values with their types, number formats,
    merges and column widths (no fonts, borders or fills: see ``kept_sheets``)."""
    _widths(ws, sheet.column_widths)
    for kept in sheet.cells:
        ref = kept.ref
        where = f"工作表“{ws.title}”的单元格 {ref}"
        if kept.text is not None:
            # A carriage return goes in as Excel's own escape: written raw it would read back
            # as a line feed, since XML readers normalise line ends.
            quote = kept.text[:1] in ("=", "+", "-", "@")  # never a formula, whatever the first character
            ws.text(ref, _clean(kept.text, where).replace("\r", "_x000D_"), Style(quote_prefix=quote))
        elif kept.number is not None:
            ws.number(ref, format(kept.number, "f"), Style(number_format=kept.format or "General"))
        elif kept.boolean is not None:
            ws.boolean(ref, kept.boolean)
        else:
            if ILLEGAL_CHARACTERS_RE.search(kept.formula):
                raise SaveError(f"{where}的公式含有 Excel 不允许的控制字符，无法保存。")
            ws.formula(ref, kept.formula)  # a formula the clerk's file held without its result
    for ref in sheet.merges:
        ws.merge(ref)


def build_workbook(document: Document, marked: bool = True, origins: Origins | None = None) -> Book:
    """The workbook for ``document``. ``marked`` stamps it as written by perfdesk
    (read back exactly); a blank template for hand filling is left unmarked (read tolerantly).
    ``origins``, when given, records where each field was written (so that findings name the
    cells of the file just saved, as they name those of a file just opened)."""
    wb = Book()
    part1 = wb.add_sheet(L.PART1_SHEET)
    contents = wb.add_sheet(L.CONTENTS_SHEET)
    names = []
    for u, p, unit, project in document.projects():
        number = document.project_number(u, p)
        name = L.sheet_title(number, project.name)
        names.append(name)
        origin = ProjectOrigin(name) if origins is not None else None
        write_project_sheet(wb.add_sheet(name), number, unit.label, project, origin)
        if origins is not None:
            origins.add(project, origin)
    taken = [L.PART1_SHEET, L.CONTENTS_SHEET, *names]
    if document.has_review():
        taken.append(L.REVIEW_SHEET)  # a clerk's own sheet of that name, kept, is renamed beside it
        write_review_sheet(wb.add_sheet(L.REVIEW_SHEET), document)
    if document.kept_sheets:
        for sheet, name in zip(document.kept_sheets, kept_sheet_names(document.kept_sheets, taken)):
            write_kept_sheet(wb.add_sheet(name), sheet)
    write_part1_sheet(part1, document, origins)
    write_contents_sheet(contents, document, names)
    wb.creator = "perfdesk"
    wb.title = _clean(document.title, "标题")
    if marked:
        wb.custom[L.FORMAT_PROPERTY] = str(L.FORMAT_VERSION)
    return wb


def workbook_bytes(document: Document, marked: bool = True, origins: Origins | None = None) -> bytes:
    return build_workbook(document, marked, origins).to_bytes()


def write_workbook(document: Document, target: str | BinaryIO, marked: bool = True) -> None:
    """Write ``document`` to a path or a binary stream (not atomic; use ``save_document``)."""
    data = workbook_bytes(document, marked)
    if hasattr(target, "write"):
        target.write(data)
    else:
        with open(target, "wb") as out:
            out.write(data)
