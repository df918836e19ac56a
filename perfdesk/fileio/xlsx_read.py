"""Read a workbook into a Document: Part 1 and cover, the 目录, the project tables, the
bureau's 审核意见 (``review_sheet``).

The whole file is read into plain records first and the Document is built only at the end,
so a failure anywhere leaves nothing half-loaded. Workbooks perfdesk wrote (marked with a
custom document property) are read exactly; any other workbook is read tolerantly.
"""

from __future__ import annotations

from perfdesk.errors import FileFormatError
from perfdesk.fileio import layout as L
from perfdesk.fileio.grid import Grid, column_letter, render
from perfdesk.fileio.read_result import CellRef, Origins, ReadNote, ReadResult
from perfdesk.fileio.review_sheet import read_review_sheet, review_columns
from perfdesk.fileio.sheet_part1 import cover_value, part1_signals, read_sheet_part1
from perfdesk.importers.context import section_of
from perfdesk.fileio import xlsx_cells
from perfdesk.fileio.xlsx_cells import Number, read_cells
from perfdesk.fileio.xlsx_tables import (
    Table, field_of, find_tables, first_table_row, is_title, ref, split_unit_line,
)
from perfdesk.fileio.kept_sheets import keep_sheet
from perfdesk.model import BudgetUnit, Document, KeptSheet, Measure, Part1, SubGoal, load_framework

COVER_KEYS = {L.label_key(k): v for k, v in L.COVER_LABELS.items()}


def _is_own_part1(grid: Grid) -> bool:
    """perfdesk's own Part 1 sheet (in a workbook perfdesk wrote): by name, or, renamed, by its
    labels in column A."""
    if not grid.exact:
        return False
    a = _label_column(grid)
    keys = {L.label_key(v) for (r, c), v in grid.cells.items() if c == a and isinstance(v, str)}
    return grid.name == L.PART1_SHEET or L.label_key(L.OVERALL_GOAL) in keys or len(keys & set(COVER_KEYS)) >= 2


def _contents_header(grid: Grid) -> int | None:
    for (r, c), value in grid.cells.items():
        if isinstance(value, str) and L.label_key(value) == "工作表" and grid.key(r, 1) == "序号":
            return r
    return None


PART1_KEYS = {L.label_key(x) for x in (L.OVERALL_GOAL, L.SUB_GOALS, L.MEASURES)} | set(COVER_KEYS)


def _label_column(grid: Grid) -> int:
    """The leftmost column holding a Part 1 or cover label."""
    return min((c for (r, c), v in grid.cells.items() if isinstance(v, str) and L.label_key(v) in PART1_KEYS),
               default=1)


def read_part1(grid: Grid) -> tuple[dict, Part1, dict[str, CellRef]]:
    """perfdesk's own 第一部分 sheet, exactly as written: labels in column A, text in column B."""
    cover: dict = {}
    origins: dict[str, CellRef] = {}
    overall: list[str] | None = None
    sub_goals: list[dict] = []
    measures: list[dict] = []
    section = None
    a = _label_column(grid)  # column A, unless the clerk inserted columns before the labels
    for row in sorted(set(grid.by_row) | grid.sheet.rows):
        label, key = grid.text(row, a, single=True), grid.key(row, a)
        text = grid.text(row, a + 1)
        if key in COVER_KEYS and section is None:
            field = COVER_KEYS[key]
            cover[field] = cover_value(grid, field, row, a + 1)
            origins[field] = CellRef(grid.name, ref(row, a + 1))
            continue
        if key == L.label_key(L.OVERALL_GOAL):
            section, overall = "overall", [text]
            continue
        if key == L.label_key(L.SUB_GOALS):
            section = "sub"
            continue
        if key == L.label_key(L.MEASURES):
            section = "measures"
            continue
        if section == "overall" and key == "":
            overall.append(text)
        elif section == "sub":
            paren = L.PAREN_NUMBER.match(label)
            if paren:
                sub_goals.append({"title": text or label[paren.end():]})
            elif key == L.label_key(L.SUB_GOAL_GOAL) and sub_goals:
                sub_goals[-1]["goal"] = text
            elif key == L.label_key(L.SUB_GOAL_INDICATORS) and sub_goals:
                sub_goals[-1]["indicators"] = text
        elif section == "measures":
            comma, paren = L.COMMA_NUMBER.match(label), L.PAREN_NUMBER.match(label)
            if comma:
                measures.append({"text": text or label[comma.end():], "items": []})
            elif paren and measures:
                measures[-1]["items"].append(text or label[paren.end():])
    goal = "" if overall is None else "\n".join(overall)
    part1 = Part1(overall_goal=goal, sub_goals=[SubGoal(**s) for s in sub_goals],
                  measures=[Measure(**m) for m in measures])
    return cover, part1, origins


