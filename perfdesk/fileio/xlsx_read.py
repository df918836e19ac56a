"""Read a workbook into a Document: Part 1 and cover, the 目录, the project tables.

The whole file is read into plain records first and the Document is built only at the end,
so a failure anywhere leaves nothing half-loaded. Workbooks perfdesk wrote (marked with a
custom document property) are read exactly; any other workbook is read tolerantly.
"""

from __future__ import annotations

import re

from perfdesk.errors import FileFormatError
from perfdesk.fileio import layout as L
from perfdesk.fileio.grid import Grid, render
from perfdesk.fileio.read_result import ReadNote, ReadResult
from perfdesk.fileio.xlsx_cells import Number, read_cells
from perfdesk.fileio.xlsx_tables import KEYS, Table, find_tables, is_title, split_unit_line
from perfdesk.model import BudgetUnit, Document, DocumentStatus, Measure, Part1, SubGoal, available_frameworks, load_framework

INLINE_FIELD = re.compile(r"^\s*绩效(目标|指标)\s*[:：]\s*(.*)$", re.DOTALL)  # 绩效目标：… in one cell
COVER_KEYS = {L.label_key(k): v for k, v in L.COVER_LABELS.items()}
COVER_KEYS.update({L.label_key(k): L.COVER_LABELS[v] for k, v in L.COVER_ALIASES.items()})
PROJECT_KEYS = set().union(*(KEYS[group] for group in ("name", "total", "purpose", "goals")))


def _is_part1(grid: Grid) -> bool:
    """The Part 1 sheet: ours by name, a hand-made one by its 一、总体绩效目标 or cover labels."""
    keys = {L.label_key(v) for (r, c), v in grid.cells.items() if c == 1 and isinstance(v, str)}
    return (grid.name == L.PART1_SHEET or L.label_key(L.OVERALL_GOAL) in keys
            or (len(keys & set(COVER_KEYS)) >= 2 and not keys & {L.label_key(x) for x in L.CODE_ALIASES}))


def _contents_header(grid: Grid) -> int | None:
    for (r, c), value in grid.cells.items():
        if isinstance(value, str) and L.label_key(value) == "工作表" and grid.key(r, 1) == "序号":
            return r
    return None


def _year(grid: Grid, row: int, col: int) -> int | None:
    value = grid.raw(row, col)
    if isinstance(value, Number) and value.date:  # a day number (46,023), not the year
        raise grid.error(f"预算年度显示为日期“{render(value)}”，应为 2026 这样的四位数字。", row, col)
    if isinstance(value, Number) and value.value == value.value.to_integral_value():
        return int(value.value)
    text = L.label_key(render(value)).removesuffix("年").removesuffix("度").removesuffix("年")
    if text == "":
        return None
    if re.fullmatch(r"\d{4}", text):
        return int(text)
    raise grid.error(f"预算年度“{render(value)}”不是年份（应为 2025 这样的四位数字）。", row, col)


def _framework(grid: Grid, row: int, col: int) -> str:
    text = L.label_key(render(grid.raw(row, col)))
    if text == "":
        return load_framework().id
    for framework_id in available_frameworks():
        if text in (framework_id, L.label_key(load_framework(framework_id).name)):
            return framework_id
    raise grid.error(f"不认识的指标体系“{text}”（可用：{'、'.join(available_frameworks())}）。", row, col)


PART1_KEYS = {L.label_key(x) for x in (L.OVERALL_GOAL, L.SUB_GOALS, L.MEASURES)} | set(COVER_KEYS)


def _label_column(grid: Grid) -> int:
    """The leftmost column holding a Part 1 or cover label."""
    return min((c for (r, c), v in grid.cells.items() if isinstance(v, str) and L.label_key(v) in PART1_KEYS),
               default=1)


