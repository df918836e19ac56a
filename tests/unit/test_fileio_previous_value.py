"""上年指标值 (each indicator's value of the year before) in the workbook: perfdesk writes it in
column H beside the table, outside the print area, and reads it back; a clerk's own 上年指标值
column is read too; rollover fills it; the printed table and the PDF never show it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pdfplumber
import pytest
from openpyxl import Workbook

from perfdesk.fileio import load_document, open_document, save_document
from perfdesk.fileio.json_io import document_json, read_json
from perfdesk.importers import rollover
from perfdesk.model import BudgetUnit, Document, Indicator, Project, SpendingPlan
from perfdesk.model.project import INDICATOR_FIELDS
from perfdesk.pdf import export_pdf

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
SHEET = "1.科技特派员奖补"  # project 1's sheet


def document() -> Document:
    """Two projects: the first with last year's values on rows 1 and 3, the second with none."""
    rows = [
        Indicator(level1="产出指标", level2="数量指标", level3="奖励人数", description="优秀特派员奖励人数",
                  value="≥888人", basis="资金发放表", previous_value="≥777人"),
        Indicator(level1="产出指标", level2="时效指标", level3="发放时间", description="奖励金发放时间",
                  value="年底前", basis="工作计划"),
        Indicator(level1="满意度指标", level2="服务对象满意度指标", level3="满意度", description="特派员满意度",
                  value="≥95%", basis="问卷调查", previous_value="=0123"),  # text, never a number or formula
    ]
    first = Project(code="13020822P00871410001L", name="科技特派员奖补", budget_total="12.50",
                    budget_fiscal="12.50", purpose="用于优秀科技特派员奖励",
                    spending_plan=SpendingPlan.of([Decimal(30), Decimal(60), Decimal(90), Decimal(100)]),
                    goals=["奖励优秀科技特派员"], indicators=rows)
    second = Project(code="13020822P00871410002L", name="科普活动经费", budget_total="3.00", budget_fiscal="3.00",
                     purpose="用于科普活动", goals=["举办科普活动"],
                     indicators=[Indicator(level1="产出指标", level2="数量指标", level3="活动场次",
                                           description="举办科普活动场次", value="≥3场", basis="工作计划")])
    return Document(department="XX县科学技术局", year=2023,
                    units=[BudgetUnit(code="339003", name="唐山市丰润区科学技术局", projects=[first, second])])


# ------------------------------------------------------------ perfdesk's own workbook
def test_marked_save_and_reopen_keep_last_years_values(tmp_path):
    original = document()
    path = tmp_path / "saved.xlsx"
    save_document(original, path)
    result = open_document(path)
    assert result.document == original
    assert [row.previous_value for row in result.document.project(0, 0).indicators] == ["≥777人", "", "=0123"]
    assert result.notes == [], [str(n) for n in result.notes]


def test_column_h_beside_the_table_outside_the_print_area(tmp_path):
    path = tmp_path / "saved.xlsx"
    save_document(document(), path)
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET]
    # header on row 9, the three indicator rows 10-12
    assert [ws[f"{c}9"].value for c in "ABCDFGH"] == ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值",
                                                     "指标值确定依据", "上年指标值"]
    assert [ws[f"H{r}"].value for r in (10, 11, 12)] == ["≥777人", None, "=0123"]
    assert ws["F10"].value == "≥888人"
    assert ws["H12"].data_type == "s"  # the clerk's text, not a formula
    assert ws.print_area == f"'{SHEET}'!$A$1:$G$12"  # the printed table is still A:G
    assert ws.column_dimensions["H"].width == 14
    assert ws["H10"].number_format == "@"
    assert ws["H10"].font.color.rgb.endswith("808080")  # grey: not printed
    # a project without last year's values has no such column
    other = wb["2.科普活动经费"]
    assert other["H9"].value is None and other["H10"].value is None
    assert other.print_area == "'2.科普活动经费'!$A$1:$G$10"


def test_a_document_without_last_years_values_writes_no_column_h(tmp_path):
    plain = document()
    for row in plain.project(0, 0).indicators:
        row.previous_value = ""
    path = tmp_path / "plain.xlsx"
    save_document(plain, path)
    ws = openpyxl.load_workbook(path)[SHEET]
    assert ws.max_column == 7 and ws["H9"].value is None
    assert load_document(path) == plain


def test_the_cells_written_are_the_cells_read(tmp_path):
    original = document()
    path = tmp_path / "saved.xlsx"
    written = save_document(original, path)
    read = open_document(path)
    mine, theirs = original.project(0, 0), read.document.project(0, 0)
    assert written.of(mine).indicators == read.origins.of(theirs).indicators
    assert [row["previous_value"].cell for row in read.origins.of(theirs).indicators] == ["H10", "H11", "H12"]
    assert "previous_value" not in read.origins.of(read.document.project(0, 1)).indicators[0]


def test_the_six_cells_of_a_row_stay_six():
    row = document().project(0, 0).indicators[0]
    assert row.cells() == ("产出指标", "数量指标", "奖励人数", "优秀特派员奖励人数", "≥888人", "资金发放表")
    assert "previous_value" not in INDICATOR_FIELDS and len(INDICATOR_FIELDS) == 6


def test_the_pdf_does_not_print_last_years_values(tmp_path):
    path = tmp_path / "out.pdf"
    export_pdf(document(), path)
    with pdfplumber.open(path) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    assert "888人" in text and "满意度" in text
    assert "777" not in text and "0123" not in text


# ------------------------------------------------------------ a clerk's workbook
UNIT_LINE = "预算单位：339003唐山市丰润区科学技术局"