PART1_FIELDS = {"overall": "overall_goal", "sub_goals": "sub_goals", "measures": "measures"}


def part1_origins(grid: Grid, last_row: int | None) -> dict[str, CellRef]:
    """The cell of each Part 1 heading (一、总体绩效目标 …) up to ``last_row``: where a finding
    about that part points. The first heading of each kind counts."""
    found: dict[str, CellRef] = {}
    for (row, col), value in sorted(grid.cells.items()):
        if (last_row is not None and row > last_row) or not isinstance(value, str) or len(value) > 80:
            continue
        section = section_of(L.field_key(value.split("\n")[0]))
        if section and PART1_FIELDS[section[0]] not in found:
            found[PART1_FIELDS[section[0]]] = CellRef(grid.name, ref(row, col))
    return found


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
    origins = Origins()
    cover: dict = {}
    part1: Part1 | None = None
    contents: list[tuple[str, str, list[tuple[str, str]]]] | None = None
    others: list[tuple[Grid, int | None]] = []  # sheets to read tables from, and their first table row
    review: Grid | None = None  # the bureau's 审核意见, read once the projects are known
    for grid in grids:
        header = _contents_header(grid) if contents is None else None
        if review is None and review_columns(grid) is not None:
            review = grid
        elif header is not None:  # the first 目录 is ours: a kept sheet is written after it
            contents = read_contents(grid, header)
        elif part1 is None and _is_own_part1(grid):
            cover, part1, origins.cover = read_part1(grid)
            origins.part1 = part1_origins(grid, None)
        else:
            others.append((grid, first_table_row(grid)))
    front = None  # the sheet whose rows above its tables (or all of them) are Part 1
    if part1 is None:
        scores = [(part1_signals(grid, _front_end(grid, first)), -i) for i, (grid, first) in enumerate(others)]
        best = max(scores, default=(0, 0))
        if best[0] > 0:
            front = -best[1]
            grid, first = others[front]
            cover, part1, origins.cover, more = read_sheet_part1(grid, _front_end(grid, first))
            origins.part1 = part1_origins(grid, _front_end(grid, first))
            notes += more
    framework = cover.get("framework") or load_framework().id
    tables: list[Table] = []
    kept: list[KeptSheet] = []
    for i, (grid, first) in enumerate(others):
        found = find_tables(grid, framework) if first is not None else []
        if not found and grid.exact:
            # our own sheet after the clerk inserted a column or moved the table in Excel:
            # read it by its labels rather than drop it
            found = find_tables(Grid(grid.sheet, False, grid.path), framework)
        if not found:
            _refuse_headless_table(grid)
        if not found and i != front:
            _keep(grid, kept, notes)
        elif i != front:
            _note_front(grid, min(t.first_row for t in found), notes)
        for table in found:
            notes += table.notes
        tables.extend(found)
        _note_unread_rows(grid, notes)
    if part1 is None and not tables:
        raise FileFormatError("没有找到绩效文本的内容：既没有“一、总体绩效目标”等第一部分的标签，也没有含“项目编码”"
                              "的项目表。请确认这是部门预算绩效文本的工作簿。", path=path)
    units = _assign_units(contents or [], tables)
    for table in tables:
        origins.add(table.project, table.origin)
    notes += comment_notes(grids)
    notes += flagged_cells(grids)
    document = Document(**cover, part1=part1 or Part1(), units=units, kept_sheets=kept)
    if review is not None:
        notes += read_review_sheet(review, document)
        _note_unread_rows(review, notes)
    return ReadResult(document, notes, origins)


def _front_end(grid: Grid, first_table: int | None) -> int:
    """The last row above a sheet's first table (the whole sheet when it has none)."""
    return grid.sheet.max_row if first_table is None else first_table - 1


def _note_front(grid: Grid, first_table: int, notes: list[ReadNote]) -> None:
    """What stands above a sheet's first table and was not read."""
    for (row, col), value in sorted(grid.cells.items()):
        text = render(value).strip()
        if row < first_table and text:
            notes.append(ReadNote(grid.name, ref(row, col), text, "在第一张绩效目标表的上方，未读入"))


