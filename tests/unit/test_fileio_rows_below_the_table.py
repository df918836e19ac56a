"""What a clerk does below a project table in perfdesk's own workbook, in Excel or WPS: types
another indicator after a blank row, pastes a second table, borders a few empty rows for later,
types a note. Nothing typed is lost; empty rows do not become indicators; and an empty
indicator that perfdesk itself saved (inside the table's print area) stays one.

Also how numbers typed into perfdesk's workbook read when their cell format adds text
(``0"人"``) or says percent where an amount belongs."""

from __future__ import annotations

from decimal import Decimal

import pytest
from openpyxl import load_workbook
from openpyxl.styles import Border, Side

from perfdesk.errors import FileFormatError
from perfdesk.fileio import load_document, save_document
from perfdesk.model import BudgetUnit, Document, Indicator, Project, SpendingPlan

ROWS = [
    ("产出指标", "数量指标", "奖补人数", "优秀特派员奖励人数", "≥5人", "资金发放表"),
    ("产出指标", "时效指标", "发放时间", "奖励金发放时间", "年底之前", "工作计划"),
    ("满意度指标", "服务对象满意度指标", "满意度", "受奖人员满意度", "≥95%", "问卷调查"),
]
FIELDS = ("level1", "level2", "level3", "description", "value", "basis")
FIRST = 10  # perfdesk writes the indicator header on row 9, the rows from row 10


def make_document(rows=ROWS) -> Document:
    project = Project(code="13020826P00123450001L", name="科技特派员奖补", budget_total="300.00",
                      budget_fiscal="300.00", purpose="用于奖励优秀科技特派员",
                      spending_plan=SpendingPlan.of(["30", "60", "90", "100"]), goals=["奖补资金按时拨付到位"],
                      indicators=[Indicator(**dict(zip(FIELDS, cells))) for cells in rows])
    return Document(department="测试区科学技术局", year=2026,
                    units=[BudgetUnit(code="339003", name="测试区科学技术局", projects=[project])])


@pytest.fixture
def saved(tmp_path):
    path = tmp_path / "绩效文本.xlsx"
    save_document(make_document(), path)
    return path


def edit(path, change) -> None:
    workbook = load_workbook(path)
    change(workbook.worksheets[2])  # the project's sheet (after 第一部分 and 目录)
    workbook.save(path)


def cells(document, project=0) -> list[tuple[str, ...]]:
    return [item.cells() for item in document.units[0].projects[project].indicators]


def typed(ws, row: int, values: tuple[str, ...]) -> None:
    for column, value in zip("ABCDFG", values):
        if value:
            ws[f"{column}{row}"] = value


def test_an_indicator_typed_after_a_blank_row_below_the_table_is_kept(saved):
    extra = ("满意度指标", "服务对象满意度指标", "企业满意度", "服务企业满意度", "≥90%", "问卷调查")
    edit(saved, lambda ws: typed(ws, FIRST + len(ROWS) + 1, extra))  # one empty row between
    assert cells(load_document(saved)) == [*ROWS, extra]


def test_a_note_typed_below_the_table_is_kept_as_a_row_for_the_review_to_show(saved):
    edit(saved, lambda ws: typed(ws, FIRST + len(ROWS) + 2, ("填表人：张三",)))
    assert cells(load_document(saved))[-1] == ("填表人：张三", "", "", "", "", "")


def test_bordered_empty_rows_below_the_table_are_no_indicators(saved):
    thin = Side(style="thin")

    def border(ws):
        for row in range(FIRST + len(ROWS), FIRST + len(ROWS) + 4):
            for column in "ABCDEFG":
                ws[f"{column}{row}"].border = Border(left=thin, right=thin, top=thin, bottom=thin)

    edit(saved, border)
    assert cells(load_document(saved)) == ROWS