def clerk_rows(header: dict[int, str], cells: dict[tuple[int, int], str]) -> list[list]:
    """A clerk's table (no merges; indicator header on row 9, rows 10-11), with extra header
    cells (column → text) and extra cells ((row, column) → text)."""
    rows = [["1.科技特派员奖补绩效目标表"],
            [UNIT_LINE, None, None, None, None, "单位：万元"],
            ["项目编码", "13020822P00871410001L", None, "项目名称", "科技特派员奖补"],
            ["预算数", 12.5, "财政资金", 12.5, "其他资金", None],
            ["资金用途", "用于优秀科技特派员奖励"],
            ["资金支出计划(%)", "3月底", "6月底", "10月底", "12月底"],
            [None, "30%", "60%", "90%", "100%"],
            ["绩效目标", "奖励优秀科技特派员"],
            ["一级指标", "二级指标", "三级指标", "指标解释", "指标值", "取值依据"],
            ["产出指标", "数量指标", "奖励人数", "优秀特派员奖励人数", "≥5人", "资金发放表"],
            ["满意度指标", "服务对象满意度指标", "满意度", "特派员满意度", "≥95%", "问卷调查"]]
    for col, text in header.items():
        cells[(9, col)] = text
    for (row, col), text in cells.items():
        while len(rows) < row:
            rows.append([])
        line = rows[row - 1]
        line.extend([None] * (col - len(line)))
        line[col - 1] = text
    return rows


def clerk_workbook(tmp_path: Path, rows: list[list]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "项目"
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row, 1):
            if value is not None:
                ws.cell(r, c, value)
    path = tmp_path / "clerk.xlsx"
    wb.save(path)
    return path


@pytest.mark.parametrize("column, spelling", [(7, "上年指标值"), (8, "上年值"), (10, "上年度指标值"),
                                              (7, "上一年度指标值"), (9, "上年目标值")])
def test_a_clerks_last_year_column_right_of_the_table_is_read(tmp_path, column, spelling):
    path = clerk_workbook(tmp_path, clerk_rows({column: spelling}, {(10, column): "≥4人", (11, column): "≥90%"}))
    result = open_document(path)
    (project,) = result.document.units[0].projects
    assert [(row.value, row.previous_value) for row in project.indicators] == [("≥5人", "≥4人"), ("≥95%", "≥90%")]
    assert [row.basis for row in project.indicators] == ["资金发放表", "问卷调查"]
    assert result.notes == [], [str(n) for n in result.notes]
    letter = "ABCDEFGHIJ"[column - 1]
    assert [row["previous_value"].cell for row in result.origins.of(project).indicators] == [f"{letter}10",
                                                                                               f"{letter}11"]


def test_a_clerks_workbook_without_the_column_reads_no_last_year(tmp_path):
    result = open_document(clerk_workbook(tmp_path, clerk_rows({}, {})))
    (project,) = result.document.units[0].projects
    assert [row.previous_value for row in project.indicators] == ["", ""]
    assert result.notes == []


def test_other_text_beside_the_table_is_still_noted(tmp_path):
    # 上年值 in J; a remark in H between the table and it is still text nobody reads
    rows = clerk_rows({10: "上年值"}, {(10, 10): "≥4人", (11, 8): "续建项目"})
    result = open_document(clerk_workbook(tmp_path, rows))
    assert [(n.cell, n.text) for n in result.notes] == [("H11", "续建项目")]
    assert result.document.units[0].projects[0].indicators[0].previous_value == "≥4人"


def test_a_row_with_only_last_years_value_is_no_indicator_and_is_noted(tmp_path):
    rows = clerk_rows({7: "上年指标值"}, {(12, 7): "≥3人"})
    result = open_document(clerk_workbook(tmp_path, rows))
    assert len(result.document.units[0].projects[0].indicators) == 2
    assert [(n.cell, n.text) for n in result.notes] == [("G12", "≥3人")]


def test_a_clerks_last_year_column_survives_a_save(tmp_path):
    path = clerk_workbook(tmp_path, clerk_rows({8: "上年指标值"}, {(10, 8): "≥4人"}))
    document = load_document(path)
    saved = tmp_path / "saved.xlsx"
    save_document(document, saved)
    assert load_document(saved) == document
    assert openpyxl.load_workbook(saved).worksheets[2]["H10"].value == "≥4人"


# ------------------------------------------------------------ rollover
@pytest.mark.parametrize("name", ["funing-2024.xlsx", "fengrun-2022.xlsx"])
def test_rollover_makes_this_years_values_last_years(tmp_path, name):
    source = load_document(EXAMPLES / name)
    draft, changes = rollover(source, source.year + 1)
    values = [row.value for _, _, _, p in source.projects() for row in p.indicators]
    previous = [row.previous_value for _, _, _, p in draft.projects() for row in p.indicators]
    assert previous == values and len(values) > 60
    assert any("上年指标值" in change for change in changes)
    saved = tmp_path / "draft.xlsx"
    save_document(draft, saved)
    assert [row.previous_value for _, _, _, p in load_document(saved).projects() for row in p.indicators] == values
    assert load_document(saved) == draft
    (tmp_path / "draft.json").write_bytes(document_json(draft))
    assert read_json(str(tmp_path / "draft.json")) == draft


def test_rollover_overwrites_an_older_last_year_value():
    source = document()  # row 1: ≥888人 this year, ≥777人 the year before
    draft, _ = rollover(source, 2024)
    assert [row.previous_value for row in draft.project(0, 0).indicators] == ["≥888人", "年底前", "≥95%"]
    assert source.project(0, 0).indicators[0].previous_value == "≥777人"  # the source is untouched