# Cells of the sheets carried through a save, in the whole workbook: a 说明 or 汇总 sheet has a
# few thousand. A kept cell costs about 1 KB more than a read one, and `compare` holds two
# documents: past this, a sheet is listed as not kept rather than held.
MAX_KEPT_CELLS = 100_000


def _keep(grid: Grid, kept: list[KeptSheet], notes: list[ReadNote]) -> None:
    """A sheet that is neither Part 1, the 目录 nor a table: carried through a save as it is;
    but not the list of findings of an annotated copy (the review dock lists them afresh), nor
    one that would take the kept sheets past :data:`MAX_KEPT_CELLS` cells."""
    try:
        header = tuple(grid.text(1, c, single=True) for c in range(1, len(L.ISSUES_HEADER) + 1))
    except FileFormatError:  # a formula without its result in row 1: no list of findings, kept as it is
        header = None
    if header == L.ISSUES_HEADER:
        notes.append(ReadNote(grid.name, "", "", "是批注版附带的审核问题清单，打开后由审核栏重新列出，保存时不保留"))
        return
    held = sum(len(sheet.cells) for sheet in kept)
    if held + len(grid.cells) > MAX_KEPT_CELLS:
        notes.append(ReadNote(grid.name, "", "", f"不是第一部分、目录或绩效目标表，有 {len(grid.cells):,} 个单元格，"
                              f"加上其他原样保留的工作表超过 {MAX_KEPT_CELLS:,} 个，不能原样保留，保存时不会写回"))
        return
    sheet = keep_sheet(grid.sheet)
    if sheet is None:
        return
    kept.append(sheet)
    first = next((render(v).strip() for _, v in sorted(grid.cells.items()) if render(v).strip()), "")
    notes.append(ReadNote(grid.name, "", first, f"不是第一部分、目录或绩效目标表（{len(sheet.cells)} 个有内容的单元格），"
                          "按原样保留，保存时原样写回（格式除外）", kept=True))


def comment_notes(grids: list[Grid]) -> list[ReadNote]:
    """A note for each cell comment (批注) of the workbook: perfdesk does not keep comments, and
    the bureau's annotated copy holds its findings in them, so the clerk sees them listed."""
    return [ReadNote(grid.name, ref, text, "是单元格批注，perfdesk 不保存批注，保存后不再保留")
            for grid in grids for ref, text in grid.sheet.comments.items()]


def flagged_cells(grids: list[Grid]) -> list[ReadNote]:
    """A note for each cell the cell reader left out or changed: an Excel error value (#REF!,
    #DIV/0!…) is no text the clerk typed and is never read as if it were; a broken character
    (half a UTF-16 pair) was replaced by �."""
    return [ReadNote(grid.name, ref, text, reason) for grid in grids for ref, text, reason in grid.sheet.flags]


def _note_unread_rows(grid: Grid, notes: list[ReadNote]) -> None:
    """What the reader did not keep of a huge sheet (a million numbered rows, pasted text, a
    row of thousands of cells, a sheet after the workbook's cap): one note each, with the rows
    or columns it spans."""
    if grid.sheet.skipped:
        notes.append(ReadNote(grid.name, "", "", f"整张工作表未读入：前面的工作表已有 {xlsx_cells.MAX_BOOK_CELLS:,} 个单元格，"
                              "整个工作簿超出一份绩效文本的篇幅"))
    if grid.sheet.unread:
        first, last, count = grid.sheet.unread
        notes.append(ReadNote(grid.name, f"A{first}:A{last}", "",
                              f"第 {first} 行以下还有 {count} 行内容，超出一份绩效文本的篇幅，未读入"))
    if grid.sheet.unread_cells:
        left, right, count = grid.sheet.unread_cells
        notes.append(ReadNote(grid.name, f"{column_letter(left)}:{column_letter(right)}", "",
                              f"{column_letter(left)} 列起还有 {count} 个单元格有内容，超出一行能读入的单元格数，未读入"))


def _refuse_headless_table(grid: Grid) -> None:
    """A sheet with a project's labels and indicator header but no 项目编码 row would be dropped
    whole: say so instead. (A sheet listing only indicators, e.g. an indicator library, is left.)"""
    level1, level2 = L.label_key("一级指标"), L.label_key("二级指标")
    if not any(is_title(v) or field_of(v) in ("name", "total", "purpose", "goals", "spending")
               for v in grid.cells.values()):
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
