"""The summary workbook over many checked files (``perfdesk check … --summary OUT.xlsx``).

What a section chief reviewing all the departments at once opens in Excel or WPS:

* 汇总 — one row per file, in the files' order: department, year, projects, budget total
  (万元), open errors / warnings / hints, findings accepted (已核实保留), the three most
  frequent problems, and a status; a 合计 row below the filtered range.
* 全部问题 — one row per finding, with the sheet and cell of the clerk's workbook, so that
  the chief can filter by department, rule or severity.
* 按规则 — each rule counted over all files: which problems are common to the whole county.

An unreadable file counts as one error (as ``perfdesk check`` does for its exit status and
its JSON), so that the 错误 column adds up to the 错误 rows of 全部问题. Amounts are written
from the Decimal sums; the workbook is written whole or not at all (``replace_file``).
"""

from __future__ import annotations

import io
import unicodedata
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from perfdesk.errors import SaveError
from perfdesk.fileio.safe_save import replace_file, same_file
from perfdesk.papers.marks import SUMMARY_MARK, is_summary
from perfdesk.papers.checked import UNREADABLE, CheckedFile
from perfdesk.papers.locate import Located
from perfdesk.review.findings import RULES, Severity

UNREADABLE_TITLE = "文件无法读取"
MONEY_FORMAT = "#,##0.00"
MAX_CELL_TEXT = 32767  # Excel's limit for one cell
MOST_COMMON = 3

SUMMARY_HEADERS = ("序号", "部门", "年度", "文件", "项目数", "预算数合计（万元）", "错误", "警告", "提示",
                   "已核实保留", "最常见的问题", "状态")
FINDING_HEADERS = ("文件", "部门", "工作表", "单元格", "项目序号", "项目编码", "项目名称", "规则", "问题类别",
                   "严重程度", "问题", "已核实保留")
RULE_HEADERS = ("规则", "问题类别", "严重程度", "问题数", "涉及文件数", "已核实保留")

# Column widths in Excel's units (about one Latin character; a Chinese character takes two):
# (least, most). The text columns grow with their content up to the most; 问题 wraps instead.
SUMMARY_WIDTHS = ((6, 6), (16, 36), (6, 6), (16, 50), (7, 7), (18, 18), (6, 6), (6, 6), (6, 6),
                  (10, 10), (24, 70), (10, 60))
FINDING_WIDTHS = ((16, 40), (16, 30), (12, 30), (7, 8), (9, 9), (12, 24), (16, 40), (14, 24), (16, 40),
                  (9, 9), (60, 60), (12, 40))
RULE_WIDTHS = ((14, 26), (20, 44), (9, 9), (8, 8), (10, 10), (10, 10))

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
TOTAL_FONT = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")


def summary_target(target: Path) -> Path:
    """``target`` if a summary may be written there (an .xlsx name: under .xls or .csv Excel
    would refuse or misread it); else a :class:`SaveError` in the clerk's words."""
    if target.suffix.lower() != ".xlsx":
        raise SaveError(f"审核汇总应保存为 .xlsx 工作簿，而不是“{target.suffix or target.name}”。")
    return target






def title_of(rule: str) -> str:
    """A rule's Chinese title (the rule id itself for one the catalogue does not know)."""
    if rule == UNREADABLE:
        return UNREADABLE_TITLE
    known = RULES.get(rule)
    return known[1] if known else rule


def most_common(located: Iterable[Located], count: int = MOST_COMMON) -> str:
    """``指标值为空（5）；项目编码格式不符（2）``: the most frequent rules, most frequent first;
    on a tie the more severe rule, then the one met first in the file."""
    counts: Counter[str] = Counter()
    rank: dict[str, int] = {}
    for item in located:
        counts[item.finding.rule] += 1
        rank.setdefault(item.finding.rule, item.finding.severity.rank)
    first = {rule: n for n, rule in enumerate(counts)}  # Counter keeps the order of first sight
    ordered = sorted(counts, key=lambda rule: (-counts[rule], rank[rule], first[rule]))
    return "；".join(f"{title_of(rule)}（{counts[rule]}）" for rule in ordered[:count])


