"""The annotated copy (批注版): the clerk's own workbook with each finding as a cell comment.

``perfdesk check FILE --annotate OUT.xlsx`` and the window write it for the bureau to send
back: the clerk opens it in Excel/WPS, sees a red triangle on each cell the reviewer has
something to say about, and corrects the original. The copy is the clerk's workbook as
openpyxl keeps it (values, formulas, merges, styles, widths, print setup); only comments
and a light fill are added, and one sheet 审核问题 at the end lists every finding, those
without a cell included, so that nothing is dropped silently. The original is never written.
"""

from __future__ import annotations

import unicodedata
import zipfile
from io import BytesIO
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils.cell import coordinate_from_string
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from perfdesk.errors import PerfdeskError, SaveError, describe_error
from perfdesk.fileio.layout import ISSUES_HEADER
from perfdesk.fileio.read_result import CellRef
from perfdesk.fileio.safe_save import replace_file, same_file
from perfdesk.papers.marks import ANNOTATED_MARK, with_mark
from perfdesk.papers.checked import check_file
from perfdesk.papers.locate import Located
from perfdesk.review import ReviewRules

AUTHOR = "审核"
ISSUES_SHEET = "审核问题"
SEPARATOR = "———— 审核意见 ————"
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
ERROR_FILL = "FFFCE4D6"   # pale red: something the clerk must correct
NOTICE_FILL = "FFFFF2CC"  # pale yellow: warnings and hints, to look at
ACCEPTED = "已核实保留"

# Comment box size in the units openpyxl writes (VML px). A CJK character at Excel's
# comment font (9 pt) is about 12 px wide, a Latin one about half; these give ~24 CJK
# characters a line, wide enough to read a message without a box as tall as the screen.
BOX_WIDTH = 300
LINE_UNITS = 46      # half-width character cells per wrapped line in BOX_WIDTH
LINE_HEIGHT = 15
BOX_PADDING = 12
MIN_HEIGHT, MAX_HEIGHT = 60, 600


def refuse_paths(source: Path, target: Path) -> None:
    """The cases refused before anything is read or written, each said in Chinese."""
    if source.suffix.lower() not in WORKBOOK_SUFFIXES:
        raise PerfdeskError(f"批注版只能从 .xlsx 工作簿生成：“{source.name}”不是工作簿，没有可加批注的单元格。"
                            "请对 .xlsx 文件生成批注版，或直接查看审核结果。")
    if target.suffix.lower() != ".xlsx":
        raise SaveError(f"批注版要保存为 .xlsx 工作簿：“{target.name}”的扩展名不对，请改为 .xlsx。")
    if same_file(source, target):
        raise SaveError(f"批注版不能覆盖原文件“{source.name}”：请另起一个文件名（例如“{source.stem}-批注版.xlsx”），"
                        "原文件要留给经办人修改。")




def _open(source: Path) -> Workbook:
    try:
        workbook = load_workbook(source)  # not read-only: the copy needs styles and merges
    except OSError as error:
        raise PerfdeskError(f"无法读取“{source}”：{describe_error(error)}") from error
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise PerfdeskError(f"无法读取“{source}”：不是可以加批注的 .xlsx 工作簿（{error}）") from error
    # A .xlsm opened without its macros is written as a plain .xlsx; never as a template.
    workbook.template = False
    return workbook


def _anchor(sheet: Worksheet, cell: str) -> str | None:
    """The cell that carries the comment: the top-left cell of a merged range, since Excel
    shows neither the comment nor the fill of a cell hidden under a merge; None for a
    reference this sheet cannot hold."""
    try:
        column, row = coordinate_from_string(cell.split(":")[0])
    except ValueError:
        return None
    reference = f"{column}{row}"
    for merged in sheet.merged_cells.ranges:
        if reference in merged:
            return merged.start_cell.coordinate
    return reference


def _line(item: Located) -> str:
    """One line of a comment. An accepted finding is listed, marked with the reason, rather
    than left out: whoever reviews the copy next sees the bureau already weighed it and why,
    instead of raising it again or wondering whether the check missed it."""
    finding = item.finding
    if item.accepted is None:
        return f"[{finding.severity.label}] {finding.message}"
    reason = f"（理由：{item.accepted}）" if item.accepted else ""
    return f"[{ACCEPTED}] {finding.message}{reason}"


