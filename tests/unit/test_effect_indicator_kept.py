"""效果指标 stays 效果指标 in every reader, and the review still understands it.

Older texts call the 一级指标 效益指标 by its former name 效果指标; the framework lists it as
an alias. What a clerk wrote is kept exactly: a reader may only squeeze out whitespace a PDF
extraction put inside a name (``效果 指标``). Each input below is built by hand.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx
import pytest
from openpyxl import Workbook

from perfdesk.fileio import load_document, save_document
from perfdesk.importers import import_file, import_text, rollover
from perfdesk.model import BudgetUnit, Document, Framework, Indicator, Project, SpendingPlan, load_framework
from perfdesk.review import Severity, check_document

T = "\t"
HEADERS = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]
# The rows as the clerk wrote them: 效果指标 over three rows, once with a space a PDF left in it.
ROWS = [
    ("产出指标", "数量指标", "活动场次", "举办科普活动场次", "≥3场", "工作计划"),
    ("效果指标", "社会效益指标", "公众科学素质", "公众科学素质提升", "稳步提升", "历史标准"),
    ("效果指标", "可持续影响指标", "长效机制", "科普阵地持续开放", "长期", "工作计划"),
    ("满意度指标", "服务对象满意度指标", "群众满意度", "参与群众满意度", "≥90%", "问卷调查"),
]
LEVELS = [(row[0], row[1]) for row in ROWS]
# Findings that would mean the review no longer knows the row's place in the framework.
NOT_UNDERSTOOD = {"level1-unknown", "level1-missing", "level2-unknown", "level2-mismatch", "level2-missing"}


def _levels(project: Project) -> list[tuple[str, str]]:
    return [(i.level1, i.level2) for i in project.indicators]


def _text(rows: list[list[str]]) -> str:
    """A project table as copied out of a PDF: cover lines, title, unit, tab-separated rows."""
    head = [
        "某某县科学技术局", "2025年部门预算绩效文本", "（草案）",
        "1.科普活动经费绩效目标表", "100103 某某县科学技术协会" + T + "单位：万元",
        T.join(["项目编码", "13012325P00999910001B", "", "项目名称", "科普活动经费", "", ""]),
        T.join(["预算规模及资金用途", "预算数", "3.00", "其中：财政资金", "3.00", "其他资金", ""]),
        T.join(["", "用于科普日活动", "", "", "", "", ""]),
        T.join(["资金支出计划（%）", "3月底", "", "6月底", "10月底", "12月底", ""]),
        T.join(["", "30%", "", "60%", "90%", "100%", ""]),
        T.join(["绩效目标", "1.举办科普活动3场", "", "", "", "", ""]),
        T.join(HEADERS),
    ]
    return "\n".join(head + [T.join(row) for row in rows]) + "\n"


def _document(rows=ROWS) -> Document:  # noqa: ANN001
    project = Project(code="13012325P00999910001B", name="科普活动经费", budget_total=Decimal("3.00"),
                      budget_fiscal=Decimal("3.00"), purpose="用于科普日活动",
                      spending_plan=SpendingPlan.of(["30", "60", "90", "100"]), goals=["举办科普活动3场"],
                      indicators=[Indicator(**dict(zip(("level1", "level2", "level3", "description", "value",
                                                        "basis"), row))) for row in rows])
    return Document(department="某某县科学技术局", year=2025,
                    units=[BudgetUnit(code="100103", name="某某县科学技术协会", projects=[project])])


# --- the text importer -----------------------------------------------------------------------

def test_text_import_keeps_effect_indicator_without_a_note() -> None:
    result = import_text(_text([list(row) for row in ROWS]))
    (project,) = [p for _, _, _, p in result.document.projects()]
    assert _levels(project) == LEVELS
    assert not any("效果指标" in note.text or "效益指标" in note.reason for note in result.notes)


def test_text_import_squeezes_only_whitespace_out_of_the_name() -> None:
    rows = [list(row) for row in ROWS]
    rows[1][:2] = ["效果 指标", "社会效益 指标"]  # a PDF extraction's spaces
    rows[2][0] = ""  # merged down: the row above's name, as written
    result = import_text(_text(rows))
    assert _levels(result.document.project(0, 0)) == LEVELS


def test_text_import_keeps_a_level2_alias(monkeypatch) -> None:  # noqa: ANN001
    # No bundled framework has a 二级 alias: give 社会效益指标 one for this test.
    framework = _with_level2_alias(load_framework(), "社会效益指标", "社会效果指标")
    monkeypatch.setattr("perfdesk.importers.text.load_framework", lambda _id=None: framework)
    rows = [list(row) for row in ROWS]
    rows[1][1] = "社会效果 指标"
    project = import_text(_text(rows)).document.project(0, 0)
    assert project.indicators[1].level2 == "社会效果指标"
    assert _levels(project)[2] == ("效果指标", "可持续影响指标")
    findings = check_document(_document([tuple(i.cells()) for i in project.indicators]), framework=framework)
    assert not [f for f in findings if f.rule in NOT_UNDERSTOOD]


def _with_level2_alias(framework: Framework, name: str, alias: str) -> Framework:
    data = framework.model_dump()
    for level in data["levels"]:
        for child in level["children"]:
            if child["name"] == name:
                child["aliases"] = [*child["aliases"], alias]
    return Framework.model_validate(data)


# --- the .docx importer ----------------------------------------------------------------------

def _write_docx(path: Path) -> None:
    """One official table in Word, 效果指标 typed once and merged down over its two rows."""
    word = docx.Document()
    for line in ("某某县科学技术局", "2025年部门预算绩效文本", "（草案）", "1.科普活动经费绩效目标表",
                 "100103 某某县科学技术协会\t单位：万元"):
        word.add_paragraph(line)
    table = word.add_table(rows=7 + len(ROWS), cols=7)
    cell = table.cell

    def put(r: int, c: int, text: str, to: int | None = None) -> None:
        (cell(r, c) if to is None else cell(r, c).merge(cell(r, to))).text = text

    put(0, 0, "项目编码"), put(0, 1, "13012325P00999910001B", 2), put(0, 3, "项目名称"), put(0, 4, "科普活动经费", 6)
    cell(1, 0).merge(cell(2, 0)).text = "预算规模及资金用途"
    for c, text in enumerate(("预算数", "3.00", "其中：财政资金", "3.00", "其他资金", ""), start=1):
        put(1, c, text)
    put(2, 1, "用于科普日活动", 6)
    cell(3, 0).merge(cell(4, 0)).text = "资金支出计划（%）"
    for (start, end), label, value in zip(((1, 2), (3, 4), (5, 5), (6, 6)), ("3月底", "6月底", "10月底", "12月底"),
                                          ("30%", "60%", "90%", "100%")):
        put(3, start, label, end if end != start else None)
        put(4, start, value, end if end != start else None)
    put(5, 0, "绩效目标"), put(5, 1, "1.举办科普活动3场", 6)
    for c, text in zip((0, 1, 2, 3, 5, 6), HEADERS):
        put(6, c, text, 4 if c == 3 else None)
    for offset, row in enumerate(ROWS):
        r = 7 + offset
        for c, text in zip((1, 2, 3, 5, 6), row[1:]):
            put(r, c, text, 4 if c == 3 else None)
        if offset != 2:  # row 2 lies under the merged 效果指标 of row 1
            put(r, 0, row[0])
    cell(8, 0).merge(cell(9, 0)).text = "效果指标"
    word.save(str(path))


def test_docx_import_keeps_effect_indicator(tmp_path: Path) -> None:
    path = tmp_path / "text.docx"
    _write_docx(path)
    assert 'w:vMerge w:val="restart"' in docx.Document(str(path)).tables[0]._tbl.xml  # really merged
    result = import_file(path)
    assert _levels(result.document.project(0, 0)) == LEVELS
    assert not any("效益指标" in note.reason for note in result.notes)


# --- the workbook reader, JSON and rollover --------------------------------------------------

def _hand_workbook(path: Path, blank_under_first: bool) -> None:
    """A clerk's own one-table sheet; 一级 merged over its rows, or typed once and left blank below."""
    wb = Workbook()
    ws = wb.active
    ws.title = "项目1"
    ws.append(["1.科普活动经费绩效目标表"])
    ws.append(["100103某某县科学技术协会", None, None, None, None, None, "单位：万元"])
    ws.append(["项目编码", "13012325P00999910001B", None, "项目名称", "科普活动经费"])
    ws.append(["预算规模及资金用途", "预算数", 3, "其中：财政资金", 3, "其他资金", None])
    ws.append([None, "用于科普日活动"])
    ws.append(["资金支出计划（%）", "3月底", None, "6月底", None, "10月底", "12月底"])
    ws.append([None, "30%", None, "60%", None, "90%", "100%"])
    ws.append(["绩效目标", "1.举办科普活动3场"])
    ws.append(["一级指标", "二级指标", "三级指标", "绩效指标描述", None, "指标值", "指标值确定依据"])
    first = ws.max_row + 1
    for index, (level1, level2, level3, description, value, basis) in enumerate(ROWS):
        under = index == 2  # the second 效果指标 row
        ws.append([None if under else level1, level2, level3, description, None, value, basis])
    for merged in ("B3:C3", "E3:G3", "A4:A5", "B5:G5", "A6:A7", "B6:C6", "D6:E6", "B7:C7", "D7:E7", "B8:G8",
                   "D9:E9"):
        ws.merge_cells(merged)
    for row in range(first, ws.max_row + 1):
        ws.merge_cells(start_row=row, start_column=4, end_row=row, end_column=5)
    if not blank_under_first:
        ws.merge_cells(start_row=first + 1, start_column=1, end_row=first + 2, end_column=1)
    wb.save(path)


