"""The annotated copy (批注版): each finding a comment on the clerk's own cell, the original untouched.

Faults are planted in workbooks of three layouts (perfdesk's official one, tables stacked on
one sheet in a clerk's own words, a clerk's table with a column inserted before it); the
cell each comment must sit on is worked out by hand from the rows written here.
"""

from __future__ import annotations

import dataclasses
from copy import copy
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from openpyxl import Workbook
from openpyxl.comments import Comment

from perfdesk.cli.main import main
from perfdesk.errors import PerfdeskError
from perfdesk.fileio import save_document
from perfdesk.fileio.json_io import document_json
from perfdesk.model import SpendingPlan
from perfdesk.papers.annotate import annotate_file, annotate_workbook
from perfdesk.papers.checked import check_file

from unit.review_documents import clean_document, clean_project

RED, YELLOW = "FCE4D6", "FFF2CC"


# ------------------------------------------------------------ workbooks with planted faults
def official(tmp_path: Path) -> Path:
    """Two projects in perfdesk's layout; the second one, on sheet “2.科技项目二”, carries the faults.
    Layout: row 3 项目编码, row 4 预算数 C4 / 财政资金 E4 / 其他资金 G4, row 7 the plan's values
    B7 D7 F7 G7, header row 9, indicator rows from 10 (A 一级 merged, F 指标值)."""
    document = clean_document()
    second = clean_project("13020822P00933810002B")
    second.name = "科技项目二"
    second.budget_fiscal = Decimal("250.00")                           # 250 + 0 ≠ 300: E4
    second.spending_plan = SpendingPlan.of(["30", "60", "90", "95"])   # never reaches 100: G7
    second.indicators[2].value = ""                                   # row 3 → sheet row 12: F12
    for row in (4, 5):                                                # rows 5, 6 → A14, A15, merged A14:A15
        second.indicators[row].level1 = "效果指标"
    document.units[0].projects.append(second)
    path = tmp_path / "丰润科技局.xlsx"
    save_document(document, path)
    # The clerk left a note on the empty cell before sending the workbook.
    workbook = openpyxl.load_workbook(path)
    workbook["2.科技项目二"]["F12"].comment = Comment("张三：时间待业务股确认", "张三")
    workbook.save(path)
    return path


UNIT_LINE = "预算单位：339003唐山市丰润区科学技术局"
INDICATORS = [
    ["产出指标", "数量指标", "奖励人数", "优秀特派员奖励人数", "≥5人", "资金发放表"],
    ["产出指标", "质量指标", "发放准确率", "奖励发放准确率", "≥98%", "工作标准"],
    ["产出指标", "时效指标", "发放时间", "奖励金发放时间", "年底前", "工作计划"],
    ["产出指标", "成本指标", "人均奖励", "每人奖励金额", "≤0.5万元", "历史标准"],
    ["效益指标", "社会效益指标", "带动增收", "带动农民增收", "≥10%", "历史标准"],
    ["满意度指标", "服务对象满意度指标", "满意度", "特派员满意度", "≥95%", "问卷调查"],
]


def clerk_table(number: int, code: str, name: str, amounts: tuple, quality_value: str | None = "≥98%") -> list[list]:
    """A table as a clerk types it: 15 rows, no merges, labels in the clerk's words.
    Rows: 1 title, 2 unit, 3 项目编号, 4 年度预算/财政拨款/其他资金 (values in B, D, F),
    5 资金用途, 6-7 plan, 8 年度目标, 9 header, 10-15 indicators (指标值 in column E)."""
    rows = [list(row) for row in INDICATORS]
    rows[1][4] = quality_value
    total, fiscal, other = amounts
    return [[f"{number}.{name}绩效目标表"], [UNIT_LINE, None, None, None, None, "金额单位：万元"],
            ["项目编号", code, None, "项目名称", name],
            ["年度预算", total, "财政拨款", fiscal, "其他资金", other],
            ["资金用途", "用于" + name],
            ["资金使用计划(%)", "3月底", "6月底", "10月底", "12月底"],
            [None, "30%", "60%", "90%", "100%"],
            ["年度目标", "1、完成" + name],
            ["一级指标", "二级指标", "三级指标", "指标解释", "指标值", "取值依据"],
            *rows]


def write_sheet(ws, rows: list[list], left: int = 1) -> None:
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row, left):
            if value is not None:
                ws.cell(r, c, value)


