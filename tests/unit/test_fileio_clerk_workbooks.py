"""What clerks' own Excel/WPS workbooks contain, read right or refused with a message naming the
cell, the file left untouched. Each workbook is built here with openpyxl in the official layout
(tests/data/workbooks/make_variants.py) and then changed the way a clerk's hands change it;
the expected values are typed by hand from those cells."""

from __future__ import annotations

import datetime
import hashlib
import importlib.util
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from perfdesk.errors import FileFormatError
from perfdesk.fileio import load_document

WORKBOOKS = Path(__file__).resolve().parents[1] / "data" / "workbooks"
_spec = importlib.util.spec_from_file_location("make_variants", WORKBOOKS / "make_variants.py")
variants = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(variants)

PERCENTS = ("30%", "60%", "90%", "100%")
UNIT = "339003唐山市丰润区科学技术局"


def cells(**changes) -> dict:
    base = dict(code="13020822P00871410001L", name="科技特派员奖补", total="12.50", fiscal="10.00", other="2.50",
                purpose="用于优秀科技特派员奖励")
    base.update(changes)
    return base


def one_table(path: Path, values=None, spending=PERCENTS, rows=None, percent_format=False, after=None) -> Path:
    """One table at A1 of sheet 项目表 (title row 1, unit row 2, code row 3, budget row 4, purpose
    row 5, spending rows 6–7, goals row 8, header row 9, indicators from row 10)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "项目表"
    variants.table(ws, 1, "1.科技特派员奖补绩效目标表", UNIT, values or cells(), (variants.MONTHS, spending),
                   "1.奖励优秀科技特派员", rows or variants.ROWS_A, percent_format=percent_format)
    if after:
        after(wb, ws)
    wb.save(path)
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def refused(path: Path, *words: str) -> str:
    before = digest(path)
    with pytest.raises(FileFormatError) as caught:
        load_document(path)
    message = str(caught.value)
    for word in words:
        assert word in message, message
    assert digest(path) == before
    return message


def project_of(path: Path):
    (unit,) = load_document(path).units
    (project,) = unit.projects
    return project


# ------------------------------------------------------------------ money
@pytest.mark.parametrize("typed", [1.235, "1.235", "1,234.567"])
def test_an_amount_with_three_decimals_is_refused_not_rounded(tmp_path, typed):
    path = one_table(tmp_path / "三位小数.xlsx", cells(total=typed))
    refused(path, "工作表“项目表”", "单元格 C4", "预算数", "超过两位小数", "不会替您舍入")


def test_three_decimals_in_the_fiscal_column_name_its_cell(tmp_path):
    path = one_table(tmp_path / "a.xlsx", cells(fiscal=10.005))
    refused(path, "单元格 E4", "超过两位小数")


def test_trailing_zeros_and_typed_forms_of_the_same_amount_are_accepted(tmp_path):
    path = one_table(tmp_path / "a.xlsx", cells(total="1,234.5000", fiscal="１２３４．５０", other="300万元"))
    project = project_of(path)
    assert (project.budget_total, project.budget_fiscal, project.budget_other) == (
        Decimal("1234.50"), Decimal("1234.50"), Decimal("300.00"))


def test_an_amount_in_another_unit_is_refused(tmp_path):
    path = one_table(tmp_path / "a.xlsx", cells(other="3000元"))
    refused(path, "单元格 G4", "其他资金", "不是金额")


def test_a_sum_of_floats_is_what_excel_shows(tmp_path):
    # =0.1+0.2 is stored as the double 0.30000000000000004; Excel shows 0.3 and so do we.
    path = one_table(tmp_path / "a.xlsx", cells(total=0.30000000000000004, fiscal=0.1, other=0.2))
    project = project_of(path)
    assert project.budget_total == Decimal("0.30")
    assert str(project.budget_total) == "0.30"


def test_percentages_with_float_noise_formatted_as_percent(tmp_path):
    path = one_table(tmp_path / "a.xlsx", spending=(0.30000000000000004, 0.6000000000000001, 0.9, 1),
                     percent_format=True)
    assert project_of(path).spending_plan.values == [Decimal(30), Decimal(60), Decimal(90), Decimal(100)]
    assert [str(v) for v in project_of(path).spending_plan.values] == ["30", "60", "90", "100"]


# ------------------------------------------------------------------ formulas
def test_a_formula_saved_without_its_result_is_refused_not_read_as_blank(tmp_path):
    # openpyxl (like other generators) writes the formula only; Excel would compute it on opening.
    path = one_table(tmp_path / "公式.xlsx", cells(total="=E4+G4"))
    refused(path, "单元格 C4", "公式“=E4+G4”", "没有保存它的计算结果", "保存一次")


def test_a_formula_in_an_indicator_value_without_result_is_refused(tmp_path):
    rows = [list(r) for r in variants.ROWS_A]
    rows[1][4] = '=">="&100&"人次"'
    path = one_table(tmp_path / "a.xlsx", rows=[tuple(r) for r in rows])
    refused(path, "单元格 F11", "公式")


def test_a_formula_with_its_saved_result_reads_the_result(tmp_path):
    path = one_table(tmp_path / "a.xlsx", cells(total="=E4+G4"))
    # What Excel writes on saving: the formula and, in <v>, its cached result.
    import zipfile

    cached = tmp_path / "cached.xlsx"
    with zipfile.ZipFile(path) as old, zipfile.ZipFile(cached, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<f>E4+G4</f><v></v>", b"<f>E4+G4</f><v>12.5</v>")
                data = data.replace(b"<f>E4+G4</f></c>", b"<f>E4+G4</f><v>12.5</v></c>")
                assert b"<v>12.5</v>" in data
            new.writestr(info, data)
    assert project_of(cached).budget_total == Decimal("12.50")


# ------------------------------------------------------------------ layout
def test_blank_rows_inserted_inside_the_table_lose_nothing(tmp_path):
    """A blank row between the 预算数 row and the purpose, and one between the checkpoint labels
    and their percentages (merges shifted as Excel shifts them)."""
    wb = Workbook()
    source = wb.active
    variants.table(source, 1, "1.科技特派员奖补绩效目标表", UNIT, cells(), (variants.MONTHS, PERCENTS),
                   "1.奖励优秀科技特派员", variants.ROWS_A)
    ws = wb.create_sheet("项目表")

    def moved(row: int) -> int:  # blank rows inserted above old rows 5 and 7
        return row + (row >= 5) + (row >= 7)

    for row in source.iter_rows():
        for cell in row:
            if cell.value is not None:
                ws.cell(moved(cell.row), cell.column, cell.value)
    for merge in source.merged_cells.ranges:
        ws.merge_cells(start_row=moved(merge.min_row), start_column=merge.min_col,
                       end_row=moved(merge.max_row), end_column=merge.max_col)
    wb.remove(source)
    path = tmp_path / "blank-rows.xlsx"
    wb.save(path)
    project = project_of(path)
    assert project.purpose == "用于优秀科技特派员奖励"
    assert project.spending_plan.values == [Decimal(30), Decimal(60), Decimal(90), Decimal(100)]
    assert project.budget_total == Decimal("12.50") and len(project.indicators) == 5


def test_two_tables_side_by_side_on_one_sheet_are_both_read(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "项目表"
    left = variants.table(ws, 1, "1.科技特派员奖补绩效目标表", UNIT, cells(), (variants.MONTHS, PERCENTS),
                          "1.奖励优秀科技特派员", variants.ROWS_A)
    scratch = wb.create_sheet("scratch")
    variants.table(scratch, 1, "2.科普宣传经费绩效目标表", UNIT,
                   cells(code="13020822P00871410002M", name="科普宣传经费", total="2.00", fiscal="2.00", other=None,
                         purpose="科普宣传"),
                   (variants.MONTHS, ("25%", "50%", "75%", "100%")), "1.开展科普宣传", variants.ROWS_A[:2])
    for row in scratch.iter_rows():  # copied two columns right of the first table (columns J–P)
        for cell in row:
            if cell.value is not None:
                ws.cell(cell.row, cell.column + 9, cell.value)
    for merge in scratch.merged_cells.ranges:
        ws.merge_cells(start_row=merge.min_row, start_column=merge.min_col + 9,
                       end_row=merge.max_row, end_column=merge.max_col + 9)
    wb.remove(scratch)
    path = tmp_path / "side.xlsx"
    wb.save(path)
    assert left == 15
    (unit,) = load_document(path).units
    first, second = unit.projects
    assert (first.code, first.name, first.budget_total) == ("13020822P00871410001L", "科技特派员奖补", Decimal("12.50"))
    assert first.spending_plan.values == [Decimal(30), Decimal(60), Decimal(90), Decimal(100)]
    assert len(first.indicators) == 5
    assert (second.code, second.name, second.budget_total, second.purpose) == (
        "13020822P00871410002M", "科普宣传经费", Decimal("2.00"), "科普宣传")
    assert second.spending_plan.values == [Decimal(25), Decimal(50), Decimal(75), Decimal(100)]
    assert second.goals == ["开展科普宣传"]
    assert [i.level3 for i in second.indicators] == ["奖补数量", "培训人次"]


def test_an_extra_column_before_the_table(tmp_path):
    def shift(wb, ws):
        ws.insert_cols(1)  # openpyxl leaves the merges: move them as Excel would
        for merge in list(ws.merged_cells.ranges):
            merge.shift(col_shift=1)

    project = project_of(one_table(tmp_path / "a.xlsx", after=shift))
    assert (project.code, project.name, project.budget_total) == ("13020822P00871410001L", "科技特派员奖补",
                                                                   Decimal("12.50"))
    assert project.spending_plan.values == [Decimal(30), Decimal(60), Decimal(90), Decimal(100)]


def test_a_sum_row_left_under_the_indicators_is_not_an_indicator(tmp_path):
    def sum_row(wb, ws):
        ws.cell(15, 1, "合计")
        ws.cell(15, 3, 5)

    project = project_of(one_table(tmp_path / "a.xlsx", after=sum_row))
    assert [i.level3 for i in project.indicators] == ["奖补数量", "培训人次", "发放时间", "社会影响", "满意度"]


def test_hidden_rows_are_read_like_any_other(tmp_path):
    def hide(wb, ws):
        ws.row_dimensions[11].hidden = True

    assert len(project_of(one_table(tmp_path / "a.xlsx", after=hide)).indicators) == 5


def test_dates_and_numbers_typed_into_indicator_values_read_as_excel_shows_them(tmp_path):
    rows = [list(r) for r in variants.ROWS_A]
    rows[2][4] = datetime.datetime(2023, 8, 31)
    rows[0][4] = 5
    path = one_table(tmp_path / "a.xlsx", rows=[tuple(r) for r in rows])
    values = [i.value for i in project_of(path).indicators]
    assert values == ["5", "≥100人次", "2023年8月31日", "效果明显", "≥95%"]


def test_an_amount_excel_turned_into_a_date_is_refused_not_read_as_a_day_count(tmp_path):
    # Typing 1/2 into a General cell makes Excel store the date 2 January (a day number ~46,000).
    path = one_table(tmp_path / "a.xlsx", cells(other=datetime.date(2026, 1, 2)))
    refused(path, "单元格 G4", "其他资金", "日期", "2026年1月2日")


def test_a_percentage_excel_turned_into_a_date_is_refused(tmp_path):
    path = one_table(tmp_path / "a.xlsx", spending=("30%", datetime.datetime(2026, 6, 30), "90%", "100%"))
    refused(path, "单元格 D7", "6月底", "日期")


def test_control_characters_pasted_from_word_survive_a_save(tmp_path):
    """Word's manual line break arrives as \\x0b; it is kept (as Excel's _x000B_ escape), not dropped."""
    from benchmarks.generate import generate_document
    from perfdesk.fileio import save_document

    document = generate_document(projects=1, units=1)
    document.units[0].projects[0].purpose = "第一行\x0b第二行\x07"
    document.units[0].projects[0].indicators[0].value = "≥5人\x0c_x0041_"
    path = tmp_path / "ctrl.xlsx"
    save_document(document, path)
    loaded = load_document(path).units[0].projects[0]
    assert loaded.purpose == "第一行\x0b第二行\x07"
    assert loaded.indicators[0].value == "≥5人\x0c_x0041_"


def test_a_sheet_whose_code_row_was_deleted_is_refused_not_dropped(tmp_path):
    wb = Workbook()
    first = wb.active
    first.title = "项目1"
    variants.table(first, 1, "1.科技特派员奖补绩效目标表", UNIT, cells(), (variants.MONTHS, PERCENTS),
                   "1.奖励优秀科技特派员", variants.ROWS_A)
    second = wb.create_sheet("项目2")
    variants.table(second, 1, "2.科普宣传经费绩效目标表", UNIT, cells(code="13020822P00871410002M", name="科普宣传经费"),
                   (variants.MONTHS, PERCENTS), "1.开展科普宣传", variants.ROWS_A)
    second.delete_rows(3)  # the 项目编码/项目名称 row; the indicator header moves up to row 8
    library = wb.create_sheet("指标库")  # a reference list of indicators is no project and stays quiet
    for column, label in enumerate(("一级指标", "二级指标", "三级指标"), 1):
        library.cell(1, column, label)
    library.append(("产出指标", "数量指标", "培训人次"))
    path = tmp_path / "删了编码行.xlsx"
    wb.save(path)
    refused(path, "工作表“项目2”", "单元格 A8", "项目编码")
    del wb["项目2"]
    wb.save(path)
    assert project_of(path).name == "科技特派员奖补"


def test_a_year_excel_turned_into_a_date_is_refused(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "第一部分"
    ws["A1"], ws["B1"] = "部门名称", "某县科学技术局"
    ws["A2"], ws["B2"] = "预算年度", datetime.date(2026, 1, 1)
    ws["A3"], ws["B3"] = "一、总体绩效目标", "做好科技工作"
    path = tmp_path / "年度.xlsx"
    wb.save(path)
    refused(path, "工作表“第一部分”", "单元格 B2", "预算年度", "日期")


@pytest.mark.parametrize("typed", ["-", "—", "／", "无", "  "])
def test_no_other_funds_written_as_a_paper_form_does_is_a_blank_amount(tmp_path, typed):
    project = project_of(one_table(tmp_path / "a.xlsx", cells(other=typed, total="12.50", fiscal="12.50")))
    assert project.budget_other is None and project.budget_total == Decimal("12.50")


def test_an_amount_typed_with_wan_reads_in_wanyuan(tmp_path):
    assert project_of(one_table(tmp_path / "a.xlsx", cells(total="12.5万"))).budget_total == Decimal("12.50")


def test_a_table_beside_another_starting_lower_down(tmp_path):
    wb = Workbook()
    ws = wb.active
    variants.table(ws, 1, "1.科技特派员奖补绩效目标表", UNIT, cells(), (variants.MONTHS, PERCENTS),
                   "1.奖励优秀科技特派员", variants.ROWS_A)
    scratch = wb.create_sheet("scratch")
    variants.table(scratch, 1, "2.科普宣传经费绩效目标表", UNIT,
                   cells(code="13020822P00871410002M", name="科普宣传经费", total="2.00", fiscal="2.00", other=None),
                   (variants.MONTHS, PERCENTS), "1.开展科普宣传", variants.ROWS_A[:3])
    for row in scratch.iter_rows():  # columns I–O, four rows lower than the first table
        for cell in row:
            if cell.value is not None:
                ws.cell(cell.row + 4, cell.column + 8, cell.value)
    wb.remove(scratch)
    path = tmp_path / "错位.xlsx"
    wb.save(path)
    first, second = load_document(path).units[0].projects
    assert (first.code, len(first.indicators)) == ("13020822P00871410001L", 5)
    assert (second.code, second.name, second.budget_total) == ("13020822P00871410002M", "科普宣传经费", Decimal("2.00"))
    assert [i.level3 for i in second.indicators] == ["奖补数量", "培训人次", "发放时间"]


def test_a_list_of_projects_with_a_number_column_is_no_table(tmp_path):
    wb = Workbook()
    ws = wb.active
    variants.table(ws, 1, "1.科技特派员奖补绩效目标表", UNIT, cells(), (variants.MONTHS, PERCENTS),
                   "1.奖励优秀科技特派员", variants.ROWS_A)
    listing = wb.create_sheet("项目清单")
    listing.append(("序号", "项目编码", "项目名称", "预算数"))
    listing.append((1, "13020822P00871410001L", "科技特派员奖补", 12.5))
    path = tmp_path / "清单.xlsx"
    wb.save(path)
    assert project_of(path).name == "科技特派员奖补"