def _counts(checked: CheckedFile) -> dict[str, int]:
    counts = checked.counts()
    if checked.failure:
        counts["error"] += 1  # the file itself: what the clerk has to fix before anything else
    return counts


def _status(checked: CheckedFile, counts: dict[str, int]) -> str:
    if checked.failure:
        # After a read, failure is the review's own internal error (see check_file).
        head = "无法读取" if checked.facts is None else "审核出错"
        return f"{head}：{checked.failure}"
    if counts["error"]:
        return "有错误，需修改"
    if counts["warning"] or counts["hint"]:
        return "有警告或提示，请核对"
    return "未发现问题"


def _text(value: Any) -> Any:
    """A value fit for a cell: text without the control characters a workbook cannot hold
    (a message may quote a cell pasted from Word), cut to Excel's limit."""
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)[:MAX_CELL_TEXT]
    return value


class _Rows:
    """Writes a sheet row after row. The next row is counted here: openpyxl's ``max_row``
    looks at every cell, which made a summary of 7,000 findings take half a minute."""

    def __init__(self, sheet: Worksheet) -> None:
        self.sheet, self.last = sheet, 0

    def add(self, values: Iterable[Any]) -> int:
        """Add one row; text stays text even when it starts with ``=`` (a project name is not
        a formula). Returns the row number."""
        self.last += 1
        for column, value in enumerate(values, 1):
            cell = self.sheet.cell(self.last, column, _text(value))
            if isinstance(cell.value, str):
                cell.data_type = "s"
            cell.alignment = TOP
        return self.last


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _finish(rows: _Rows, headers: tuple[str, ...], widths: tuple[tuple[int, int], ...], filtered: int,
            wrapped: tuple[int, ...] = ()) -> None:
    """Bold header, frozen below it, a filter over the header and ``filtered`` rows below it,
    widths for Chinese text, printed landscape."""
    sheet = rows.sheet
    for column in range(1, len(headers) + 1):
        cell = sheet.cell(1, column)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{1 + filtered}"
    for column, (least, most) in enumerate(widths, 1):
        longest = max(_display_width(str(sheet.cell(row, column).value or "")) for row in range(1, rows.last + 1))
        sheet.column_dimensions[get_column_letter(column)].width = max(least, min(most, longest + 2))
    for column in wrapped:
        for row in range(2, rows.last + 1):
            sheet.cell(row, column).alignment = WRAP
    # A chief prints the summary: landscape, all columns on one page's width.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"


def _summary_sheet(sheet: Worksheet, results: list[CheckedFile]) -> None:
    rows = _Rows(sheet)
    rows.add(SUMMARY_HEADERS)
    totals = {"projects": 0, "budget": Decimal(0), "error": 0, "warning": 0, "hint": 0, "accepted": 0}
    for number, checked in enumerate(results, 1):
        facts, counts = checked.facts, _counts(checked)
        # The Decimal sum goes to openpyxl as it is (a float sum could drift by a cent). openpyxl
        # writes "%.16g" of the nearest double, sometimes 9.210000000000001 for 9.21: the same
        # double Excel keeps when 9.21 is typed, shown and summed as 9.21 (Excel's 15 digits),
        # for any amount to the cent below 10^13 万元.
        row = rows.add((number, facts.department if facts else None, facts.year if facts else None,
                        checked.name, facts.projects if facts else None,
                        facts.budget_total if facts else None, counts["error"], counts["warning"],
                        counts["hint"], len(checked.accepted), most_common(checked.open),
                        _status(checked, counts)))
        sheet.cell(row, 6).number_format = MONEY_FORMAT
        if facts:
            totals["projects"] += facts.projects
            totals["budget"] += facts.budget_total
        for key in ("error", "warning", "hint"):
            totals[key] += counts[key]
        totals["accepted"] += len(checked.accepted)
    # Values, not =SUM(): a viewer that does not calculate still shows them, and the row
    # stays below the filter's range so that sorting never moves it among the files.
    row = rows.add(("合计", None, None, f"{len(results)} 个文件", totals["projects"], totals["budget"],
                    totals["error"], totals["warning"], totals["hint"], totals["accepted"], None, None))
    sheet.cell(row, 6).number_format = MONEY_FORMAT
    for column in range(1, len(SUMMARY_HEADERS) + 1):
        sheet.cell(row, column).font = TOTAL_FONT
    _finish(rows, SUMMARY_HEADERS, SUMMARY_WIDTHS, len(results), wrapped=(11, 12))