def read_part1(grid: Grid) -> tuple[dict, Part1]:
    cover: dict = {}
    overall: list[str] | None = None
    sub_goals: list[dict] = []
    measures: list[dict] = []
    section = None
    current_field: tuple | None = None  # where a continuation row (blank label) appends
    rows = sorted(set(grid.by_row) | grid.sheet.rows)
    a = _label_column(grid)  # column A, unless the clerk inserted columns before the labels
    b = a + 1
    for row in rows:
        label, key = grid.text(row, a, single=True), grid.key(row, a)
        text = grid.text(row, b)
        if key in COVER_KEYS and section is None:
            field = COVER_KEYS[key]
            if field == "year":
                cover["year"] = _year(grid, row, b)
            elif field == "framework":
                cover["framework"] = _framework(grid, row, b)
            elif field == "status":
                status = L.label_key(text)
                if status and status not in {s.value for s in DocumentStatus}:
                    raise grid.error(f"状态“{text}”应为“草案”或“正式”。", row, b)
                cover["status"] = status or DocumentStatus.DRAFT.value
            else:
                cover[field] = grid.text(row, b, single=True)
            continue
        if key == L.label_key(L.OVERALL_GOAL):
            section, overall = "overall", [text]
            current_field = None
            continue
        if key == L.label_key(L.SUB_GOALS):
            section, current_field = "sub", None
            continue
        if key == L.label_key(L.MEASURES):
            section, current_field = "measures", None
            continue
        if section == "overall" and key == "":
            overall.append(text)
        elif section == "overall" and not grid.exact and not text:
            overall.append(grid.text(row, a))  # a hand-made sheet with the paragraphs in column A
        elif section == "sub":
            paren = L.PAREN_NUMBER.match(label)
            inline = None if grid.exact or text else INLINE_FIELD.match(grid.text(row, a))
            if inline and sub_goals:
                field = "goal" if inline.group(1) == "目标" else "indicators"
                sub_goals[-1][field] = inline.group(2)
                current_field = (sub_goals[-1], field)
            elif paren:
                title = text or label[paren.end():]
                sub_goals.append({"title": title if grid.exact else L.one_line(title)})
                current_field = (sub_goals[-1], "title")
            elif key == L.label_key(L.SUB_GOAL_GOAL) and sub_goals:
                sub_goals[-1]["goal"] = text
                current_field = (sub_goals[-1], "goal")
            elif key == L.label_key(L.SUB_GOAL_INDICATORS) and sub_goals:
                sub_goals[-1]["indicators"] = text
                current_field = (sub_goals[-1], "indicators")
            elif key == "" and text and current_field and not grid.exact:
                owner, field = current_field
                owner[field] = (owner.get(field, "") + "\n" + text).strip("\n")
        elif section == "measures":
            comma, paren = L.COMMA_NUMBER.match(label), L.PAREN_NUMBER.match(label)
            if comma:
                measures.append({"text": text or label[comma.end():], "items": []})
            elif paren and measures:
                measures[-1]["items"].append(text or label[paren.end():])
            elif key == "" and text and measures and not grid.exact:
                measures[-1]["text"] += "\n" + text
    goal = "" if overall is None else "\n".join(overall)
    if not grid.exact:
        goal = L.tidy(goal)
    part1 = Part1(overall_goal=goal, sub_goals=[SubGoal(**s) for s in sub_goals],
                  measures=[Measure(**m) for m in measures])
    return cover, part1


