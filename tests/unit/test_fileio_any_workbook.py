"""Clerks' own workbooks, laid out as they lay them out, read without losing a word.

Each workbook is built here cell by cell with openpyxl the way a clerk types it (Part 1 as
free rows, labels in their own words, unmerged rows, goals in one cell); the expected document
is written by hand from those cells. What the reader cannot place must come back as a note
naming the sheet and the cell, and a save then a reopen must keep every field that was read.
"""

from __future__ import annotations

import re
import time
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from perfdesk.fileio import load_document, open_document, save_document
from perfdesk.fileio.json_io import document_json, read_json
from perfdesk.model import Checkpoint, DocumentStatus, Indicator, Measure, SubGoal

UNIT_LINE = "预算单位：339003唐山市丰润区科学技术局"
INDICATORS = [
    ["产出指标", "数量指标", "奖励人数", "优秀特派员奖励人数", "≥5人", "资金发放表"],
    [None, "时效指标", "发放时间", "奖励金发放时间", "年底前", "工作计划"],
    ["效果指标", "社会效益指标", "带动增收", "带动农民增收", "效果明显", "历史标准"],
    ["满意度指标", "服务对象满意度指标", "满意度", "特派员满意度", "≥95%", "问卷调查"],
]
EXPECTED_INDICATORS = [
    Indicator(level1="产出指标", level2="数量指标", level3="奖励人数", description="优秀特派员奖励人数",
              value="≥5人", basis="资金发放表"),
    Indicator(level1="产出指标", level2="时效指标", level3="发放时间", description="奖励金发放时间",
              value="年底前", basis="工作计划"),
    Indicator(level1="效果指标", level2="社会效益指标", level3="带动增收", description="带动农民增收",
              value="效果明显", basis="历史标准"),
    Indicator(level1="满意度指标", level2="服务对象满意度指标", level3="满意度", description="特派员满意度",
              value="≥95%", basis="问卷调查"),
]
PLAN = [Checkpoint(label="3月底", value=Decimal(30)), Checkpoint(label="6月底", value=Decimal(60)),
        Checkpoint(label="10月底", value=Decimal(90)), Checkpoint(label="12月底", value=Decimal(100))]


def put(ws, rows: list[list], top: int = 1) -> None:
    for r, row in enumerate(rows, top):
        for c, value in enumerate(row, 1):
            if value is not None:
                ws.cell(r, c, value)


def table_rows(labels: dict | None = None, purpose_rows: list[list] | None = None,
               goals: str = "1、奖励优秀科技特派员；2、带动农民增收") -> list[list]:
    """A project table as a clerk types it: no merges, labels in their own words."""
    lab = {"code": "项目编号", "name": "项目名称", "total": "年度预算", "fiscal": "财政拨款:", "other": "其他资金来源",
           "spending": "资金使用计划(%)", "goals": "年度目标", "description": "指标解释", "value": "指标值",
           "basis": "取值依据", "unit": "金额单位：万元"}
    lab.update(labels or {})
    return [["1.科技特派员奖补绩效目标表"],
            [UNIT_LINE, None, None, None, None, lab["unit"]],
            [lab["code"], "13020822P00871410001L", None, lab["name"], "科技特派员奖补"],
            [lab["total"], 12.5, lab["fiscal"], 10, lab["other"], 2.5],
            *(purpose_rows if purpose_rows is not None else [["资金用途", "用于优秀科技特派员奖励"]]),
            [lab["spending"], "3月底", "6月底", "10月底", "12月底"],
            [None, "30%", "60%", "90%", "100%"],
            [lab["goals"], goals],
            ["一级指标", "二级指标", "三级指标", lab["description"], lab["value"], lab["basis"]],
            *INDICATORS]


def workbook(tmp_path: Path, sheets: dict[str, list[list]], name: str = "clerk.xlsx") -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        put(wb.create_sheet(title), rows)
    path = tmp_path / name
    wb.save(path)
    return path