def _finding_sheet(sheet: Worksheet, results: list[CheckedFile]) -> None:
    rows = _Rows(sheet)
    rows.add(FINDING_HEADERS)
    for checked in results:
        department = checked.facts.department if checked.facts else None
        if checked.failure:
            rows.add((checked.name, department, None, None, None, None, None, UNREADABLE, UNREADABLE_TITLE,
                      Severity.ERROR.label, checked.failure, None))
        for item in checked.located:
            finding = item.finding
            rows.add((checked.name, department, item.sheet, item.cell, finding.number,
                      finding.project_code or None, item.project_name or None, finding.rule,
                      title_of(finding.rule), finding.severity.label, finding.message, item.accepted))
    _finish(rows, FINDING_HEADERS, FINDING_WIDTHS, rows.last - 1, wrapped=(11,))


def _rule_sheet(sheet: Worksheet, results: list[CheckedFile]) -> None:
    """Open findings per rule, the files they occur in, and how many were accepted."""
    open_count: Counter[str] = Counter()
    accepted: Counter[str] = Counter()
    files: dict[str, set[int]] = {}
    severity: dict[str, Severity] = {}
    for index, checked in enumerate(results):
        if checked.failure:
            open_count[UNREADABLE] += 1
            files.setdefault(UNREADABLE, set()).add(index)
            severity[UNREADABLE] = Severity.ERROR
        for item in checked.located:
            rule = item.finding.rule
            severity.setdefault(rule, item.finding.severity)
            if item.accepted is None:
                open_count[rule] += 1
                files.setdefault(rule, set()).add(index)
            else:
                accepted[rule] += 1
    ordered = sorted(severity, key=lambda rule: (severity[rule].rank, -open_count[rule], -accepted[rule], rule))
    rows = _Rows(sheet)
    rows.add(RULE_HEADERS)
    for rule in ordered:
        rows.add((rule, title_of(rule), severity[rule].label, open_count[rule], len(files.get(rule, ())),
                  accepted[rule]))
    _finish(rows, RULE_HEADERS, RULE_WIDTHS, rows.last - 1)


def summary_bytes(results: list[CheckedFile]) -> bytes:
    """The summary workbook's content."""
    workbook = Workbook()
    workbook.properties.title, workbook.properties.keywords = "审核汇总", SUMMARY_MARK
    _summary_sheet(workbook.active, results)
    workbook.active.title = "汇总"
    _finding_sheet(workbook.create_sheet("全部问题"), results)
    _rule_sheet(workbook.create_sheet("按规则"), results)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_summary(results: list[CheckedFile], target: Path) -> None:
    """Write the summary of ``results`` to ``target`` (.xlsx), whole or not at all; never over
    one of the files it summarises, unless that file is itself an earlier summary (a chief
    writing 汇总.xlsx into the folder checked, twice)."""
    target = summary_target(Path(target))
    for checked in results:
        if same_file(Path(checked.name), target) and not is_summary(target):
            raise SaveError(f"审核汇总不能写到被审核的文件“{checked.name}”上，请换一个文件名。")
    replace_file(target, summary_bytes(results))