def stacked(tmp_path: Path) -> Path:
    """Two tables one under the other on sheet “项目表”: the first on rows 1-15 (clean), a blank
    row 16, the second on rows 17-31 with 年度预算 8 ≠ 6 + 1 (财政拨款 in D20) and the 质量指标
    row's 指标值 left empty (its 2nd indicator row: row 27, column E)."""
    rows = clerk_table(1, "13020822P00871410001L", "科技特派员奖补", (12.5, 10, 2.5)) + [[]] + \
        clerk_table(2, "13020822P00871410002M", "科普宣传经费", (8, 6, 1), quality_value=None)
    workbook = Workbook()
    write_sheet(workbook.active, rows)
    workbook.active.title = "项目表"
    path = tmp_path / "stacked.xlsx"
    workbook.save(path)
    return path


def shifted(tmp_path: Path) -> Path:
    """One clerk table moved right by a 序号 column (A9 序号, A10-A15 numbers): 指标值 is column F,
    the 质量指标 row is row 11, so its empty 指标值 is F11. The clerk has a sheet 审核问题 of their own."""
    workbook = Workbook()
    ws = workbook.active
    ws.title = "项目"
    write_sheet(ws, clerk_table(1, "13020822P00871410001L", "科技特派员奖补", (12.5, 10, 2.5), quality_value=None),
                left=2)
    ws["A9"] = "序号"
    for number in range(1, 7):
        ws.cell(9 + number, 1, number)
    workbook.create_sheet("审核问题")["A1"] = "财务股自查记录"
    path = tmp_path / "shifted.xlsx"
    workbook.save(path)
    return path


# ------------------------------------------------------------ helpers reading the copy
def comments(path: Path) -> dict[tuple[str, str], Comment]:
    workbook = openpyxl.load_workbook(path)
    return {(ws.title, cell.coordinate): cell.comment
            for ws in workbook.worksheets for row in ws.iter_rows() for cell in row if cell.comment}


def values(path: Path, sheets: list[str] | None = None) -> dict[str, list[tuple]]:
    workbook = openpyxl.load_workbook(path)
    return {title: list(workbook[title].iter_rows(values_only=True)) for title in sheets or workbook.sheetnames}


def fill(path: Path, sheet: str, cell: str) -> str:
    colour = openpyxl.load_workbook(path)[sheet][cell].fill
    return colour.fgColor.rgb[-6:] if colour.fill_type == "solid" else "none"


def style(cell) -> tuple:
    """The cell's font, border, alignment and number format (styles copied out of openpyxl's proxies)."""
    return (copy(cell.font), copy(cell.border), copy(cell.alignment), cell.number_format)


def annotate(source: Path, target: Path, **accepted: str) -> tuple[int, list]:
    """Check ``source`` and annotate it; ``accepted`` marks findings of those rules as accepted
    with the given reason, as the bureau's acceptance would."""
    located = check_file(str(source)).located
    located = [dataclasses.replace(item, accepted=accepted[item.finding.rule.replace("-", "_")])
               if item.finding.rule.replace("-", "_") in accepted else item for item in located]
    return annotate_workbook(source, target, located), located


# ------------------------------------------------------------ the official layout
def test_each_finding_is_a_comment_on_its_cell_in_the_official_layout(tmp_path):
    source = official(tmp_path)
    before = source.read_bytes()
    target = tmp_path / "批注版.xlsx"
    count, _ = annotate(source, target)
    found = comments(target)
    sheet = "2.科技项目二"
    assert set(found) == {(sheet, "E4"), (sheet, "G7"), (sheet, "F12"), (sheet, "A14")}
    assert count == 4
    assert all(comment.author == "审核" for comment in found.values())
    assert found[(sheet, "E4")].text == "[错误] 财政资金 250.00 加其他资金 空 等于 250.00，不等于预算数 300.00，请核对金额。"
    assert found[(sheet, "G7")].text.startswith("[错误] 资金支出计划到12月底累计 95%")
    # both 效果指标 rows are under one merged 一级指标 cell A14:A15: one comment on A14, a line each
    assert found[(sheet, "A14")].text.split("\n") == ["[提示] 一级指标“效果指标”是旧名称，现行指标体系称“效益指标”。"] * 2
    # the clerk's own note stays, ours below it
    assert found[(sheet, "F12")].text.split("\n") == ["张三：时间待业务股确认", "———— 审核意见 ————", "[错误] 指标值为空，请填写。"]
    # the clean first project has no comment, and the original is byte for byte as it was
    assert not any(title == "1.科技创新扶持资金" for title, _ in found)
    assert source.read_bytes() == before