def only_project(path: Path):
    (unit,) = load_document(path).units
    (project,) = unit.projects
    return project


def assert_the_clerks_project(project, goals=("奖励优秀科技特派员", "带动农民增收")) -> None:
    assert project.code == "13020822P00871410001L" and project.name == "科技特派员奖补"
    assert (project.budget_total, project.budget_fiscal, project.budget_other) == (
        Decimal("12.50"), Decimal("10.00"), Decimal("2.50"))
    assert project.purpose == "用于优秀科技特派员奖励"
    assert project.spending_plan.checkpoints == PLAN
    assert project.goals == list(goals)
    assert project.indicators == EXPECTED_INDICATORS


# ------------------------------------------------------------ labels in the clerk's words
@pytest.mark.parametrize("field, spellings", [
    ("code", ["项目编码", "项目编号", "项目代码", "项目编码："]),
    ("total", ["预算数", "年度预算", "预算金额", "资金总额", "项目预算", "预算数（万元）", "预算数:"]),
    ("fiscal", ["其中：财政资金", "财政资金", "财政拨款", "财政拨款:", "财政拨款：", "其中:财政拨款"]),
    ("other", ["其他资金", "其它资金", "其他资金来源"]),
    ("spending", ["资金支出计划（%）", "资金支出计划", "资金使用计划", "支出进度", "支出进度(%)", "资金使用计划（%）"]),
    ("goals", ["绩效目标", "年度绩效目标", "年度目标"]),
    ("description", ["绩效指标描述", "指标内容", "指标解释"]),
    ("basis", ["指标值确定依据", "指标值设定依据", "取值依据", "确定依据"]),
    ("unit", ["单位：万元", "金额单位：万元", "单位:万元"]),
])
def test_every_spelling_of_a_label_reads_the_same_project(tmp_path, field, spellings):
    for spelling in spellings:
        path = workbook(tmp_path, {"项目": table_rows({field: spelling})}, f"{field}.xlsx")
        result = open_document(path)
        (unit,) = result.document.units
        assert (unit.code, unit.name) == ("339003", "唐山市丰润区科学技术局"), spelling
        assert_the_clerks_project(unit.projects[0])
        assert result.notes == [], (spelling, [str(n) for n in result.notes])


@pytest.mark.parametrize("purpose_rows", [
    [["资金用途", "用于优秀科技特派员奖励"]],                       # its own row, unmerged
    [["项目资金用途：", "用于优秀科技特派员奖励"]],                  # another label, with a colon
    [["资金用途：用于优秀科技特派员奖励"]],                         # label and text in one cell
    [["资金用途"], ["用于优秀科技特派员奖励"]],                     # the text under its label
    [[None, "资金用途", "用于优秀科技特派员奖励"]],                 # under the amounts, beside its label
], ids=["own-row", "other-label", "one-cell", "under-label", "under-amounts"])
def test_the_purpose_wherever_the_clerk_put_it(tmp_path, purpose_rows):
    path = workbook(tmp_path, {"项目": table_rows(purpose_rows=purpose_rows)})
    result = open_document(path)
    assert_the_clerks_project(result.document.units[0].projects[0])
    assert result.notes == [], [str(n) for n in result.notes]


@pytest.mark.parametrize("typed, goals", [
    ("1、奖励优秀科技特派员；2、带动农民增收", ["奖励优秀科技特派员", "带动农民增收"]),
    ("（1）奖励优秀科技特派员（2）带动农民增收", ["奖励优秀科技特派员", "带动农民增收"]),
    ("(1)奖励优秀科技特派员；(2)带动农民增收。", ["奖励优秀科技特派员", "带动农民增收。"]),
    ("1.奖励优秀科技特派员\n2.带动农民增收", ["奖励优秀科技特派员", "带动农民增收"]),
    ("奖励优秀科技特派员\n带动农民增收", ["奖励优秀科技特派员", "带动农民增收"]),
    # a real document's typo: the goal's text begins with "1." — kept, so it prints 1.1.为…
    ("1.1.为特派员发放奖励\n2.带动农民增收", ["1.为特派员发放奖励", "带动农民增收"]),
    ("1.投入1.5万元奖励特派员\n2.带动农民增收", ["投入1.5万元奖励特派员", "带动农民增收"]),
])
def test_goals_typed_in_one_cell_become_separate_goals(tmp_path, typed, goals):
    path = workbook(tmp_path, {"项目": table_rows(goals=typed)})
    assert only_project(path).goals == goals