def _width_units(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _height(text: str) -> int:
    lines = sum(max(1, -(-_width_units(line) // LINE_UNITS)) for line in text.split("\n"))
    return max(MIN_HEIGHT, min(MAX_HEIGHT, lines * LINE_HEIGHT + BOX_PADDING))


def _comment_text(existing: Comment | None, items: list[Located]) -> str:
    # Open findings first, errors before warnings before hints; the accepted ones last,
    # since they ask nothing of the clerk.
    ordered = sorted(items, key=lambda i: (i.accepted is not None, i.finding.severity.rank))
    ours = "\n".join(_line(item) for item in ordered)
    if existing is None or not (existing.text or "").strip():
        return ours
    theirs = existing.text.rstrip()
    author = (existing.author or "").strip()
    if author and not theirs.startswith(author):
        theirs = f"{author}：{theirs}"  # the comment gets our author; the clerk's name stays in the text
    return f"{theirs}\n{SEPARATOR}\n{ours}"


def _mark(cell, items: list[Located]) -> None:
    """The light fill: red where an open error is, yellow for open warnings and hints;
    accepted-only cells keep their own fill, as the bureau asks nothing more there.
    Only the fill changes: font, border, alignment and number format stay the clerk's."""
    open_items = [item for item in items if item.accepted is None]
    if not open_items:
        return
    error = any(item.finding.severity.rank == 0 for item in open_items)
    colour = ERROR_FILL if error else NOTICE_FILL
    cell.fill = PatternFill(fill_type="solid", start_color=colour, end_color=colour)


def _placed(workbook: Workbook, located: list[Located]) -> dict[tuple[str, str], list[Located]]:
    """The findings by the (sheet, cell) that will carry them, in the order given."""
    cells: dict[tuple[str, str], list[Located]] = {}
    for item in located:
        place = _cell_of(workbook, item.place)
        if place is not None:
            cells.setdefault(place, []).append(item)
    return cells


def _cell_of(workbook: Workbook, place: CellRef | None) -> tuple[str, str] | None:
    if place is None or not place.cell or place.sheet not in workbook.sheetnames:
        return None
    sheet = workbook[place.sheet]
    if not isinstance(sheet, Worksheet):  # a chart sheet has no cells
        return None
    anchor = _anchor(sheet, place.cell)
    return (place.sheet, anchor) if anchor else None


def _unique_title(workbook: Workbook) -> str:
    taken = {name.casefold() for name in workbook.sheetnames}  # Excel ignores case in sheet names
    title, number = ISSUES_SHEET, 1
    while title.casefold() in taken:
        number += 1
        title = f"{ISSUES_SHEET}{number}"
    return title


def _quoted(title: str) -> str:
    """A sheet name as a link target writes it: always quoted, so that 2.科技项目 or a name
    with spaces works alike."""
    return "'" + title.replace("'", "''") + "'"


def _issues_sheet(workbook: Workbook, located: list[Located], placed: dict[int, tuple[str, str]]) -> None:
    """One row per finding, in the review's order; a finding with a cell links to it."""
    sheet = workbook.create_sheet(_unique_title(workbook))
    sheet.append(list(ISSUES_HEADER))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for item in located:
        state = "待修改" if item.accepted is None else \
            (f"{ACCEPTED}（理由：{item.accepted}）" if item.accepted else ACCEPTED)
        where = item.where() or "全文"
        if id(item) not in placed:
            where += "（未能对应到单元格）" if item.place is None or not item.place.cell else "（单元格不在本工作簿中）"
        sheet.append([where, item.finding.severity.label, item.finding.message, state])
        row = sheet.max_row
        for cell in sheet[row]:
            cell.alignment = wrap
        if id(item) in placed:
            title, coordinate = placed[id(item)]
            link = sheet.cell(row, 1)
            link.hyperlink = Hyperlink(ref=link.coordinate, location=f"{_quoted(title)}!{coordinate}")
            link.font = Font(color="0563C1", underline="single")
    if not located:
        sheet.append(["", "", "未发现问题", ""])
    for column, width in zip("ABCD", (40, 10, 60, 30)):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def annotate_workbook(source: Path, target: Path, located: list[Located]) -> int:
    """Copy of the clerk's workbook with each finding as a cell comment; returns the number of comments written."""
    source, target = Path(source), Path(target)
    refuse_paths(source, target)
    workbook = _open(source)
    cells = _placed(workbook, located)
    for (title, coordinate), items in cells.items():
        cell = workbook[title][coordinate]
        text = _comment_text(cell.comment, items)
        cell.comment = Comment(text, AUTHOR, height=_height(text), width=BOX_WIDTH)
        _mark(cell, items)
    placed = {id(item): place for place, items in cells.items() for item in items}
    _issues_sheet(workbook, located, placed)
    # marked as a paper, so that checking the folder it is kept in does not count it again
    workbook.properties.keywords = with_mark(workbook.properties.keywords, ANNOTATED_MARK)
    buffer = BytesIO()
    workbook.save(buffer)
    replace_file(target, buffer.getvalue())
    return len(cells)


def annotate_file(source: Path, target: Path, rules: ReviewRules | None = None) -> int:
    """Review ``source`` and write its annotated copy to ``target`` (for the window): the
    number of comments written; PerfdeskError if the file cannot be read."""
    source, target = Path(source), Path(target)
    refuse_paths(source, target)  # before the review, which may take a while on a large file
    checked = check_file(str(source), rules, keep_document=False)
    if checked.failure:
        raise PerfdeskError(checked.failure)
    return annotate_workbook(source, target, checked.located)