def test_the_copy_keeps_the_clerks_workbook(tmp_path):
    source = official(tmp_path)
    target = tmp_path / "批注版.xlsx"
    annotate(source, target)
    original, copy = openpyxl.load_workbook(source), openpyxl.load_workbook(target)
    assert copy.sheetnames == original.sheetnames + ["审核问题"]
    for ws in original.worksheets:
        theirs = copy[ws.title]
        assert list(theirs.iter_rows(values_only=True)) == list(ws.iter_rows(values_only=True)), ws.title
        assert {str(r) for r in theirs.merged_cells.ranges} == {str(r) for r in ws.merged_cells.ranges}
        assert {k: d.width for k, d in theirs.column_dimensions.items()} == \
            {k: d.width for k, d in ws.column_dimensions.items()}
        assert theirs.page_setup.orientation == ws.page_setup.orientation
        assert theirs.print_title_rows == ws.print_title_rows
    # a marked cell changes its fill only: red for an error, its font and border as they were
    sheet = "2.科技项目二"
    assert fill(target, sheet, "F12") == RED and fill(target, sheet, "A14") == YELLOW
    for cell in ("F12", "A14", "E4"):
        mine, theirs = copy[sheet][cell], original[sheet][cell]
        assert style(mine) == style(theirs), cell
    assert fill(target, sheet, "F11") == fill(source, sheet, "F11")  # no finding, not marked


def test_an_accepted_finding_is_listed_marked_and_not_painted_red(tmp_path):
    source = official(tmp_path)
    target = tmp_path / "批注版.xlsx"
    annotate(source, target, plan_not_100="年底结转5%")
    comment = comments(target)[("2.科技项目二", "G7")]
    assert comment.text == "[已核实保留] 资金支出计划到12月底累计 95%，累计支出应在12月底达到 100%，请核对。（理由：年底结转5%）"
    assert fill(target, "2.科技项目二", "G7") == fill(source, "2.科技项目二", "G7")
    rows = list(openpyxl.load_workbook(target)["审核问题"].iter_rows(values_only=True))
    assert ("已核实保留（理由：年底结转5%）" in [row[3] for row in rows])