# ------------------------------------------------------------ Part 1 and the cover from free rows
PART1_FREE = ["XX县科学技术局", "2022年部门预算绩效文本", "（草案）", "第一部分 部门整体绩效目标", "一、总体绩效目标",
              "推动科技创新，服务县域经济。", "二、分项绩效目标", "（一）科技创新", "绩效目标：提升企业创新能力。",
              "绩效指标：高新技术企业新增5家。", "（二）科学普及", "绩效目标：开展科普活动。", "三、工作保障措施",
              "一、加强组织领导", "（一）成立领导小组。", "（二）明确责任分工。", "二、强化资金管理"]
SUB_GOALS = [SubGoal(title="科技创新", goal="提升企业创新能力。", indicators="高新技术企业新增5家。"),
             SubGoal(title="科学普及", goal="开展科普活动。", indicators="")]
MEASURES = [Measure(text="加强组织领导", items=["成立领导小组。", "明确责任分工。"]), Measure(text="强化资金管理")]


def test_part1_laid_out_as_the_published_document_on_the_first_sheet(tmp_path):
    path = workbook(tmp_path, {"Sheet1": [[line] for line in PART1_FREE], "项目": table_rows()})
    result = open_document(path)
    document = result.document
    assert (document.department, document.year, document.status) == ("XX县科学技术局", 2022, DocumentStatus.DRAFT)
    assert document.part1.overall_goal == "推动科技创新，服务县域经济。"
    assert document.part1.sub_goals == SUB_GOALS
    assert document.part1.measures == MEASURES
    assert_the_clerks_project(document.units[0].projects[0])
    assert result.notes == [], [str(n) for n in result.notes]


def test_part1_with_label_rows_for_the_cover_and_other_heading_words(tmp_path):
    rows = [["单位名称：", "XX县工业和信息化局"], ["预算年度", 2023], ["编制", "XX县工业和信息化局财务股"],
            ["审核", "XX县财政局"], ["部门总体绩效目标及保障措施"], ["一、部门整体绩效目标"],
            ["1、服务工业企业发展；2、推进信息化建设。"], ["二、分项绩效目标"], ["1.工业发展"],
            ["绩效目标：规上企业增加3家。"], ["2.信息化建设"], ["绩效目标：建成政务云平台。"],
            ["绩效指标：平台可用率≥99%。"], ["三、保障措施"], ["1、加强领导。"], ["2、规范资金管理。"]]
    path = workbook(tmp_path, {"第一部分": rows, "项目": table_rows()})
    result = open_document(path)
    document = result.document
    assert document.department == "XX县工业和信息化局" and document.year == 2023
    assert (document.prepared_by, document.reviewed_by) == ("XX县工业和信息化局财务股", "XX县财政局")
    assert document.part1.overall_goal == "1、服务工业企业发展；2、推进信息化建设。"
    assert document.part1.sub_goals == [
        SubGoal(title="工业发展", goal="规上企业增加3家。"),
        SubGoal(title="信息化建设", goal="建成政务云平台。", indicators="平台可用率≥99%。")]
    assert document.part1.measures == [Measure(text="加强领导。"), Measure(text="规范资金管理。")]
    assert result.notes == [], [str(n) for n in result.notes]