def test_the_same_in_a_workbook_from_an_older_perfdesk_without_a_print_area(saved):
    thin = Side(style="thin")
    extra = ("产出指标", "质量指标", "验收合格率", "项目验收合格率", "100%", "行业标准")

    def old_and_edited(ws):
        ws.print_area = None  # as perfdesk wrote it before 2026-12
        for row in range(FIRST + len(ROWS), FIRST + len(ROWS) + 3):
            for column in "ABCDEFG":
                ws[f"{column}{row}"].border = Border(left=thin, right=thin, top=thin, bottom=thin)
        typed(ws, FIRST + len(ROWS) + 5, extra)

    edit(saved, old_and_edited)
    assert not load_workbook(saved).worksheets[2].print_area
    assert cells(load_document(saved)) == [*ROWS, extra]


def test_a_second_table_pasted_below_reads_as_a_second_project(saved):
    def paste(ws):  # as Excel pastes a copied block: values and merges
        for row in range(1, FIRST + len(ROWS)):
            for column in range(1, 8):
                value = ws.cell(row, column).value
                if value is not None:
                    ws.cell(row + 20, column).value = value
        for merged in list(ws.merged_cells.ranges):
            ws.merge_cells(start_row=merged.min_row + 20, start_column=merged.min_col,
                           end_row=merged.max_row + 20, end_column=merged.max_col)
        ws["B23"] = "13020826P00777770001L"  # rows 1-3: title, unit line, 项目编码/项目名称
        ws["E23"] = "科普宣传经费"
        ws["C24"] = 20  # 预算数

    edit(saved, paste)
    document = load_document(saved)
    projects = document.units[0].projects
    assert [(p.code, p.name, p.budget_total) for p in projects] == [
        ("13020826P00123450001L", "科技特派员奖补", Decimal("300.00")),
        ("13020826P00777770001L", "科普宣传经费", Decimal("20.00"))]
    assert cells(document, 0) == ROWS and cells(document, 1) == ROWS


def test_empty_indicators_saved_by_perfdesk_stay_in_the_table(tmp_path):
    blank = ("",) * 6
    document = make_document([ROWS[0], blank, ROWS[1], blank])  # one inside, one at the end
    path = tmp_path / "空行.xlsx"
    save_document(document, path)
    assert cells(load_document(path)) == [ROWS[0], blank, ROWS[1], blank]


def test_a_value_whose_cell_format_adds_a_unit_reads_as_excel_shows_it(saved):
    def numbers(ws):
        ws[f"F{FIRST}"] = 5
        ws[f"F{FIRST}"].number_format = '"≥"0"人"'
        ws[f"F{FIRST + 2}"] = 0.95
        ws[f"F{FIRST + 2}"].number_format = "0.00%"

    edit(saved, numbers)
    values = [row[4] for row in cells(load_document(saved))]
    assert values == ["≥5人", "年底之前", "95.00%"]


def test_an_amount_shown_as_a_percentage_is_refused_with_its_cell(saved):
    def percent(ws):
        ws["G4"] = 0.5  # 其他资金
        ws["G4"].number_format = "0%"

    edit(saved, percent)
    before = saved.read_bytes()
    with pytest.raises(FileFormatError) as error:
        load_document(saved)
    assert "G4" in str(error.value) and "百分比“50%”" in str(error.value) and "不是金额" in str(error.value)
    assert saved.read_bytes() == before


@pytest.mark.parametrize("typed_amount", ["1,2,3", "12,34", "1,23.00"])
def test_commas_that_are_no_thousands_separators_are_refused(saved, typed_amount):
    edit(saved, lambda ws: ws.__setitem__("C4", typed_amount))  # 预算数
    with pytest.raises(FileFormatError, match=rf"C4.*“{typed_amount}”不是金额"):
        load_document(saved)


def test_a_huge_number_in_the_spending_plan_is_refused_with_its_cell(saved):
    edit(saved, lambda ws: ws.__setitem__("B7", 1e300))  # 3月底
    before = saved.read_bytes()
    with pytest.raises(FileFormatError, match=r"B7.*不是百分比"):
        load_document(saved)
    assert saved.read_bytes() == before