def test_workbook_reader_keeps_effect_indicator_merged(tmp_path: Path) -> None:
    path = tmp_path / "clerk.xlsx"
    _hand_workbook(path, blank_under_first=False)
    assert _levels(load_document(path).units[0].projects[0]) == LEVELS


def test_workbook_reader_keeps_effect_indicator_typed_once_above_blank_cells(tmp_path: Path) -> None:
    path = tmp_path / "clerk.xlsx"
    _hand_workbook(path, blank_under_first=True)
    assert _levels(load_document(path).units[0].projects[0]) == LEVELS


@pytest.mark.parametrize("suffix", [".xlsx", ".json"])
def test_saved_and_read_again(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"doc{suffix}"
    save_document(_document(), path)
    assert _levels(load_document(path).project(0, 0)) == LEVELS


def test_hand_written_json(tmp_path: Path) -> None:
    path = tmp_path / "doc.json"
    save_document(_document(), path)
    text = path.read_text(encoding="utf-8")
    assert text.count("效果指标") == 2 and "效益指标" not in text.replace("社会效益指标", "")
    assert _levels(load_document(path).project(0, 0)) == LEVELS


def test_rollover_keeps_effect_indicator() -> None:
    draft, changes = rollover(_document(), 2026)
    assert _levels(draft.project(0, 0)) == LEVELS
    assert not any("效果指标" in change or "效益指标" in change for change in changes)


# --- the review ------------------------------------------------------------------------------

@pytest.mark.parametrize("framework_id", ["hebei", "mof2021"])
def test_review_understands_effect_indicator(framework_id: str) -> None:
    document = _document()
    document.framework = framework_id
    findings = check_document(document)
    assert not [f for f in findings if f.rule in NOT_UNDERSTOOD]
    # All it says is a hint on each row, with a fix the clerk may apply or not.
    named = [f for f in findings if "效果指标" in f.message]
    assert [(f.rule, f.severity, f.row) for f in named] == [("level1-old-name", Severity.HINT, 1),
                                                            ("level1-old-name", Severity.HINT, 2)]
    assert all(f.fix is not None for f in named)


def test_review_reads_both_names_as_one_group() -> None:
    # 效果指标 above 效益指标 is one 一级 group, not two scattered ones.
    mixed = _document([ROWS[0], ROWS[1], ("效益指标",) + ROWS[2][1:], ROWS[3]])
    assert not [f for f in check_document(mixed) if f.rule in NOT_UNDERSTOOD | {"level-scattered"}]