def test_the_issues_sheet_lists_every_finding(tmp_path):
    source = official(tmp_path)
    target = tmp_path / "批注版.xlsx"
    _, located = annotate(source, target)
    sheet = openpyxl.load_workbook(target)["审核问题"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("位置", "严重程度", "问题", "核实情况")
    assert [(row[1], row[2]) for row in rows[1:]] == [(i.finding.severity.label, i.finding.message) for i in located]
    assert len(rows) == 1 + 5  # budget-sum, plan-not-100, value-empty, level1-old-name twice
    assert rows[3][0].startswith("工作表“2.科技项目二” F12")
    # the place is a link to the cell
    assert sheet["A4"].hyperlink.location == "'2.科技项目二'!F12"


# ------------------------------------------------------------ a clerk's layouts
def test_a_fault_in_the_second_stacked_table_is_commented_at_its_own_row(tmp_path):
    source = stacked(tmp_path)
    target = tmp_path / "stacked-批注.xlsx"
    count, located = annotate(source, target)
    found = comments(target)
    assert set(found) == {("项目表", "D20"), ("项目表", "E27")}
    assert count == 2
    assert found[("项目表", "E27")].text == "[错误] 指标值为空，请填写。"
    assert found[("项目表", "D20")].text == "[错误] 财政资金 6.00 加其他资金 1.00 等于 7.00，不等于预算数 8.00，请核对金额。"
    assert fill(target, "项目表", "E27") == RED
    assert values(target, ["项目表"]) == values(source)
    # the workbook has no cover: findings about the department have no cell, and are listed all the same
    without_cell = [item for item in located if item.place is None]
    assert {item.finding.rule for item in without_cell} >= {"department-missing", "year-missing"}
    rows = list(openpyxl.load_workbook(target)["审核问题"].iter_rows(values_only=True))[1:]
    assert [row[2] for row in rows] == [item.finding.message for item in located]
    assert "部门名称为空，请在封面填写部门全称。" in [row[2] for row in rows if "未能对应到单元格" in row[0]]


def test_a_column_inserted_before_the_table_moves_the_comment_with_it(tmp_path):
    source = shifted(tmp_path)
    before = source.read_bytes()
    target = tmp_path / "shifted-批注.xlsx"
    count, _ = annotate(source, target)
    assert count == 1
    (place, comment), = comments(target).items()
    assert place == ("项目", "F11") and comment.text == "[错误] 指标值为空，请填写。" and comment.author == "审核"
    # the clerk's own sheet 审核问题 is kept; ours gets another name
    copy = openpyxl.load_workbook(target)
    assert copy.sheetnames == ["项目", "审核问题", "审核问题2"]
    assert copy["审核问题"]["A1"].value == "财务股自查记录"
    assert values(target, ["项目", "审核问题"]) == values(source)
    assert source.read_bytes() == before


def test_a_macro_workbook_gives_a_plain_xlsx_copy(tmp_path):
    source = tmp_path / "宏.xlsm"
    openpyxl.load_workbook(shifted(tmp_path), keep_vba=True).save(source)
    with zipfile.ZipFile(source) as archive:
        assert "macroEnabled" in archive.read("[Content_Types].xml").decode()
    target = tmp_path / "宏-批注.xlsx"
    count, _ = annotate(source, target)
    assert count == 1
    with zipfile.ZipFile(target) as archive:
        assert "macroEnabled" not in archive.read("[Content_Types].xml").decode()
    assert ("项目", "F11") in comments(target)


# ------------------------------------------------------------ refusals
def test_the_original_is_never_the_target(tmp_path):
    source = shifted(tmp_path)
    before = source.read_bytes()
    with pytest.raises(PerfdeskError, match="不能覆盖原文件"):
        annotate_workbook(source, tmp_path / "sub" / ".." / "shifted.xlsx", check_file(str(source)).located)
    assert source.read_bytes() == before


def test_targets_other_than_xlsx_and_json_sources_are_refused(tmp_path):
    source = shifted(tmp_path)
    with pytest.raises(PerfdeskError, match=r"\.xlsx") as refused:
        annotate_workbook(source, tmp_path / "批注.pdf", [])
    assert "批注.pdf" in str(refused.value)
    assert not (tmp_path / "批注.pdf").exists()
    json_file = tmp_path / "丰润.json"
    json_file.write_bytes(document_json(clean_document()))
    with pytest.raises(PerfdeskError, match="批注版只能从 .xlsx 工作簿生成"):
        annotate_file(json_file, tmp_path / "out.xlsx")
    assert not (tmp_path / "out.xlsx").exists()


def test_annotate_file_checks_then_writes(tmp_path):
    target = tmp_path / "out.xlsx"
    assert annotate_file(stacked(tmp_path), target) == 2
    assert set(comments(target)) == {("项目表", "D20"), ("项目表", "E27")}
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a workbook")
    with pytest.raises(PerfdeskError, match="broken.xlsx"):
        annotate_file(broken, tmp_path / "out2.xlsx")


# ------------------------------------------------------------ the command line
def test_check_annotate_writes_the_copy_and_says_how_many_comments(tmp_path, capsys):
    source = official(tmp_path)
    before = source.read_bytes()
    target = tmp_path / "批注版.xlsx"
    assert main(["check", str(source), "--annotate", str(target)]) == 2  # errors were found
    out = capsys.readouterr().out
    assert f"已写出批注版：{target}（4 条批注；原文件未改动）" in out
    assert ("2.科技项目二", "F12") in comments(target)
    assert source.read_bytes() == before


def test_check_annotate_refuses_two_files_and_a_pdf_target(tmp_path, capsys):
    first, second = shifted(tmp_path), stacked(tmp_path)
    assert main(["check", str(first), str(second), "--annotate", str(tmp_path / "out.xlsx")]) == 2
    assert "--annotate 只能用于一个文件" in capsys.readouterr().err
    assert not (tmp_path / "out.xlsx").exists()
    assert main(["check", str(first), "--annotate", str(tmp_path / "out.pdf")]) == 2
    err = capsys.readouterr().err
    assert "批注版要保存为 .xlsx 工作簿" in err and "Traceback" not in err
    assert not (tmp_path / "out.pdf").exists()


def test_the_returned_copy_opened_in_perfdesk_lists_the_bureaus_comments(tmp_path):
    """The department's clerk opens the annotated copy in perfdesk: each comment is listed with
    its cell (perfdesk keeps no comments, so they are named before a save would drop them), the
    findings list is not kept as a sheet of the text, and the document is the one reviewed."""
    from perfdesk.fileio import open_document

    source = stacked(tmp_path)
    target = tmp_path / "stacked-批注.xlsx"
    annotate(source, target)
    opened = open_document(target)
    commented = {(note.sheet, note.cell): note.text for note in opened.notes if "单元格批注" in note.reason}
    assert commented == {("项目表", "E27"): "[错误] 指标值为空，请填写。",
                         ("项目表", "D20"): "[错误] 财政资金 6.00 加其他资金 1.00 等于 7.00，不等于预算数 8.00，请核对金额。"}
    assert opened.document.kept_sheets == []
    assert any(note.sheet == "审核问题" and not note.kept for note in opened.notes)
    assert opened.document == open_document(source).document