def test_part1_with_numbers_and_labels_in_cells_of_their_own(tmp_path):
    rows = [["部门名称", "XX区科技局"], ["预算年度", "2024年"], ["一、总体绩效目标", "做好科技工作。\n服务创新发展。"],
            ["二、分项绩效目标"], ["（一）", "科技创新"], ["绩效目标", "提升企业创新能力。"],
            ["绩效指标", "高新技术企业新增5家。"], ["（二）", "科学普及"], ["绩效目标", "开展科普活动。"],
            ["三、工作保障措施"], ["一、", "加强组织领导"], ["（一）", "成立领导小组。"], ["（二）", "明确责任分工。"],
            ["二、", "强化资金管理"]]
    path = workbook(tmp_path, {"封面": rows, "项目": table_rows()})
    document = load_document(path)
    assert (document.department, document.year) == ("XX区科技局", 2024)
    assert document.part1.overall_goal == "做好科技工作。\n服务创新发展。"
    assert document.part1.sub_goals == SUB_GOALS
    assert document.part1.measures == MEASURES


def test_part1_above_the_tables_on_one_sheet(tmp_path):
    rows = [[line] for line in PART1_FREE] + [["第二部分 预算项目绩效目标"]] + table_rows()
    path = workbook(tmp_path, {"全部": rows})
    result = open_document(path)
    assert result.document.department == "XX县科学技术局" and result.document.part1.measures == MEASURES
    assert_the_clerks_project(result.document.units[0].projects[0])
    assert result.notes == [], [str(n) for n in result.notes]


# ------------------------------------------------------------ never silent
def test_what_cannot_be_placed_is_noted_with_its_sheet_and_cell(tmp_path):
    rows = table_rows()
    rows[3] += ["备注", "续建项目"]                  # G4/H4: a label the reader does not know
    rows[-1] = rows[-1] + [None, "这一行是后加的"]    # H15: beside an indicator row
    rows += [["注：本表由财务股填写"], ["审核人：张三"]]  # A16, A17: under the table
    # the table starts at row 3 of its sheet, under a line and a blank row
    part1 = [[line] for line in PART1_FREE]
    part1.insert(7, ["分项目标如下："])  # A8: under 二、分项绩效目标, before any sub-goal
    path = workbook(tmp_path, {"Sheet1": part1,
                               "项目": [["本表为2022年度预算项目"]] + [[]] + rows,
                               "说明": [["填表说明"], ["1.金额单位为万元"]]})
    result = open_document(path)
    shown = {(n.sheet, n.cell): n for n in result.notes}
    assert ("项目", "G6") in shown and shown[("项目", "G6")].text == "备注"
    assert ("项目", "H6") in shown and shown[("项目", "H6")].text == "续建项目"
    assert shown[("项目", "H15")].text == "这一行是后加的"
    assert shown[("项目", "A16")].text == "注：本表由财务股填写"
    assert shown[("项目", "A17")].text == "审核人：张三"
    assert shown[("项目", "A1")].text == "本表为2022年度预算项目"
    assert shown[("Sheet1", "A8")].text == "分项目标如下："
    assert any(n.sheet == "说明" for n in result.notes)
    assert all("未读入" in n.reason or n.kept for n in result.notes)
    assert_the_clerks_project(result.document.units[0].projects[0])  # and the rest is read as before
    for note in result.notes:  # each says where, so the clerk can find it
        assert str(note).startswith(f"工作表“{note.sheet}”")


def test_a_sum_row_under_the_indicators_is_noted_not_dropped_silently(tmp_path):
    rows = table_rows() + [["合计", None, None, None, None, None]]
    path = workbook(tmp_path, {"项目": rows})
    result = open_document(path)
    assert [(n.sheet, n.cell, n.text) for n in result.notes] == [("项目", "A14", "合计")]  # under row 13