def read_contents(grid: Grid, header: int) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(unit code, unit name, (sheet name, project code) of its projects) in the order of the 目录."""
    units: list[tuple[str, str, list[tuple[str, str]]]] = []
    for row in sorted(r for r in grid.by_row if r > header):
        key = grid.key(row, 1)
        if key == L.label_key(L.CONTENTS_UNIT):
            units.append((grid.text(row, 2, single=True), grid.text(row, 3, single=True), []))
        elif key == L.label_key(L.CONTENTS_TOTAL):
            break
        elif isinstance(grid.raw(row, 1), Number) and units:
            units[-1][2].append((render(grid.raw(row, 5)), grid.text(row, 2, single=True)))
    return units


def build_document(grids: list[Grid], path: str | None = None) -> ReadResult:
    notes: list[ReadNote] = []
    cover: dict = {}
    part1 = Part1()
    contents: list[tuple[str, str, list[tuple[str, str]]]] | None = None
    tables: list[Table] = []
    found_part1 = False
    table_grids = []
    for grid in grids:
        header = _contents_header(grid)
        if header is not None:
            contents = read_contents(grid, header)
        elif _is_part1(grid) and not found_part1:
            cover, part1 = read_part1(grid)
            found_part1 = True
        else:
            table_grids.append(grid)
    framework = cover.get("framework") or load_framework().id
    for grid in table_grids:
        found = find_tables(grid, framework)
        if not found and grid.exact:
            # our own sheet after the clerk inserted a column or moved the table in Excel:
            # read it by its labels rather than drop it
            found = find_tables(Grid(grid.sheet, False, grid.path), framework)
        if not found:
            _refuse_headless_table(grid)
            _note_unread_sheet(grid, notes)
        tables.extend(found)
    if not found_part1 and not tables:
        raise FileFormatError("没有找到绩效文本的内容：既没有“一、总体绩效目标”等第一部分的标签，也没有含“项目编码”"
                              "的项目表。请确认这是部门预算绩效文本的工作簿。", path=path)
    units = _assign_units(contents or [], tables)
    return ReadResult(Document(**cover, part1=part1, units=units), notes)


def _note_unread_sheet(grid: Grid, notes: list[ReadNote]) -> None:
    """A sheet holding neither Part 1, the 目录 nor a project table: say so, with its first text."""
    first = next(((r, c, v) for (r, c), v in sorted(grid.cells.items()) if render(v).strip()), None)
    if first is None:
        return
    r, c, value = first
    filled = sum(1 for v in grid.cells.values() if render(v).strip())
    notes.append(ReadNote(grid.name, "", render(value).strip(),
                          f"这个工作表不是第一部分、目录或绩效目标表，共 {filled} 个有内容的单元格，未读入"))


def _refuse_headless_table(grid: Grid) -> None:
    """A sheet with a project's labels and indicator header but no 项目编码 row would be dropped
    whole: say so instead. (A sheet listing only indicators, e.g. an indicator library, is left.)"""
    level1, level2 = L.label_key("一级指标"), L.label_key("二级指标")
    project_labels = PROJECT_KEYS | {L.label_key(L.SPENDING)}
    if not any(is_title(v) or L.label_key(v) in project_labels for v in grid.cells.values()):
        return
    for row in sorted(grid.by_row):
        keys = {key: col for col, key in grid.row_keys(row)}
        if level1 in keys and level2 in keys:
            raise grid.error("这里像是一张绩效目标表（有“一级指标”“二级指标”表头），但上方找不到“项目编码”和“项目名称”"
                             "一行，无法读取这个项目。请补上这一行（项目编码、项目名称）后再打开。", row, keys[level1])


def _assign_units(contents: list[tuple[str, str, list[tuple[str, str]]]], tables: list[Table]) -> list[BudgetUnit]:
    """Units and their projects in the order of the 目录. A 目录 line finds its table by sheet
    name, or by project code when the clerk renamed the sheet; tables no line names follow."""
    units = [BudgetUnit(code=code, name=name) for code, name, _ in contents]
    by_sheet: dict[str, list[Table]] = {}
    by_code: dict[str, list[Table]] = {}
    for table in tables:
        by_sheet.setdefault(table.sheet, []).append(table)
        by_code.setdefault(table.project.code, []).append(table)
    listed = {sheet for _, _, lines in contents for sheet, _ in lines}
    placed: set[int] = set()
    for unit, (_, _, lines) in zip(units, contents):
        for sheet, code in lines:
            waiting = [t for t in by_sheet.get(sheet, []) if id(t) not in placed]
            if not waiting and code:
                waiting = [t for t in by_code.get(code, []) if id(t) not in placed and t.sheet not in listed]
            if waiting:
                placed.add(id(waiting[0]))
                unit.projects.append(waiting[0].project)
    for table in tables:
        if id(table) in placed:
            continue
        code, name = split_unit_line(table.unit_line or "")
        unit = next((u for u in units if (u.code, u.name) == (code, name) or u.label == f"{code}{name}"), None)
        if unit is None:
            unit = BudgetUnit(code=code, name=name)
            units.append(unit)
        unit.projects.append(table.project)
    return units


def read_workbook(path: str) -> Document:
    """Read an .xlsx into a new Document. Raises FileFormatError (never a half-built document)."""
    return open_workbook(path).document


def open_workbook(path: str) -> ReadResult:
    """Read an .xlsx: the document, notes on what could not be placed, where fields came from."""
    path = str(path)
    workbook = read_cells(path)
    version = workbook.properties.get(L.FORMAT_PROPERTY)
    exact = version is not None
    if exact and (not version.strip().isdigit() or int(version) > L.FORMAT_VERSION):
        raise FileFormatError(f"这个工作簿由更新版本的 perfdesk 写出（格式 {version}），请升级 perfdesk 后再打开。", path=path)
    return build_document([Grid(sheet, exact, path) for sheet in workbook.sheets], path)
