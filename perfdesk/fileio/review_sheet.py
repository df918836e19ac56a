"""The bureau's review marks (审核意见) in the workbook: the sheet perfdesk owns for them.

Written after the project sheets when the document holds any review (``Document.has_review``):
a title row, a header row, then one row per finding accepted for the document as a whole
(项目编码 ``（全文）``), then per project one row with its status and comment followed by one
row per accepted finding. A finding's rows repeat the project's 序号, 编码 and 名称 so that
sorting or filtering in Excel keeps every row readable on its own; rule, field and place are
in columns of their own so that they read back exactly.

Reading finds the header by its labels (a column inserted or moved is no matter), places each
row by 项目编码, then 项目名称, then 序号 (the clerk may have reordered the projects since),
and returns a note for everything it could not place. Only the model is known here, not the
review rules: the rule is written as its id.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from perfdesk.fileio import layout as L
from perfdesk.fileio.grid import Grid, render
from perfdesk.fileio.read_result import ReadNote
from perfdesk.fileio.xlsx_cells import Number
from perfdesk.model import Acceptance, Document, Project, ProjectReview, ReviewStatus
from perfdesk.model.kept_sheet import cell_ref, column_letters

TITLE = "审核意见（财政局审核记录，由 perfdesk 维护，请勿改动表头）"
WHOLE_DOCUMENT = "（全文）"  # the 项目编码 of a finding about the document as a whole
# (model name, header label, column width in characters)
COLUMNS = (
    ("number", "序号", 6),
    ("code", "项目编码", 24),
    ("name", "项目名称", 28),
    ("status", "审核状态", 10),
    ("comment", "审核意见", 40),
    ("rule", "核实保留的问题（规则）", 22),
    ("field", "字段", 14),
    ("where", "问题位置", 28),
    ("reason", "保留理由", 32),
)
HEADERS = tuple(label for _, label, _ in COLUMNS)
_HEADER_KEYS = {L.label_key(label): name for name, label, _ in COLUMNS}
_STATUSES = {status.value: status for status in ReviewStatus}
_REQUIRED = {"code", "status", "rule"}  # perfdesk's own labels, and what places and reads a row
_MULTI_LINE = {"comment", "reason"}
_MERGED_DOWN = {"number", "code", "name"}  # a clerk may merge these over a project's rows
NOT_FOUND = "审核意见中的项目在文本中找不到，未读入"


# ------------------------------------------------------------------------------ writing
def _rows(document: Document) -> list[tuple[int | None, str, str, str, str, Acceptance | None]]:
    """(序号, 编码, 名称, 状态, 意见, accepted finding or None) of each row below the header."""
    rows: list = [(None, WHOLE_DOCUMENT, "", "", "", accepted) for accepted in document.accepted]
    # Every project, reviewed or not, so that the reviewer sees in Excel which are still 未审.
    for u, p, _, project in document.projects():
        number, review = document.project_number(u, p), project.review
        rows.append((number, project.code, project.name, review.status.value, review.comment, None))
        rows += [(number, project.code, project.name, "", "", accepted) for accepted in review.accepted]
    return rows


def write_review_sheet(ws, document: Document) -> None:
    """The 审核意见 sheet of ``document`` on the empty worksheet ``ws`` (an ``xlsx_package.Sheet``)."""
    # The writer's own cell helpers; imported here because xlsx_write imports this module.
    from perfdesk.fileio.xlsx_write import (
        BOLD, BODY, CENTER, LEFT, LINE_HEIGHT, TITLE as TITLE_FONT, _lines, _number, _text,
    )

    last = column_letters(len(COLUMNS))
    for i, (_, _, width) in enumerate(COLUMNS, 1):
        ws.widths[i] = width
    _text(ws, "A1", TITLE, "审核意见", CENTER, TITLE_FONT, box=False)
    ws.merge(f"A1:{last}1")
    ws.heights[1] = 28

    def height(row: int, texts: tuple[str, ...]) -> None:
        lines = max(_lines(text, width) for text, (_, _, width) in zip(texts, COLUMNS))
        ws.heights[row] = round(lines * LINE_HEIGHT + 6, 1)

    for i, label in enumerate(HEADERS, 1):
        _text(ws, f"{column_letters(i)}2", label, "审核意见", CENTER, BOLD)
    height(2, HEADERS)
    row = 2
    for number, code, name, status, comment, accepted in _rows(document):
        row += 1
        where = f"审核意见第 {row} 行"
        if number is None:
            _text(ws, f"A{row}", "", where, CENTER)
        else:
            _number(ws, f"A{row}", Decimal(number), "0", CENTER)
        finding = ("", "", "", "") if accepted is None else (
            accepted.rule, accepted.field, accepted.where, accepted.reason)
        texts = (str(number or ""), code, name, status, comment, *finding)
        for i, text in enumerate(texts[1:], 2):
            _text(ws, f"{column_letters(i)}{row}", text, where, CENTER if i == 4 else LEFT, BODY)
        height(row, texts)
    ws.freeze = "A3"
    ws.auto_filter = f"A2:{last}{row}"  # sort and filter from the header, as the title invites
    ws.orientation = "landscape"  # nine columns do not fit across a portrait page
    ws.print_titles = (2, 2)


# ------------------------------------------------------------------------------ reading
def review_columns(grid: Grid) -> tuple[int, dict[str, int]] | None:
    """(header row, column of each field found) when ``grid`` is perfdesk's 审核意见 sheet: named
    so, with 项目编码, 审核状态 and 核实保留的问题 in one row. A clerk's own sheet of that name is
    not; a column the clerk deleted (序号, say) reads as blank."""
    if grid.name != L.REVIEW_SHEET:
        return None
    for row in sorted(grid.by_row):
        columns = {_HEADER_KEYS[key]: col for col, key in reversed(grid.row_keys(row)) if key in _HEADER_KEYS}
        if _REQUIRED <= set(columns):
            return row, columns
    return None


@dataclass
class _Marks:
    """What the rows say about one project, gathered before it is set on the project."""

    status: ReviewStatus | None = None
    comment: str | None = None
    accepted: list[Acceptance] = field(default_factory=list)


@dataclass(frozen=True)
class _Entry:
    number: int
    code: str
    name: str
    project: Project


def _number_in(value: object) -> int | None:
    if isinstance(value, Number):
        return int(value.value) if value.value == value.value.to_integral_value() else None
    text = unicodedata.normalize("NFKC", render(value)).strip()
    return int(text) if text.isdigit() else None


def _match(entries: list[_Entry], number: int | None, code: str, name: str) -> _Entry | None:
    """The project a row names: by code, then by name (the code may have been corrected since
    the review), and by number only among those or when the row names neither."""
    if not code and not name:
        return next((e for e in entries if e.number == number), None)
    pool = entries
    for wanted, key in ((code, "code"), (name, "name")):
        same = [e for e in pool if wanted and getattr(e, key) == wanted]
        pool = same or pool
    if pool is entries:
        return None  # neither its code nor its name is in the document: never guess by number
    return next((e for e in pool if e.number == number), pool[0])


def _carries_review(text: dict[str, str]) -> bool:
    """Whether a row records anything: an accepted finding, a comment, a status other than 未审."""
    return any(text[name].strip() for name in ("comment", "rule", "field", "where", "reason")) or \
        L.label_key(text["status"]) not in ("", ReviewStatus.UNREVIEWED.value)


def read_review_sheet(grid: Grid, document: Document) -> list[ReadNote]:
    """Set the review marks the 审核意见 sheet holds on ``document`` (its projects as read);
    a note for each row or cell that could not be placed."""
    found = review_columns(grid)
    if found is None:
        return []
    header, columns = found
    notes: list[ReadNote] = []
    entries = [_Entry(document.project_number(u, p), L.label_key(project.code), L.label_key(project.name), project)
               for u, p, _, project in document.projects()]
    marks: dict[int, _Marks] = {}

    def note(row: int, name: str, text: str, reason: str) -> None:
        notes.append(ReadNote(grid.name, cell_ref(row, columns[name]), text, reason))

    for row in sorted(r for r in grid.by_row if r > header):
        text = {name: grid.text(row, columns[name], single=name not in _MULTI_LINE, fill=name in _MERGED_DOWN)
                if name in columns else "" for name, _, _ in COLUMNS}
        if not any(value.strip() for value in text.values()):
            continue
        accepted = None
        if text["rule"].strip():
            accepted = Acceptance(rule=text["rule"].strip(), field=text["field"].strip(), where=text["where"],
                                  reason=text["reason"])
        elif any(text[name].strip() for name in ("field", "where", "reason")):
            note(row, "rule", " ".join(t for t in (text["field"], text["where"], text["reason"]) if t.strip()),
                 "核实保留的问题没有填写规则，未读入")
        if L.label_key(text["code"]).strip("（）") == "全文":
            if accepted is not None:
                document.accepted.append(accepted)
            for name in ("status", "comment"):
                if text[name].strip():
                    note(row, name, text[name], "“（全文）”一行只记核实保留的问题，审核状态和意见须写在项目的行上，未读入")
            continue
        number = _number_in(grid.raw(row, columns["number"], fill=True)) if "number" in columns else None
        entry = _match(entries, number, L.label_key(text["code"]), L.label_key(text["name"]))
        if entry is None and _carries_review(text):
            # the cell naming the project, or the 项目编码 cell of a row that names none
            place = next((name for name in ("code", "name", "number") if text[name].strip()), "code")
            shown = text[place] or " ".join(value for value in text.values() if value.strip())
            note(row, place, shown, NOT_FOUND)
        if entry is None:
            continue  # a project deleted since, with nothing recorded for it: nothing is lost
        mark = marks.setdefault(id(entry.project), _Marks())
        if accepted is not None:
            mark.accepted.append(accepted)
        status = L.label_key(text["status"])
        if status and status not in _STATUSES:
            note(row, "status", text["status"], "审核状态应为“未审”“需修改”或“已通过”，按“未审”读入")
        elif status:
            if mark.status is not None and mark.status.value != status:
                note(row, "status", text["status"], f"这个项目的审核状态前面已写为“{mark.status.value}”，这一行的未读入")
            else:
                mark.status = _STATUSES[status]
        if text["comment"].strip():
            if mark.comment is not None and mark.comment != text["comment"]:
                note(row, "comment", text["comment"], "这个项目的审核意见前面已有一条，这一行的未读入")
            else:
                mark.comment = text["comment"]
    notes += _stray_cells(grid, header, columns)
    for entry in entries:
        mark = marks.get(id(entry.project))
        if mark is not None:
            entry.project.review = ProjectReview(status=mark.status or ReviewStatus.UNREVIEWED,
                                                 comment=mark.comment or "", accepted=mark.accepted)
    return notes


def _stray_cells(grid: Grid, header: int, columns: dict[str, int]) -> list[ReadNote]:
    """Cells outside the table (a remark typed beside it, text above the header other than the
    title): the sheet is written anew on saving, so they are named here."""
    used = set(columns.values())
    notes = []
    for (row, col), value in sorted(grid.cells.items()):
        text = render(value).strip()
        above = row < header and not L.label_key(text).startswith(L.REVIEW_SHEET)
        if text and (above or (row >= header and col not in used)):
            notes.append(ReadNote(grid.name, cell_ref(row, col), text, "在审核意见表格之外，未读入"))
    return notes