def test_where_each_field_came_from(tmp_path):
    path = workbook(tmp_path, {"项目": [[], []] + table_rows()})  # the table starts at row 3
    result = open_document(path)
    project = result.document.units[0].projects[0]
    origin = result.origins.of(project)
    assert origin.sheet == "项目"
    assert {k: v.cell for k, v in origin.fields.items()} == {
        "code": "B5", "name": "E5", "budget_total": "B6", "budget_fiscal": "D6", "budget_other": "F6",
        "purpose": "B7", "spending_plan": "A8", "goals": "B10"}
    assert [row["value"].cell for row in origin.indicators] == ["E12", "E13", "E14", "E15"]
    assert [row["level1"].cell for row in origin.indicators] == ["A12", "A13", "A14", "A15"]


# ------------------------------------------------------------ a save keeps every field
def test_open_save_reopen_and_json_keep_every_field(tmp_path):
    path = workbook(tmp_path, {"Sheet1": [[line] for line in PART1_FREE], "项目": table_rows()})
    document = load_document(path)
    saved = tmp_path / "saved.xlsx"
    save_document(document, saved)
    assert load_document(saved) == document
    (tmp_path / "saved.json").write_bytes(document_json(document))
    assert read_json(str(tmp_path / "saved.json")) == document
    assert load_document(saved).part1.sub_goals == SUB_GOALS


# ------------------------------------------------------------ a table stops where a table stops
def test_a_hundred_thousand_rows_of_pasted_text_open_with_a_note_not_as_indicators(tmp_path):
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("项目")
    for row in table_rows():
        ws.append(row)
    for i in range(1, 100_001):  # rows 14 to 100,013
        ws.append([f"粘贴的第{i}行文字"])
    path = tmp_path / "pasted.xlsx"
    wb.save(path)
    started = time.perf_counter()
    result = open_document(path)
    assert time.perf_counter() - started < 20  # seconds, on a slow shared machine; about 3 s here
    assert_the_clerks_project(result.document.units[0].projects[0])  # the four real rows only
    assert result.notes[0].cell == "A14" and result.notes[0].text == "粘贴的第1行文字"
    said = " ".join(str(note) for note in result.notes)
    assert "第 34 行以下还有" in said  # rows 34 … counted, not listed one by one
    assert len(result.notes) < 30
    # every pasted row is in one note or another: 20 listed, the rest counted
    counted = sum(int(re.search(r"还有 (\d+) 行", n.reason).group(1)) for n in result.notes if "还有" in n.reason)
    assert counted + sum(1 for n in result.notes if "还有" not in n.reason) == 100_000


def test_a_sheet_perfdesk_does_not_understand_goes_through_a_save(tmp_path):
    path = workbook(tmp_path, {"项目": table_rows(), "填表说明": [["填表说明"], ["1.金额单位为万元", 12.5]]})
    result = open_document(path)
    (note,) = result.notes
    assert note.sheet == "填表说明" and note.kept and "保留" in note.reason
    saved = tmp_path / "saved.xlsx"
    save_document(result.document, saved)
    again = open_document(saved)
    assert again.document == result.document
    (sheet,) = again.document.kept_sheets
    assert sheet.name == "填表说明"
    assert [(c.ref, c.text, c.number) for c in sheet.cells] == [
        ("A1", "填表说明", None), ("A2", "1.金额单位为万元", None), ("B2", None, Decimal("12.5"))]


def test_a_row_number_column_beside_the_indicators_is_read_past_without_notes(tmp_path):
    """Clerks number the indicator rows in a 序号 column of their own (left of 一级指标): the
    numbers are no remark to report, and the rows read as without it."""
    rows = table_rows()
    header = next(i for i, row in enumerate(rows) if row and row[0] == "一级指标")
    numbered = [[None, *row] for row in rows]
    numbered[header][0] = "序号"
    for n, i in enumerate(range(header + 1, len(rows)), 1):
        numbered[i][0] = n
    path = workbook(tmp_path, {"项目": numbered})
    result = open_document(path)
    (project,) = result.document.units[0].projects
    assert_the_clerks_project(project)
    assert [str(note) for note in result.notes] == []
