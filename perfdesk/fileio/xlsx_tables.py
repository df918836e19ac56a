"""Find the project tables (绩效目标表) on a sheet by their labels and read them into Projects.

Nothing is at a fixed cell: a table starts at a 项目编码 (or 项目编号) label, its title and
unit line are the rows just above, every field is the cell right of its label, the spending
plan's checkpoints are the headed cells beside 资金支出计划, the indicator columns are found
from the 一级指标 … 指标值确定依据 header, and a 上年指标值 column beside them (perfdesk writes it
in H, outside the print area; a clerk may put it anywhere on that row) is read as each row's
last-year value. Several tables may be stacked on one sheet.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from functools import lru_cache

from perfdesk.fileio import layout as L
from perfdesk.fileio.grid import Grid, render
from perfdesk.fileio.read_result import CellRef, ProjectOrigin, ReadNote
from perfdesk.fileio.xlsx_cells import Sheet
from perfdesk.importers.cells import split_goals
from perfdesk.model import Checkpoint, Indicator, Project, SpendingPlan, load_framework
from perfdesk.model.kept_sheet import cell_ref
from perfdesk.model.labels import labels

LABELS = labels()
MAX_INDICATORS = 1000  # a real table has a few dozen rows; more is text pasted under it
LISTED_ROWS = 20  # rows below a table named one by one in the notes; the rest are summed up


@lru_cache(maxsize=8192)
def project_field(text: str) -> str | None:
    """The field a project-table label names (``"total"`` for 年度预算), or None."""
    return LABELS.field("project", text)


def field_of(value: object) -> str | None:
    return project_field(value) if isinstance(value, str) and len(value) < 40 else None


def header_of(value: object) -> str | None:
    return LABELS.field("indicator_header", value) if isinstance(value, str) and len(value) < 40 else None


def inline_field(value: object) -> tuple[str, str] | None:
    """``资金用途：用于……`` typed in one cell: (field, the text after the label)."""
    if not isinstance(value, str):
        return None
    match = INLINE_LABEL.match(value)
    if not match:
        return None
    field = project_field(match.group(1))
    return (field, match.group(2)) if field in INLINE_FIELDS else None


INLINE_LABEL = re.compile(r"^\s*([^:：\n]{2,12}?)\s*[:：]\s*(\S.*)$", re.DOTALL)
INLINE_FIELDS = {"name", "purpose", "goals"}
NOTE_START = ("注:", "注：", "备注", "说明", "填表", "填报")
UNIT_PREFIX = re.compile(r"^(预算单位|单位名称|部门名称|单位)[:：]\s*")
UNIT_NOTE = re.compile(r"[（(]?\s*(金额)?单位\s*[:：]\s*万元\s*[）)]?\s*$")
TOTAL_ROWS = {"合计", "小计", "总计"}  # a sum row left under a hand-made indicator table is no indicator


@dataclass
class Table:
    sheet: str
    row: int
    unit_line: str | None  # the text at the left of the unit line, or None if there is none
    project: Project
    origin: ProjectOrigin
    notes: list[ReadNote]
    first_row: int = 0  # the title or unit line above the 项目编码 row, if any


def is_title(text: object) -> bool:
    return isinstance(text, str) and L.label_key(text).endswith(L.TITLE_SUFFIX)


def is_unit_note(text: object) -> bool:
    return isinstance(text, str) and "万元" in L.label_key(text) and "单位" in L.label_key(text)


def ref(row: int, col: int) -> str:
    return cell_ref(row, col)


def split_unit_line(text: str) -> tuple[str, str]:
    """``112001承德…本级`` → (``112001``, ``承德…本级``); a prefix like 预算单位： is dropped."""
    text = UNIT_NOTE.sub("", L.one_line(L.tidy(text)))
    text = UNIT_PREFIX.sub("", text).strip()
    digits = re.match(r"^[0-9０-９]+", text)
    if not digits:
        return "", text
    return unicodedata.normalize("NFKC", digits.group(0)), text[digits.end():].strip()


def find_tables(grid: Grid, framework: str | None = None) -> list[Table]:
    """Every table on the sheet, in reading order (top to bottom, then left to right)."""
    bands = _column_bands(grid)
    if len(bands) == 1:
        return _find_in(grid, framework)
    found = [(table.row, band, table) for band, sub in enumerate(bands) for table in _find_in(sub, framework)]
    return [table for _, _, table in sorted(found, key=lambda item: item[:2])]


def _column_bands(grid: Grid) -> list[Grid]:
    """Tables put side by side: when a 项目编码 label stands right of another table, the sheet is
    cut into column bands at the label columns and each band is read like a sheet of its own
    (columns keep their letters, so messages still point at the real cell)."""
    if grid.exact:
        return [grid]
    leading: set[int] = set()  # columns of labels that start their row: ordinary tables
    beside: set[int] = set()  # labels with something to their left
    for row, cells in grid.by_row.items():
        for c, v in cells:
            if field_of(v) == "code" and _names_near(grid, row):
                (leading if c == cells[0][0] else beside).add(c)
    # A label beside other cells starts a table only right of an ordinary one (the tables need
    # not start on the same row); a list with 序号 left of 项目编码 has no ordinary table.
    columns = {c for c in beside if leading and c > min(leading)}
    if not columns:
        return [grid]
    columns |= leading
    edges = sorted(columns)
    edges[0] = 1  # anything left of the first table belongs to it
    bands = []
    for i, low in enumerate(edges):
        high = edges[i + 1] - 1 if i + 1 < len(edges) else 1 << 20
        sheet = Sheet(grid.sheet.name, {k: v for k, v in grid.cells.items() if low <= k[1] <= high},
                      grid.sheet.rows, [(r1, c1, r2, min(c2, high)) for r1, c1, r2, c2 in grid.sheet.merges
                                        if low <= c1 <= high], grid.sheet.max_row)
        bands.append(Grid(sheet, grid.exact, grid.path))
    return bands


def first_table_row(grid: Grid) -> int | None:
    """The first row of the first table on the sheet (its title or unit line), or None."""
    anchors = _anchors(grid)
    return _table_start(grid, anchors[0][0], 0) if anchors else None


def _anchors(grid: Grid) -> list[tuple[int, int]]:
    """The 项目编码 labels that start tables: (row, column)."""
    return [(r, c) for r, cells in sorted(grid.by_row.items()) for c, v in cells
            if field_of(v) == "code" and _names_near(grid, r)
            and c == (1 if grid.exact else cells[0][0])  # the label column, never a value cell
            and not _list_header(grid, r, c)
            # perfdesk's own layout has 项目名称 in column D of the anchor row, so a unit line
            # whose unit is named 项目编码 is never taken for a table
            and (not grid.exact or any(k == 4 and field_of(x) == "name" for k, x in grid.row_cells(r)))]


def _list_header(grid: Grid, row: int, col: int) -> bool:
    """Whether the 项目编码 at (row, col) heads a column of a list of projects (项目编码 |
    项目名称 | 预算数 as column headers, a clerk's 汇总 sheet) rather than a table: another field's
    label stands where the code would be. perfdesk's own sheets are never lists."""
    if grid.exact:
        return False
    beside = grid.raw(row, grid.right_of(row, col))
    return _is_label(beside) and field_of(beside) != "code"


def _find_in(grid: Grid, framework: str | None) -> list[Table]:
    anchors = _anchors(grid)
    if grid.exact and anchors:
        # perfdesk writes one table per sheet and all its rows are indicators, whatever they
        # say; a table a clerk pasted below them is a table of its own.
        kept = [anchors[0]]
        for anchor in anchors[1:]:
            if anchor[0] > grid.table_end(kept[-1][0]):
                kept.append(anchor)
        anchors = kept
    starts = [_table_start(grid, r, anchors[i - 1][0] if i else 0) for i, (r, _) in enumerate(anchors)]
    tables = []
    previous_unit: str | None = None
    for i, (row, col) in enumerate(anchors):
        end = starts[i + 1] - 1 if i + 1 < len(anchors) else grid.sheet.max_row
        unit_line = _unit_line(grid, starts[i], row)
        if unit_line is None:
            unit_line = previous_unit
        previous_unit = unit_line
        project, origin, notes = read_table(grid, row, col, end, framework)
        notes[:0] = _above_table(grid, starts[i], row, unit_line)
        tables.append(Table(grid.name, row, unit_line, project, origin, notes, starts[i]))
    return tables


def _above_table(grid: Grid, start: int, anchor_row: int, unit_line: str | None) -> list[ReadNote]:
    """Cells on the title and unit rows that are neither the title, the unit nor 单位：万元."""
    notes = []
    for row in range(start, anchor_row):
        for col, value in grid.row_cells(row):
            text = render(value).strip()
            if text and not is_title(value) and not is_unit_note(value) and (
                    unit_line is None or L.tidy(text) != L.tidy(unit_line)):
                notes.append(ReadNote(grid.name, ref(row, col), text, "在表格标题和单位行上，不是标题或预算单位，未读入"))
    return notes


def _names_near(grid: Grid, row: int) -> bool:
    """A 项目编码 label starts a table only with a 项目名称 label on its row or just below."""
    return any(field_of(v) == "name" or (inline_field(v) or ("",))[0] == "name"
               for r in range(row, row + 3) for _, v in grid.row_cells(r))


def _table_start(grid: Grid, anchor_row: int, previous_anchor: int) -> int:
    """The first row of a table: its title or unit line if they are just above the anchor."""
    start = anchor_row
    for row in range(anchor_row - 1, max(previous_anchor, anchor_row - 4), -1):
        texts = [v for _, v in grid.row_cells(row)]
        if any(is_title(v) or is_unit_note(v) for v in texts):
            start = row
        elif texts and start != anchor_row:
            break
    return start


def _unit_line(grid: Grid, start: int, anchor_row: int) -> str | None:
    for row in range(start, anchor_row):
        cells = [(c, v) for c, v in grid.row_cells(row) if isinstance(v, str)]
        if not any(is_unit_note(v) for _, v in cells):
            continue
        for _, value in cells:
            if is_unit_note(value) and not UNIT_NOTE.sub("", value).strip():
                continue
            return value if grid.exact else L.tidy(value)
        return ""
    return None


def read_table(grid: Grid, row: int, col: int, end: int,
               framework: str | None = None) -> tuple[Project, ProjectOrigin, list[ReadNote]]:
    """Read one table: the project, where each field came from, and notes on the cells of the
    table that were not used. Labels are taken in the order they appear in the official layout
    and a cell already read as a value is never taken for a label (a project named 预算数 is fine)."""
    header = _header_row(grid, row, col, end)
    last_label_row = header - 1 if header else end
    candidates = [(r, c) for r in range(row, last_label_row + 1) for c, v in grid.row_cells(r) if isinstance(v, str)]
    used: set[tuple[int, int]] = {(row, col)}
    origin = ProjectOrigin(grid.name, table=CellRef(grid.name, ref(row, col)))
    inline: dict[tuple[int, int], str] = {}  # cells holding label and value: the value's text

    def take(field: str, inline_ok: bool = False) -> tuple[int, int] | None:
        for place in candidates:
            if place in used:
                continue
            value = grid.cells[place]
            if field_of(value) == field:
                used.add(place)
                return place
            found = inline_field(value) if inline_ok and not grid.exact else None
            if found and found[0] == field:
                used.add(place)
                inline[place] = L.tidy(found[1])
                return place
        return None

    def value_place(label: tuple[int, int], below_ok: bool = False) -> tuple[int, int]:
        if label in inline:
            return label
        place = (label[0], grid.right_of(*label))
        if below_ok and not grid.exact and not render(grid.raw(*place)).strip():
            # the label stands above its text (资金用途 on a row of its own, the text under it)
            under = (grid.merge_end.get(label, label)[0] + 1, label[1])
            if render(grid.raw(*under)).strip() and not _is_label(grid.raw(*under)):
                place = under
        used.add(place)
        return place

    def text_at(place: tuple[int, int], single: bool = False, code: bool = False) -> str:
        if place in inline:
            return L.one_line(inline[place]) if single else inline[place]
        return _value_text(grid, *place, single=single, code=code)

    def keep(field: str, place: tuple[int, int]) -> None:
        origin.fields[field] = CellRef(grid.name, ref(*place))

    code = value_place((row, col))
    fields: dict = {"code": text_at(code, single=True, code=True)}
    keep("code", code)
    name = take("name", inline_ok=True)
    if name:
        place = value_place(name)
        fields["name"] = text_at(place, single=True)
        keep("name", place)
    block = take("budget_block")
    amounts = {}
    for group, field in (("total", "budget_total"), ("fiscal", "budget_fiscal"), ("other", "budget_other")):
        label = take(group)
        if label:
            amounts[group] = value_place(label)
            fields[field] = grid.amount(*amounts[group], what=L.TOTAL if group == "total" else field_label(group))
            keep(field, amounts[group])
    purpose = take("purpose", inline_ok=True)
    if purpose:
        place = value_place(purpose, below_ok=True)
        fields["purpose"] = text_at(place)
        keep("purpose", place)
    elif "total" in amounts:
        # the official layout: the purpose spans the row under the amounts, without a label
        left = block if block else (row, col)
        column = grid.right_of(left[0], left[1]) if block else grid.right_of(amounts["total"][0], col)
        below = (_next_filled_row(grid, amounts["total"][0], column), column)
        if grid.exact or not _is_label(grid.raw(*below)):
            used.add(below)
            fields["purpose"] = _value_text(grid, *below)
            keep("purpose", below)
    spending = take("spending")
    if spending:
        fields["spending_plan"], origin.checkpoints = _spending(grid, *spending, used)
        keep("spending_plan", spending)
    goals = take("goals", inline_ok=True)
    if goals:
        place = value_place(goals, below_ok=True)
        fields["goals"] = _goals(text_at(place), grid.exact)
        keep("goals", place)
        origin.goals = [CellRef(grid.name, ref(*place))] * len(fields["goals"])
    notes = _unused(grid, candidates_rows(grid, row, last_label_row), used)
    if header:
        fields["indicators"], rows, more = _indicators(grid, header, end, framework)
        origin.indicators = rows
        notes += more
    return Project(**fields), origin, notes


def candidates_rows(grid: Grid, first: int, last: int) -> list[tuple[int, int]]:
    return [(r, c) for r in range(first, last + 1) for c, _ in grid.row_cells(r)]


def _unused(grid: Grid, places: list[tuple[int, int]], used: set[tuple[int, int]]) -> list[ReadNote]:
    """Notes for the cells among ``places`` that hold something and were not read."""
    notes = []
    for place in places:
        if place in used:
            continue
        text = render(grid.cells.get(place)).strip()
        if text:
            reason = "是表格中不认识的栏目名称，其右侧内容未读入" if _looks_like_label(text) else "在项目表中，但不在可识别的栏目下，未读入"
            notes.append(ReadNote(grid.name, ref(*place), text, reason))
    return notes


def _looks_like_label(text: str) -> bool:
    return len(text) <= 12 and "\n" not in text and not re.search(r"\d", text)


def _is_label(value: object) -> bool:
    key = L.field_key(value)
    return field_of(value) is not None or key.startswith("资金支出") or header_of(value) is not None


def _header_row(grid: Grid, row: int, col: int, end: int) -> int | None:
    """The indicator header: the first row that starts with 一级指标 and has 二级指标. It must
    start with it: spending-plan checkpoints labelled 一级指标, 二级指标 sit right of their label."""
    for r in range(row + 1, end + 1):
        kinds = [header_of(v) for c, v in grid.row_cells(r) if c >= col and isinstance(v, str)]
        if kinds and kinds[0] == "level1" and "level2" in kinds:
            return r
    return None


def field_label(group: str) -> str:
    return {"fiscal": "财政资金", "other": "其他资金"}[group]


def _value_text(grid: Grid, row: int, col: int, single: bool = False, code: bool = False) -> str:
    if not grid.exact and field_of(grid.cells.get((row, col))) is not None:
        return ""  # the value cell is missing: the next label follows directly
    text = grid.text(row, col, single=single)
    if code and not grid.exact:
        text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    return text


def _next_filled_row(grid: Grid, row: int, col: int, cols: range | None = None) -> int:
    """The row under ``row`` holding its values: the next one, or the first non-blank one of the
    next three when the clerk inserted blank rows in Excel (never past a label)."""
    below = row + 1
    cols = cols or range(col, col + 1)
    for candidate in range(row + 1, row + 4):
        if any(_is_label(v) for _, v in grid.row_cells(candidate)):
            return below
        if not grid.blank_row(candidate, cols):
            return candidate
    return below


def _spending(grid: Grid, row: int, col: int, used: set) -> tuple[SpendingPlan, list[CellRef]]:
    """The plan right of its label, and the cell of each checkpoint's value."""
    checkpoints, cells = [], []
    column = grid.right_of(row, col)
    label_last = max((c for c, _ in grid.row_cells(row)), default=column - 1)
    values = _next_filled_row(grid, row, column, range(column, label_last + 1))
    last = max((c for r in (row, values) for c, _ in grid.row_cells(r)), default=column - 1)
    while column <= last:
        label = grid.text(row, column, single=True)
        has_value = grid.raw(values, column) is not None
        if label or has_value:
            used.update({(row, column), (values, column)})
            value = grid.percent(values, column, f"资金支出计划“{label}”")
            checkpoints.append(Checkpoint(label=label, value=value))
            cells.append(CellRef(grid.name, ref(values, column)))
        column = grid.right_of(row, column)
    return SpendingPlan(checkpoints=checkpoints), cells


def _goals(text: str, exact: bool) -> list[str]:
    """``1.甲\\n2.乙`` → [甲, 乙]. perfdesk's own cells number each goal's first line; a line not
    starting with the next number continues a goal. A clerk's cell is split by the importer's
    rule (``1、甲；2、乙``, ``（1）甲（2）乙``, one goal per line), so both read goals alike."""
    if text == "":
        return []
    if not exact:
        return split_goals(text) or [""]  # a template's bare "1.": one goal, still to be written
    goals: list[str] = []
    for line in text.split("\n"):
        prefix = f"{len(goals) + 1}."
        if line.startswith(prefix):
            goals.append(line[len(prefix):])
        elif goals:
            goals[-1] += "\n" + line
        else:
            goals.append(line)
    return goals


def _indicators(grid: Grid, header: int, end: int,
                framework: str | None) -> tuple[list[Indicator], list[dict[str, CellRef]], list[ReadNote]]:
    """The indicator rows under the header, where each value came from, and notes on what under
    the header was not taken (text beside the columns, a note or sum row, rows past the cap)."""
    columns: dict[str, int] = {}
    for col, value in grid.row_cells(header):
        group = header_of(value)
        if group and group not in columns:
            columns[group] = col
    # ``table``: the printed columns, which tell a clerk's indicator row from a blank or note
    # row (one holding only last year's value is no indicator: that value is reported);
    # ``span`` adds the 上年指标值 column beside them (the same range when there is none).
    # A clerk's 序号 column numbers the rows: read past, never reported, never a field.
    numbers = columns.pop("row_number", None)
    printed = [col for group, col in columns.items() if group != "previous_value"]
    table = range(min(printed), max(printed) + 1)
    span = range(min(columns.values()), max(columns.values()) + 1)
    rows, places, notes = [], [], []
    own_end = grid.table_end(header) if grid.exact else end
    stop: tuple[int, str] | None = None  # where reading stopped, and why
    stray: list[int] = []
    for row in range(header + 1, end + 1):
        if grid.exact:
            if row > own_end and grid.blank_row(row, span):
                continue  # only bordered, below the table: nothing was typed there
        elif row not in grid.by_row:
            continue  # nothing typed (a bordered or blank row)
        else:
            first = grid.text(row, table.start)
            if first.startswith(NOTE_START):
                stop = (row, "表格下方的注释或说明，未读入")
                break
            if L.label_key(first) in TOTAL_ROWS:
                notes.append(ReadNote(grid.name, ref(row, table.start), first,
                                      "合计行，不作为绩效指标读入（保存后不再保留）"))
                continue
            if grid.blank_row(row, table):
                notes += _outside(grid, row, table, skip=numbers)
                continue  # a template row nobody filled in
            if _text_only_in_first_column(grid, row, columns, framework):
                stray.append(row)  # a line of text pasted under or into the table: no indicator
                continue
        if len(rows) >= MAX_INDICATORS:
            stop = (row, f"一张表超过 {MAX_INDICATORS} 行指标，不像是绩效目标表的内容，未读入")
            break
        values, cells = {}, {}
        for group, col in columns.items():
            fill = group in ("level1", "level2")
            values[group] = grid.text(row, col, single=group != "description", fill=fill)
            cells[group] = CellRef(grid.name, ref(row, col))
        if not grid.exact:
            values["level1"] = re.sub(r"\s+", "", values.get("level1", ""))
            values["level2"] = re.sub(r"\s+", "", values.get("level2", ""))
        rows.append(values)
        places.append(cells)
        notes += _outside(grid, row, span, set(columns.values()), skip=numbers)
    notes += listed_rows(grid, stray, "只在第一列有文字，不是一行绩效指标，未读入")
    if stop:
        notes += rows_not_read(grid, stop[0], end, stop[1])
    if not grid.exact:
        _fill_levels(rows, framework)
    return [Indicator(**values) for values in rows], places, notes


def _outside(grid: Grid, row: int, span: range, read: set[int] | None = None,
             skip: int | None = None) -> list[ReadNote]:
    """Text on an indicator row outside the columns read (a remark in column H, say); a row
    number in the 序号 column ``skip`` is no remark."""
    return [ReadNote(grid.name, ref(row, col), render(value).strip(), "在指标表的栏目之外，未读入")
            for col, value in grid.row_cells(row)
            if render(value).strip() and not (col == skip and _row_number(value))
            and (col not in span or (read is not None and col not in read and (row, col) not in grid.covered))]


def _row_number(value: object) -> bool:
    """A 序号 cell: a whole number, typed or counted by a formula's cached value ("1", "1.", "（1）")."""
    return bool(re.fullmatch(r"[（(]?\d{1,4}[)）.．、]?", render(value).strip()))


def _text_only_in_first_column(grid: Grid, row: int, columns: dict[str, int], framework: str | None) -> bool:
    """A row with text under 一级指标 alone that names no 一级 of the framework."""
    first = columns.get("level1")
    if first is None or any(render(grid.raw(row, col)).strip() for group, col in columns.items() if group != "level1"):
        return False
    level1 = re.sub(r"\s+", "", grid.text(row, first))
    return (load_framework(framework) if framework else load_framework()).canonical_level1(level1) is None


def rows_not_read(grid: Grid, first: int, last: int, reason: str) -> list[ReadNote]:
    """Notes for the rows from ``first`` to ``last`` that hold anything (see :func:`listed_rows`)."""
    return listed_rows(grid, sorted(r for r, cells in grid.by_row.items()
                                    if first <= r <= last and any(render(v).strip() for _, v in cells)), reason)


def listed_rows(grid: Grid, rows: list[int], reason: str) -> list[ReadNote]:
    """The first few rows one by one, then one note that sums up the rest ("第 N 行以下还有 … 行")."""
    notes = []
    for r in rows[:LISTED_ROWS]:
        cells = [(c, render(v).strip()) for c, v in grid.row_cells(r) if render(v).strip()]
        notes.append(ReadNote(grid.name, ref(r, cells[0][0]), " ".join(t for _, t in cells), reason))
    if len(rows) > LISTED_ROWS:
        rest = rows[LISTED_ROWS:]
        notes.append(ReadNote(grid.name, f"A{rest[0]}:A{rest[-1]}", "",
                              f"第 {rest[0]} 行以下还有 {len(rest)} 行内容，未读入"))
    return notes


def _fill_levels(rows: list[dict], framework_id: str | None) -> None:
    """Hand-made tables leave 一级/二级 blank under the first row of a group: fill them in.
    A blank 一级 beside a 二级 the framework knows takes its parent; otherwise the row above's."""
    framework = load_framework(framework_id) if framework_id else load_framework()
    previous: dict = {}
    for values in rows:
        if not values.get("level1"):
            parent = framework.parent_of(values.get("level2", "")) if values.get("level2") else None
            above = previous.get("level1", "")
            # the row above's own spelling when it names the same 一级 (效果指标 stays 效果指标)
            if parent and framework.canonical_level1(above) != parent:
                above = parent
            values["level1"] = above
        if not values.get("level2") and previous and values["level1"] == previous.get("level1"):
            values["level2"] = previous.get("level2", "")
        previous = values
