"""Find the project tables (绩效目标表) on a sheet by their labels and read them into Projects.

Nothing is at a fixed cell: a table starts at a 项目编码 (or 项目编号) label, its title and
unit line are the rows just above, every field is the cell right of its label, the spending
plan's checkpoints are the headed cells beside 资金支出计划, the indicator columns are found
from the 一级指标 … 指标值确定依据 header. Several tables may be stacked on one sheet.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from perfdesk.fileio import layout as L
from perfdesk.fileio.grid import Grid
from perfdesk.fileio.xlsx_cells import Sheet
from perfdesk.model import Checkpoint, Indicator, Project, SpendingPlan, load_framework

CODE_KEYS = {L.label_key(x) for x in L.CODE_ALIASES}
LABEL_GROUPS = {
    "name": (L.NAME,), "total": L.TOTAL_ALIASES, "fiscal": (L.FISCAL,) + L.FISCAL_ALIASES,
    "other": L.OTHER_ALIASES, "purpose": L.PURPOSE_ALIASES, "goals": (L.GOALS, "项目绩效目标", "年度绩效目标"),
}
HEADER_GROUPS = {
    "level1": ("一级指标",), "level2": ("二级指标",), "level3": ("三级指标", "指标名称"),
    "description": ("绩效指标描述", "指标描述", "指标内容", "绩效指标内容"),
    "value": ("指标值", "目标值", "指标值（目标值）", "绩效指标值"),
    "basis": ("指标值确定依据", "确定依据", "指标值设定依据", "指标确定依据"),
}
KEYS = {group: {L.label_key(x) for x in labels} for group, labels in LABEL_GROUPS.items()}
HEADER_KEYS = {group: {L.label_key(x) for x in labels} for group, labels in HEADER_GROUPS.items()}
ALL_LABEL_KEYS = set().union(*KEYS.values(), CODE_KEYS, {L.label_key(L.BUDGET_BLOCK)})
NOTE_START = ("注:", "注：", "备注", "说明", "填表", "填报")
UNIT_PREFIX = re.compile(r"^(预算单位|单位名称|部门名称|单位)[:：]\s*")
UNIT_NOTE = re.compile(r"[（(]?\s*(金额)?单位\s*[:：]\s*万元\s*[）)]?\s*$")
GOAL_NUMBER = re.compile(r"^\s*(\d+)\s*[.．、](?!\d)")
TOTAL_ROWS = {"合计", "小计", "总计"}  # a sum row left under a hand-made indicator table is no indicator


@dataclass
class Table:
    sheet: str
    row: int
    unit_line: str | None  # the text at the left of the unit line, or None if there is none
    project: Project


def is_title(text: object) -> bool:
    return isinstance(text, str) and L.label_key(text).endswith(L.TITLE_SUFFIX)


def is_unit_note(text: object) -> bool:
    return isinstance(text, str) and "万元" in L.label_key(text) and "单位" in L.label_key(text)


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
            if isinstance(v, str) and L.label_key(v) in CODE_KEYS and _names_near(grid, row):
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


def _find_in(grid: Grid, framework: str | None) -> list[Table]:
    anchors = [(r, c) for r, cells in sorted(grid.by_row.items()) for c, v in cells
               if isinstance(v, str) and L.label_key(v) in CODE_KEYS and _names_near(grid, r)
               and c == (1 if grid.exact else cells[0][0])  # the label column, never a value cell
               # perfdesk's own layout has 项目名称 in column D of the anchor row, so a unit line
               # whose unit is named 项目编码 is never taken for a table
               and (not grid.exact or any(k == 4 and isinstance(x, str) and L.label_key(x) in KEYS["name"]
                                          for k, x in grid.row_cells(r)))]
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
        tables.append(Table(grid.name, row, unit_line, read_table(grid, row, col, end, framework)))
    return tables


def _names_near(grid: Grid, row: int) -> bool:
    """A 项目编码 label starts a table only with a 项目名称 label on its row or just below."""
    return any(key in KEYS["name"] for r in range(row, row + 3) for _, key in grid.row_keys(r))


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


def read_table(grid: Grid, row: int, col: int, end: int, framework: str | None = None) -> Project:
    """Read one table. Labels are taken in the order they appear in the official layout and a
    cell already read as a value is never taken for a label (a project named 预算数 is fine)."""
    header = _header_row(grid, row, col, end)
    last_label_row = header - 1 if header else end
    candidates = [(r, c) for r in range(row, last_label_row + 1) for c, v in grid.row_cells(r) if isinstance(v, str)]
    used: set[tuple[int, int]] = {(row, col)}

    def take(test) -> tuple[int, int] | None:
        for place in candidates:
            if place not in used and test(L.label_key(grid.cells[place])):
                used.add(place)
                return place
        return None

    def value_place(label: tuple[int, int]) -> tuple[int, int]:
        place = (label[0], grid.right_of(*label))
        used.add(place)
        return place

    fields: dict = {"code": _value_text(grid, *value_place((row, col)), single=True, code=True)}
    name = take(lambda key: key in KEYS["name"])
    if name:
        fields["name"] = _value_text(grid, *value_place(name), single=True)
    amounts = {}
    for group, field in (("total", "budget_total"), ("fiscal", "budget_fiscal"), ("other", "budget_other")):
        label = take(lambda key, group=group: key in KEYS[group])
        if label:
            amounts[group] = value_place(label)
            fields[field] = grid.amount(*amounts[group], what=L.TOTAL if group == "total" else field_label(group))
    purpose = take(lambda key: key in KEYS["purpose"])
    if purpose:
        fields["purpose"] = _value_text(grid, *value_place(purpose))
    elif "total" in amounts:
        below = (_next_filled_row(grid, amounts["total"][0], grid.right_of(amounts["total"][0], col)),
                 grid.right_of(amounts["total"][0], col))
        if grid.exact or (grid.key(*below) not in ALL_LABEL_KEYS and not grid.key(*below).startswith("资金支出计划")):
            used.add(below)
            fields["purpose"] = _value_text(grid, *below)
    spending = take(lambda key: key.startswith("资金支出计划"))
    if spending:
        fields["spending_plan"] = _spending(grid, *spending, used)
    goals = take(lambda key: key in KEYS["goals"])
    if goals:
        fields["goals"] = _goals(grid.text(*value_place(goals)), grid.exact)
    if header:
        fields["indicators"] = _indicators(grid, header, end, framework)
    return Project(**fields)


def _header_row(grid: Grid, row: int, col: int, end: int) -> int | None:
    """The indicator header: the first row that starts with 一级指标 and has 二级指标. It must
    start with it: spending-plan checkpoints labelled 一级指标, 二级指标 sit right of their label."""
    level1, level2 = L.label_key("一级指标"), L.label_key("二级指标")
    for r in range(row + 1, end + 1):
        keys = [key for c, key in grid.row_keys(r) if c >= col]
        if keys and keys[0] == level1 and level2 in keys:
            return r
    return None


def field_label(group: str) -> str:
    return {"fiscal": "财政资金", "other": "其他资金"}[group]


def _value_text(grid: Grid, row: int, col: int, single: bool = False, code: bool = False) -> str:
    if not grid.exact and grid.key(row, col) in ALL_LABEL_KEYS:
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
        if any(key in ALL_LABEL_KEYS or key.startswith("资金支出计划") or key in KEYS["goals"]
               for _, key in grid.row_keys(candidate)):
            return below
        if not grid.blank_row(candidate, cols):
            return candidate
    return below


def _spending(grid: Grid, row: int, col: int, used: set) -> SpendingPlan:
    checkpoints = []
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
        column = grid.right_of(row, column)
    return SpendingPlan(checkpoints=checkpoints)


def _goals(text: str, exact: bool) -> list[str]:
    """``1.甲\\n2.乙`` → [甲, 乙]; a line not starting with the next number continues a goal."""
    if text == "":
        return []
    lines = text.split("\n")
    numbered = [GOAL_NUMBER.match(line) for line in lines]
    if not exact and not any(numbered):
        return [line.strip() for line in lines if line.strip()]
    goals: list[str] = []
    for line, match in zip(lines, numbered):
        prefix = f"{len(goals) + 1}."
        if exact and line.startswith(prefix):
            goals.append(line[len(prefix):])
        elif not exact and match:
            goals.append(line[match.end():].strip())
        elif goals:
            goals[-1] += "\n" + line
        else:
            goals.append(line)
    return goals


def _indicators(grid: Grid, header: int, end: int, framework: str | None) -> list[Indicator]:
    columns: dict[str, int] = {}
    for col, key in grid.row_keys(header):
        for group, keys in HEADER_KEYS.items():
            if key in keys and group not in columns:
                columns[group] = col
    span = range(min(columns.values()), max(columns.values()) + 1)
    rows = []
    own_end = grid.table_end(header) if grid.exact else end
    for row in range(header + 1, end + 1):
        if grid.exact:
            if row > own_end and grid.blank_row(row, span):
                continue  # blank or only bordered, below the table: nothing was typed there
        else:
            first = grid.text(row, span.start)
            if first.startswith(NOTE_START):
                break
            if L.label_key(first) in TOTAL_ROWS:
                continue
            if grid.blank_row(row, span):
                continue  # a template row nobody filled in
        values = {}
        for group, col in columns.items():
            fill = group in ("level1", "level2")
            values[group] = grid.text(row, col, single=group != "description", fill=fill)
        if not grid.exact:
            values["level1"] = re.sub(r"\s+", "", values.get("level1", ""))
            values["level2"] = re.sub(r"\s+", "", values.get("level2", ""))
        rows.append(values)
    if not grid.exact:
        _fill_levels(rows, framework)
    return [Indicator(**values) for values in rows]


def _fill_levels(rows: list[dict], framework_id: str | None) -> None:
    """Hand-made tables leave 一级/二级 blank under the first row of a group: fill them in.
    A blank 一级 beside a 二级 the framework knows takes its parent; otherwise the row above's."""
    framework = load_framework(framework_id) if framework_id else load_framework()
    previous: dict = {}
    for values in rows:
        if not values.get("level1"):
            parent = framework.parent_of(values.get("level2", "")) if values.get("level2") else None
            values["level1"] = parent or previous.get("level1", "")
        if not values.get("level2") and previous and values["level1"] == previous.get("level1"):
            values["level2"] = previous.get("level2", "")
        previous = values
