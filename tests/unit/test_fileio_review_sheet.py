"""The bureau's review marks (审核意见) go through a save and an open of the .xlsx, in a sheet
perfdesk owns that an Excel user can read, sort and fill in; what cannot be placed is named."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import openpyxl
import pytest

from perfdesk.fileio import open_document, save_document
from perfdesk.fileio.grid import Grid
from perfdesk.fileio.read_result import ReadNote
from perfdesk.fileio.xlsx_cells import read_cells
from perfdesk.fileio.xlsx_tables import first_table_row
from perfdesk.fileio.xlsx_write import build_workbook, workbook_bytes
from perfdesk.model import (
    Acceptance, BudgetUnit, Document, KeptCell, KeptSheet, Part1, ProjectReview, ReviewStatus,
)
from unit.review_documents import clean_document, clean_project

HEADER = ("序号", "项目编码", "项目名称", "审核状态", "审核意见", "核实保留的问题（规则）", "字段", "问题位置", "保留理由")
TITLE = "审核意见（财政局审核记录，由 perfdesk 维护，请勿改动表头）"
NOT_FOUND = "审核意见中的项目在文本中找不到，未读入"
CODE_1, CODE_2, CODE_3 = "13020822P00933810001D", "13020822P00871410001L", "13020822P00555510001X"
COMMENT = "绩效目标过于笼统，请细化到可考核的程度。\n“成本指标”的指标值请写明测算依据。"

WORKBOOKS = Path(__file__).resolve().parents[1] / "data" / "workbooks"
_spec = importlib.util.spec_from_file_location("make_variants", WORKBOOKS / "make_variants.py")
variants = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(variants)


def unreviewed_document() -> Document:
    """Three projects in two units: 科技创新扶持资金 and 科技特派员奖补 (339003), 科普宣传经费 (339004)."""
    document = clean_document()
    document.units[0].projects.append(clean_project(CODE_2).model_copy(update={"name": "科技特派员奖补"}))
    document.units.append(BudgetUnit(code="339004", name="唐山市丰润区科学技术协会",
                                     projects=[clean_project(CODE_3).model_copy(update={"name": "科普宣传经费"})]))
    return document


def reviewed_document() -> Document:
    document = unreviewed_document()
    first, second = document.units[0].projects
    first.review = ProjectReview(status=ReviewStatus.NEEDS_CHANGES, comment=COMMENT, accepted=[
        Acceptance(rule="level2-unknown", field="level2", where="产出指标/数量指标/奖补数量", reason="按省科技厅口径保留"),
        Acceptance(rule="goal-vague", field="goals", where="第 1 条", reason="")])
    second.review = ProjectReview(status=ReviewStatus.APPROVED)
    # 科普宣传经费 is left 未审
    document.accepted = [Acceptance(rule="measures-empty", field="measures", reason="保障措施见附件"),
                         Acceptance(rule="unit-empty", field="unit", where="339004唐山市丰润区科学技术协会")]
    return document


def reviews(document: Document) -> dict[str, ProjectReview]:
    return {project.code: project.review for _, _, _, project in document.projects()}


def review_sheet(path) -> Grid:
    sheet = next(sheet for sheet in read_cells(str(path)).sheets if sheet.name == "审核意见")
    return Grid(sheet, True, str(path))


def edit(path, change) -> None:
    """Open the saved workbook in openpyxl, change it as a clerk would in Excel, save it."""
    workbook = openpyxl.load_workbook(path)
    change(workbook)
    workbook.save(path)


# ---------------------------------------------------------------------------- round trip
@pytest.mark.parametrize("marked", [True, False])
def test_statuses_comments_and_accepted_findings_survive_save_and_open(tmp_path, marked):
    document = reviewed_document()
    path = tmp_path / "文本.xlsx"
    save_document(document, path, marked=marked)
    result = open_document(path)
    assert result.notes == []
    loaded = result.document
    assert reviews(loaded) == {
        CODE_1: ProjectReview(status=ReviewStatus.NEEDS_CHANGES, comment=COMMENT, accepted=[
            Acceptance(rule="level2-unknown", field="level2", where="产出指标/数量指标/奖补数量", reason="按省科技厅口径保留"),
            Acceptance(rule="goal-vague", field="goals", where="第 1 条")]),
        CODE_2: ProjectReview(status=ReviewStatus.APPROVED),
        CODE_3: ProjectReview(),
    }
    assert loaded.accepted == [Acceptance(rule="measures-empty", field="measures", reason="保障措施见附件"),
                               Acceptance(rule="unit-empty", field="unit", where="339004唐山市丰润区科学技术协会")]
    assert loaded == document
    assert loaded.kept_sheets == []  # the sheet is perfdesk's own, not a clerk's sheet carried along
    if marked:
        assert workbook_bytes(loaded) == path.read_bytes()  # saved again, nothing moves


def test_text_that_looks_like_part1_or_a_table_in_a_comment_is_only_a_comment(tmp_path):
    document = reviewed_document()
    first = document.units[0].projects[0]
    first.review = ProjectReview(status=ReviewStatus.NEEDS_CHANGES, comment="一、总体绩效目标", accepted=[
        Acceptance(rule="markup", field="code", where="项目编码", reason="=预算数")])
    document.units[0].projects[1].review = ProjectReview(comment="项目名称")
    path = tmp_path / "文本.xlsx"
    for marked in (True, False):
        save_document(document, path, marked=marked)
        result = open_document(path)
        assert result.document == document and result.notes == []
    assert first_table_row(review_sheet(path)) is None
    assert first_table_row(Grid(review_sheet(path).sheet, False)) is None

    # Without perfdesk's Part 1 sheet, Part 1 is looked for on the other sheets: not on this one.
    edit(path, lambda wb: wb.remove(wb["第一部分"]))
    result = open_document(path)
    assert result.document.part1 == Part1()
    assert reviews(result.document) == reviews(document)
    assert [note for note in result.notes if note.sheet == "审核意见"] == []


# -------------------------------------------------------------------- what Excel shows
def test_the_sheet_is_visible_after_the_projects_with_the_header_an_excel_user_reads(tmp_path):
    document = reviewed_document()
    document.kept_sheets = [KeptSheet(name="说明", cells=[KeptCell(ref="A1", text="编制说明")])]
    path = tmp_path / "文本.xlsx"
    save_document(document, path)
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["第一部分", "目录", "1.科技创新扶持资金", "2.科技特派员奖补", "3.科普宣传经费",
                                   "审核意见", "说明"]
    ws = workbook["审核意见"]
    assert ws.sheet_state == "visible"
    assert ws["A1"].value == TITLE and "A1:I1" in [str(r) for r in ws.merged_cells.ranges]
    rows = [row for row in ws.iter_rows(min_row=2, values_only=True)]
    assert rows == [
        HEADER,
        (None, "（全文）", None, None, None, "measures-empty", "measures", None, "保障措施见附件"),
        (None, "（全文）", None, None, None, "unit-empty", "unit", "339004唐山市丰润区科学技术协会", None),
        (1, CODE_1, "科技创新扶持资金", "需修改", COMMENT, None, None, None, None),
        (1, CODE_1, "科技创新扶持资金", None, None, "level2-unknown", "level2", "产出指标/数量指标/奖补数量", "按省科技厅口径保留"),
        (1, CODE_1, "科技创新扶持资金", None, None, "goal-vague", "goals", "第 1 条", None),
        (2, CODE_2, "科技特派员奖补", "已通过", None, None, None, None, None),
        (3, CODE_3, "科普宣传经费", "未审", None, None, None, None, None),
    ]
    assert ws.freeze_panes == "A3"  # the header stays in view
    assert ws.auto_filter.ref == "A2:I9"  # sort and filter from the header
    assert all(cell.font.b for cell in ws[2])
    assert ws["E5"].alignment.wrap_text and ws["E5"].border.left.style == "thin"
    assert ws["I9"].border.bottom.style == "thin"  # every cell of the table is boxed, blank ones too
    assert ws.row_dimensions[5].height > ws.row_dimensions[8].height  # the two-line comment shows whole
    assert ws.column_dimensions["E"].width > ws.column_dimensions["A"].width
    assert ws["B5"].data_type == "s"  # codes stay text


def test_no_review_writes_no_sheet_and_the_same_workbook_as_before(tmp_path):
    document = unreviewed_document()
    before = workbook_bytes(document)
    assert "审核意见" not in build_workbook(document).sheetnames
    assert len(build_workbook(document).sheetnames) == 5
    reviewed = reviewed_document()
    assert workbook_bytes(reviewed) != before
    for _, _, _, project in reviewed.projects():
        project.review = ProjectReview()
    reviewed.accepted = []
    assert workbook_bytes(reviewed) == before  # the review taken back: the workbook it was


def test_a_comment_alone_or_an_accepted_finding_alone_is_a_review(tmp_path):
    document = unreviewed_document()
    document.accepted = [Acceptance(rule="year-implausible", field="year", reason="跨年度项目")]
    assert build_workbook(document).sheetnames[-1] == "审核意见"
    path = tmp_path / "文本.xlsx"
    save_document(document, path)
    assert open_document(path).document == document


# ------------------------------------------------------------------- the clerk's sheets
def clerks_review_list() -> KeptSheet:
    """A clerk's own sheet called 审核意见: a list of projects with a remark, not perfdesk's table."""
    return KeptSheet(name="审核意见", cells=[
        KeptCell(ref="A1", text="科技局内部审核意见汇总"),
        KeptCell(ref="A2", text="序号"), KeptCell(ref="B2", text="项目编码"),
        KeptCell(ref="C2", text="项目名称"), KeptCell(ref="D2", text="审核意见"),
        KeptCell(ref="A3", text="1"), KeptCell(ref="B3", text=CODE_1),
        KeptCell(ref="C3", text="科技创新扶持资金"), KeptCell(ref="D3", text="同意上报"),
    ])


@pytest.mark.parametrize("marked", [True, False])
def test_a_clerks_own_sheet_called_shenhe_yijian_stays_a_kept_sheet(tmp_path, marked):
    document = unreviewed_document()
    document.kept_sheets = [clerks_review_list()]
    path = tmp_path / "文本.xlsx"
    save_document(document, path, marked=marked)
    result = open_document(path)
    assert result.document == document
    assert not result.document.has_review()
    assert [(note.sheet, note.kept) for note in result.notes] == [("审核意见", True)]


def test_with_a_review_the_clerks_sheet_of_that_name_is_kept_beside_perfdesks(tmp_path):
    document = reviewed_document()
    document.kept_sheets = [clerks_review_list()]
    path = tmp_path / "文本.xlsx"
    save_document(document, path)
    assert openpyxl.load_workbook(path).sheetnames[-2:] == ["审核意见", "审核意见 (2)"]
    loaded = open_document(path).document
    assert reviews(loaded) == reviews(document) and loaded.accepted == document.accepted
    assert [sheet.name for sheet in loaded.kept_sheets] == ["审核意见 (2)"]
    assert loaded.kept_sheets[0].cells == clerks_review_list().cells


# ---------------------------------------------------------------- edited in Excel
def test_a_row_for_a_project_not_in_the_text_is_named_with_its_cell(tmp_path):
    document = reviewed_document()
    path = tmp_path / "文本.xlsx"
    save_document(document, path)
    edit(path, lambda wb: wb["审核意见"].append([4, "13020899P99999910001Z", "已撤销的项目", "需修改", "请删除这个项目"]))
    result = open_document(path)
    assert result.notes == [ReadNote("审核意见", "B10", "13020899P99999910001Z", NOT_FOUND)]
    assert result.document == document  # the others are read as they were


def test_a_row_for_a_deleted_project_with_nothing_recorded_is_no_loss(tmp_path):
    path = tmp_path / "文本.xlsx"
    save_document(reviewed_document(), path)
    edit(path, lambda wb: wb["审核意见"].append([4, "13020899P99999910001Z", "已撤销的项目", "未审"]))
    assert open_document(path).notes == []


def test_a_status_that_is_none_of_the_three_is_noted_and_read_as_unreviewed(tmp_path):
    path = tmp_path / "文本.xlsx"
    save_document(reviewed_document(), path)

    def typed(wb):
        wb["审核意见"]["D8"] = "通过了"
        wb["审核意见"]["E8"] = "基本可以"

    edit(path, typed)
    result = open_document(path)
    assert result.notes == [ReadNote("审核意见", "D8", "通过了", "审核状态应为“未审”“需修改”或“已通过”，按“未审”读入")]
    assert reviews(result.document)[CODE_2] == ProjectReview(comment="基本可以")


def test_projects_reordered_by_the_clerk_keep_their_own_reviews(tmp_path):
    document = reviewed_document()
    path = tmp_path / "文本.xlsx"
    save_document(document, path)

    def reorder(wb):  # 目录 deleted, the project sheets dragged into the order 3, 2, 1
        wb.remove(wb["目录"])
        wb.move_sheet("3.科普宣传经费", offset=-2)
        wb.move_sheet("2.科技特派员奖补", offset=-1)

    edit(path, reorder)
    result = open_document(path)
    loaded = result.document
    assert [project.code for _, _, _, project in loaded.projects()] == [CODE_3, CODE_2, CODE_1]
    # the 审核意见 sheet still says 1 for 科技创新扶持资金, now number 3: the code decides
    assert reviews(loaded) == reviews(document)
    assert loaded.accepted == document.accepted
    assert result.notes == []


def test_two_projects_with_the_same_name_are_told_apart_by_their_codes(tmp_path):
    document = clean_document()
    twin = clean_project(CODE_2)  # also named 科技创新扶持资金
    document.units[0].projects.append(twin)
    document.units[0].projects[0].review = ProjectReview(status=ReviewStatus.NEEDS_CHANGES, comment="一号的意见")
    twin.review = ProjectReview(status=ReviewStatus.APPROVED, comment="二号的意见")
    path = tmp_path / "文本.xlsx"
    save_document(document, path)

    def sort_rows(wb):  # the clerk sorts by 审核状态: 已通过 before 需修改, numbers and all
        ws = wb["审核意见"]
        ws["A3"], ws["B3"], ws["D3"], ws["E3"] = 1, CODE_2, "已通过", "二号的意见"
        ws["A4"], ws["B4"], ws["D4"], ws["E4"] = 2, CODE_1, "需修改", "一号的意见"

    edit(path, sort_rows)
    result = open_document(path)
    assert reviews(result.document) == {
        CODE_1: ProjectReview(status=ReviewStatus.NEEDS_CHANGES, comment="一号的意见"),
        CODE_2: ProjectReview(status=ReviewStatus.APPROVED, comment="二号的意见"),
    }
    assert result.notes == []


def test_a_remark_typed_beside_the_table_is_named(tmp_path):
    document = reviewed_document()
    path = tmp_path / "文本.xlsx"
    save_document(document, path)
    edit(path, lambda wb: wb["审核意见"].cell(5, 11, "待局长复核"))
    result = open_document(path)
    assert result.notes == [ReadNote("审核意见", "K5", "待局长复核", "在审核意见表格之外，未读入")]
    assert result.document == document


# ------------------------------------------------------------------- clerks' workbooks
def test_a_sheet_typed_by_hand_into_an_unmarked_workbook(tmp_path):
    """No title row, no 序号 column, columns in another order, rows in any order, stray spaces
    and Windows line breaks: placed by code, else by name."""
    path = tmp_path / "文本.xlsx"
    save_document(unreviewed_document(), path, marked=False)

    def typed(wb):
        ws = wb.create_sheet("审核意见")
        ws.append(["项目 编码", "项目名称", "核实保留的问题(规则)", "字段", "问题位置", "保留理由", "审核状态", "审核意见"])
        ws.append([CODE_1, "", "level2-unknown", "level2", "产出指标/数量指标/奖补数量", "按口径保留"])
        ws.append(["", "科技创新扶持资金", "", "", "", "", "需修改", "请补充\r\n成本测算依据 "])
        ws.append([CODE_2, "", "", "", "", "", " 已通过 "])
        ws.append(["（全文）", "", "markup", "overall_goal", "", "原文如此"])

    edit(path, typed)
    result = open_document(path)
    assert result.notes == []
    assert reviews(result.document) == {
        CODE_1: ProjectReview(status=ReviewStatus.NEEDS_CHANGES, comment="请补充\n成本测算依据", accepted=[
            Acceptance(rule="level2-unknown", field="level2", where="产出指标/数量指标/奖补数量", reason="按口径保留")]),
        CODE_2: ProjectReview(status=ReviewStatus.APPROVED),
        CODE_3: ProjectReview(),
    }
    assert result.document.accepted == [Acceptance(rule="markup", field="overall_goal", reason="原文如此")]


def test_a_hand_made_workbook_with_numbers_only_and_merged_project_cells(tmp_path):
    path = tmp_path / "手工.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "项目表"
    values = dict(code="13020822P00871410001L", name="科技特派员奖补", total="12.50", fiscal="10.00", other="2.50",
                  purpose="用于优秀科技特派员奖励")
    variants.table(ws, 1, "1.科技特派员奖补绩效目标表", "339003唐山市丰润区科学技术局", values,
                   (variants.MONTHS, ("30%", "60%", "90%", "100%")), "1.奖励优秀科技特派员", variants.ROWS_A)
    review = wb.create_sheet("审核意见")
    review.append(["审核意见"])
    review.append(list(HEADER))
    review.append([1, "13020822P00871410001L", "科技特派员奖补", "需修改", "指标值请量化"])
    review.append([None, None, None, None, None, "value-vague", "value", "产出指标/数量指标/科技特派员人数", "已按文件核实"])
    for column in "ABC":  # the clerk merged 序号, 编码 and 名称 over the project's two rows
        review.merge_cells(f"{column}3:{column}4")
    review.append(["1", "", "", "", "", "goal-vague", "goals", "第 1 条", ""])  # named by its number only
    review.append([7, "", "", "需修改", "第七个项目的意见"])  # there is no 7th project
    wb.save(path)

    result = open_document(path)
    project = result.document.units[0].projects[0]
    assert project.code == "13020822P00871410001L"
    assert project.review == ProjectReview(status=ReviewStatus.NEEDS_CHANGES, comment="指标值请量化", accepted=[
        Acceptance(rule="value-vague", field="value", where="产出指标/数量指标/科技特派员人数", reason="已按文件核实"),
        Acceptance(rule="goal-vague", field="goals", where="第 1 条")])
    assert result.notes == [ReadNote("审核意见", "A6", "7", NOT_FOUND)]
    assert result.document.kept_sheets == []
