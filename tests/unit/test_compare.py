"""``perfdesk compare``: what changed between two versions of a document, each change exactly
once with its old and new text, and nothing for what did not change (a row moved, another
template layout, Windows line ends, the bureau's review).

The edits are made by hand on a copy of the transcribed 抚宁 2024 text; the expected changes
are written out from those edits, not produced by the comparison.
"""

from __future__ import annotations

import copy
import json
import sys
import types
from decimal import Decimal
from pathlib import Path

import pytest
from expected_samples import funing_2024
from openpyxl import Workbook

from perfdesk.cli.main import main
from perfdesk.compare import ADDED, CHANGED, REMOVED, Change, compare_documents
from perfdesk.fileio import load_document, save_document
from perfdesk.model import (
    BudgetUnit, Document, DocumentStatus, Indicator, Measure, Part1, Project, ReviewStatus, SpendingPlan, SubGoal,
)
from perfdesk.resources import resource_path

from unit.review_documents import clean_document

OLD_REMOVED = "关于确认下达2023年支持市县科技创新和科学普及专项资金（高新技术企业认定奖补）预算的通知"
NEW_PROJECT = Project(code="13030624P00999910001X", name="中小企业数字化转型补助", budget_total="8.00",
                      budget_fiscal="8.00", purpose="用于中小企业数字化转型补助",
                      spending_plan=SpendingPlan.of(["25", "50", "75", "100"]), goals=["推动企业上云"],
                      indicators=[Indicator(level1="产出指标", level2="数量指标", level3="补助企业数",
                                            description="获得补助的企业数量", value="≥4家", basis="工作计划")])
FIRST = dict(project_code="13030624P00530210007P", project_name="2024年改制企业相关费用", unit=0, project=0)
SECOND = dict(project_code="13030624P000011100023", project_name="拨付邓庆久等人参照行政退休人员待遇资金", unit=0, project=1)
THIRD = dict(project_code="13030624P00D2K010004P", project_name="工业技改项目中小微企业发展项目跑办费", unit=0, project=2)

# What the edits of `edited` must give, in the order they are reported: project by project in
# the new version's order, the removed project last.
EXPECTED = [
    Change(CHANGED, "budget_total", old="564.00", new="600.00", **FIRST),
    Change(CHANGED, "value", old="≥400人", new="≥420人", indicator="产出指标/数量指标/改制人员", row=1, **FIRST),
    Change(CHANGED, "goals", old="拨付八十周岁以上退休干部护理费", new="按时拨付八十周岁以上退休干部护理费",
           item=1, **SECOND),
    Change(ADDED, "indicator", new="走访次数", indicator="产出指标/数量指标/走访次数", row=0, **SECOND),
    Change(CHANGED, "level3", old="及时率", new="任务完成及时率", indicator="产出指标/时效指标/任务完成及时率",
           row=5, **THIRD),
    Change(ADDED, "project", new="中小企业数字化转型补助", project_code="13030624P00999910001X",
           project_name="中小企业数字化转型补助", unit=0, project=9),
    Change(REMOVED, "project", old=OLD_REMOVED, project_code="13030623P00578710007E", project_name=OLD_REMOVED),
]


def edited(document: Document) -> Document:
    """A copy with seven edits a clerk makes between the 草案 and the 正式."""
    new = copy.deepcopy(document)
    first, second, third = new.units[0].projects[:3]
    first.budget_total = Decimal("600")                          # an amount
    first.indicators[1].value = "≥420人"                           # a 指标值
    second.goals[1] = "按时拨付八十周岁以上退休干部护理费"           # a goal rewritten
    third.indicators[5].level3 = "任务完成及时率"                   # a 三级 renamed (及时率)
    second.indicators.insert(0, Indicator(level1="产出指标", level2="数量指标", level3="走访次数",
                                          description="走访退休人员次数", value="≥12次", basis="工作计划"))
    assert new.units[0].projects[3].name == OLD_REMOVED
    del new.units[0].projects[3]                                  # a project removed
    new.units[0].projects.append(NEW_PROJECT.model_copy(deep=True))  # a project added
    return new


def json_changes(capsys) -> list[tuple]:
    records = json.loads(capsys.readouterr().out)["changes"]
    return [(r["kind"], r["field"], r["old"], r["new"], r["project_code"], r["indicator"]) for r in records]


# ------------------------------------------------------------------ known edits
def test_each_known_edit_is_reported_once_with_its_old_and_new_text_and_nothing_else():
    old = funing_2024.build()
    assert compare_documents(old, edited(old)) == EXPECTED


def test_the_same_edits_between_two_saved_workbooks_through_the_command_line(tmp_path, capsys):
    old = funing_2024.build()
    save_document(old, tmp_path / "草案.xlsx")
    save_document(edited(old), tmp_path / "正式.xlsx")
    assert main(["compare", str(tmp_path / "草案.xlsx"), str(tmp_path / "正式.xlsx"), "--json"]) == 1
    assert json_changes(capsys) == [
        ("changed", "budget_total", "564.00", "600.00", "13030624P00530210007P", None),
        ("changed", "value", "≥400人", "≥420人", "13030624P00530210007P", "产出指标/数量指标/改制人员"),
        ("changed", "goals", "拨付八十周岁以上退休干部护理费", "按时拨付八十周岁以上退休干部护理费",
         "13030624P000011100023", None),
        ("added", "indicator", None, "走访次数", "13030624P000011100023", "产出指标/数量指标/走访次数"),
        ("changed", "level3", "及时率", "任务完成及时率", "13030624P00D2K010004P", "产出指标/时效指标/任务完成及时率"),
        ("added", "project", None, "中小企业数字化转型补助", "13030624P00999910001X", None),
        ("removed", "project", OLD_REMOVED, None, "13030623P00578710007E", None),
    ]


def test_the_readable_report_groups_the_changes_by_project(tmp_path, capsys):
    old = funing_2024.build()
    save_document(old, tmp_path / "草案.xlsx")
    save_document(edited(old), tmp_path / "正式.xlsx")
    assert main(["compare", str(tmp_path / "草案.xlsx"), str(tmp_path / "正式.xlsx")]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[:3] == ["== 第 1 个项目 13030624P00530210007P 2024年改制企业相关费用",
                         "  [修改] 预算数：564.00 → 600.00",
                         "  [修改] 指标 产出指标/数量指标/改制人员 指标值：≥400人 → ≥420人"]
    assert "== 第 2 个项目 13030624P000011100023 拨付邓庆久等人参照行政退休人员待遇资金" in lines
    assert "  [修改] 绩效目标 第 2 条：拨付八十周岁以上退休干部护理费 → 按时拨付八十周岁以上退休干部护理费" in lines
    assert "  [新增] 指标 产出指标/数量指标/走访次数" in lines
    assert "  [修改] 指标 产出指标/时效指标/任务完成及时率 三级指标：及时率 → 任务完成及时率" in lines
    assert "== 第 10 个项目 13030624P00999910001X 中小企业数字化转型补助" in lines
    assert "  [新增] 项目 中小企业数字化转型补助" in lines
    assert f"  [删除] 项目 {OLD_REMOVED}" in lines
    assert lines[-1] == "共 7 处不同"


def test_identical_versions_exit_zero_and_say_so(tmp_path, capsys):
    path = tmp_path / "抚宁.xlsx"
    save_document(funing_2024.build(), path)
    copy_path = tmp_path / "抚宁-副本.xlsx"
    copy_path.write_bytes(path.read_bytes())
    assert main(["compare", str(path), str(copy_path)]) == 0
    assert capsys.readouterr().out.strip() == "两个版本内容相同"
    assert main(["compare", str(path), str(copy_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"changes": []}


def test_a_file_that_cannot_be_opened_is_status_two(tmp_path, capsys):
    path = tmp_path / "抚宁.xlsx"
    save_document(funing_2024.build(), path)
    assert main(["compare", str(path), str(tmp_path / "没有这个文件.xlsx")]) == 2
    assert "找不到这个文件" in capsys.readouterr().err


def test_the_pdf_is_written_by_the_comparison_writer(tmp_path, capsys, monkeypatch):
    calls = []
    fake = types.ModuleType("perfdesk.compare.pdf")
    fake.write_comparison = lambda *args: calls.append(args)
    monkeypatch.setitem(sys.modules, "perfdesk.compare.pdf", fake)
    old = funing_2024.build()
    save_document(old, tmp_path / "草案.xlsx")
    save_document(edited(old), tmp_path / "正式.xlsx")
    out = tmp_path / "对比.pdf"
    assert main(["compare", str(tmp_path / "草案.xlsx"), str(tmp_path / "正式.xlsx"), "--pdf", str(out)]) == 1
    ((old_doc, new_doc, changes, target, old_name, new_name),) = calls
    assert (target, old_name, new_name) == (out, "草案.xlsx", "正式.xlsx")
    assert changes == EXPECTED and old_doc == old and new_doc.project_count() == 10
    assert main(["compare", str(tmp_path / "草案.xlsx"), str(tmp_path / "正式.xlsx"), "--pdf", "对比.xlsx"]) == 2
    assert "--pdf" in capsys.readouterr().err and len(calls) == 1


# ------------------------------------------------------------------ what is one change, not many
def test_a_project_whose_code_changed_but_name_kept_is_one_change_of_code():
    old = clean_document()
    new = copy.deepcopy(old)
    new.units[0].projects[0].code = "13020822P00933810009X"
    assert compare_documents(old, new) == [
        Change(CHANGED, "code", old="13020822P00933810001D", new="13020822P00933810009X",
               project_code="13020822P00933810009X", project_name="科技创新扶持资金", unit=0, project=0)]


def test_a_project_renamed_under_its_code_is_one_change_of_name():
    old = clean_document()
    new = copy.deepcopy(old)
    new.units[0].projects[0].name = "科技创新扶持专项资金"
    assert compare_documents(old, new) == [
        Change(CHANGED, "name", old="科技创新扶持资金", new="科技创新扶持专项资金",
               project_code="13020822P00933810001D", project_name="科技创新扶持专项资金", unit=0, project=0)]


def test_projects_sharing_a_code_are_matched_by_name():
    old = clean_document()
    other = old.units[0].projects[0].model_copy(update={"name": "科技创新券补助"}, deep=True)
    old.units[0].projects.append(other)  # the clerk copied the table and kept its code
    new = copy.deepcopy(old)
    new.units[0].projects.reverse()
    new.units[0].projects[0].purpose = "科技创新券补助资金"
    assert compare_documents(old, new) == [
        Change(CHANGED, "purpose", old="科技创新扶持资金", new="科技创新券补助资金",
               project_code="13020822P00933810001D", project_name="科技创新券补助", unit=0, project=0)]


def test_projects_reordered_are_no_change():
    old = funing_2024.build()
    new = copy.deepcopy(old)
    new.units[0].projects.reverse()
    assert compare_documents(old, new) == []


def test_a_moved_row_is_no_change():
    old = clean_document()
    new = copy.deepcopy(old)
    new.move_indicator(0, 0, 6, 0)  # 满意度 to the top
    new.move_indicator(0, 0, 3, 5)
    assert compare_documents(old, new) == []


def test_rows_of_the_same_name_are_paired_in_order():
    old = clean_document()
    rows = old.units[0].projects[0].indicators
    rows.insert(1, rows[0].model_copy(update={"description": "奖补个人数量", "value": "≥20人"}))
    new = copy.deepcopy(old)
    new.units[0].projects[0].indicators[1].value = "≥30人"  # the second 奖补数量
    assert compare_documents(old, new) == [
        Change(CHANGED, "value", old="≥20人", new="≥30人", indicator="产出指标/数量指标/奖补数量", row=1,
               project_code="13020822P00933810001D", project_name="科技创新扶持资金", unit=0, project=0)]


def test_a_renamed_row_is_paired_with_the_most_alike_of_its_group():
    old = clean_document()
    rows = old.units[0].projects[0].indicators
    rows.insert(1, Indicator(level1="产出指标", level2="数量指标", level3="培训人次", description="科技培训人次",
                             value="≥500人次", basis="工作计划"))
    new = copy.deepcopy(old)
    del new.units[0].projects[0].indicators[0]                   # 奖补数量 deleted
    new.units[0].projects[0].indicators[0].level3 = "培训人数"      # 培训人次 renamed
    assert compare_documents(old, new) == [
        Change(CHANGED, "level3", old="培训人次", new="培训人数", indicator="产出指标/数量指标/培训人数", row=0,
               project_code="13020822P00933810001D", project_name="科技创新扶持资金", unit=0, project=0),
        Change(REMOVED, "indicator", old="奖补数量", indicator="产出指标/数量指标/奖补数量",
               project_code="13020822P00933810001D", project_name="科技创新扶持资金", unit=0, project=0)]


def test_goals_inserted_and_deleted():
    old = clean_document()
    old.units[0].projects[0].goals = ["奖补资金按时拨付到位", "培育科技型企业", "推动研发投入增长"]
    new = copy.deepcopy(old)
    new.units[0].projects[0].goals = ["奖补资金按时拨付到位", "推动研发投入增长", "开展政策宣讲"]
    place = dict(project_code="13020822P00933810001D", project_name="科技创新扶持资金", unit=0, project=0)
    assert compare_documents(old, new) == [Change(REMOVED, "goals", old="培育科技型企业", **place),
                                           Change(ADDED, "goals", new="开展政策宣讲", item=2, **place)]


def test_spending_plan_one_change_per_checkpoint_and_one_for_the_kind_of_checkpoint():
    old = clean_document()
    new = copy.deepcopy(old)
    project = new.units[0].projects[0]
    project.spending_plan = SpendingPlan.of(["30", "50", "90", "100"])
    place = dict(project_code="13020822P00933810001D", project_name="科技创新扶持资金", unit=0, project=0)
    assert compare_documents(old, new) == [Change(CHANGED, "spending_plan", old="60%", new="50%", item=1, **place)]
    project.spending_plan = SpendingPlan.of(["30", "60", "90", "100"], ["第一季度", "第二季度", "第三季度", "第四季度"])
    assert compare_documents(old, new) == [Change(CHANGED, "spending_plan", old="3月底、6月底、10月底、12月底",
                                                  new="第一季度、第二季度、第三季度、第四季度", **place)]
    assert compare_documents(old, new)[0].describe() == \
        "[修改] 资金支出计划：3月底、6月底、10月底、12月底 → 第一季度、第二季度、第三季度、第四季度"


def test_a_blank_amount_filled_in_and_amounts_with_two_decimals():
    old = clean_document()
    new = copy.deepcopy(old)
    new.units[0].projects[0].budget_other = Decimal("12.5")
    (change,) = compare_documents(old, new)
    assert (change.field, change.old, change.new) == ("budget_other", None, "12.50")
    assert change.describe() == "[修改] 其他资金：（空） → 12.50"


def test_a_project_moved_to_another_unit_is_one_change_of_unit():
    old = clean_document()
    old.units.append(BudgetUnit(code="339004", name="唐山市丰润区科学技术协会"))
    new = copy.deepcopy(old)
    new.units[1].projects.append(new.units[0].projects.pop())
    assert compare_documents(old, new) == [
        Change(CHANGED, "unit", old="339003唐山市丰润区科学技术局", new="339004唐山市丰润区科学技术协会",
               project_code="13020822P00933810001D", project_name="科技创新扶持资金", unit=1, project=0)]


def test_windows_line_ends_the_review_and_last_years_values_are_no_change():
    old = clean_document()
    old.part1.overall_goal = "落实创新驱动发展战略。\n推进全区创新体系建设。"
    old.units[0].projects[0].purpose = "科技创新扶持资金\n用于企业研发奖补"
    new = copy.deepcopy(old)
    new.part1.overall_goal = "落实创新驱动发展战略。\r\n推进全区创新体系建设。"
    project = new.units[0].projects[0]
    project.purpose = "科技创新扶持资金\r\n用于企业研发奖补"
    project.review.status = ReviewStatus("已通过")
    project.review.comment = "同意"
    project.indicators[0].previous_value = "≥180家"
    assert compare_documents(old, new) == []
    project.purpose = "科技创新扶持资金 用于企业研发奖补"  # a space where the line broke is the clerk's change
    assert [(c.field, c.new) for c in compare_documents(old, new)] == [("purpose", "科技创新扶持资金 用于企业研发奖补")]


def test_the_cover_and_part1():
    old = clean_document()
    new = copy.deepcopy(old)
    new.update(department="唐山市丰润区科学技术和工业信息化局", year=2023, status=DocumentStatus.FINAL)
    new.insert_sub_goal(0, SubGoal(title="科学普及", goal="开展科普活动。"))
    new.update_measure(0, items=["制定完善的预算绩效管理制度。", "建立绩效跟踪机制。"])
    assert compare_documents(old, new) == [
        Change(CHANGED, "department", old="唐山市丰润区科学技术局", new="唐山市丰润区科学技术和工业信息化局"),
        Change(CHANGED, "year", old="2022", new="2023"),
        Change(CHANGED, "status", old="草案", new="正式"),
        Change(ADDED, "sub_goals", new="科学普及\n绩效目标：开展科普活动。", item=0),
        Change(CHANGED, "measures", old="完善制度建设。\n制定完善的预算绩效管理制度。",
               new="完善制度建设。\n制定完善的预算绩效管理制度。\n建立绩效跟踪机制。", item=0),
    ]
    # one line per change in a report, the line breaks shown
    assert compare_documents(old, new)[-1].describe() == (
        "[修改] 工作保障措施 第 1 项：完善制度建设。↵制定完善的预算绩效管理制度。 → "
        "完善制度建设。↵制定完善的预算绩效管理制度。↵建立绩效跟踪机制。")


# ------------------------------------------------------------------ the same text, another layout
def test_the_example_saved_in_both_template_layouts_compares_equal(tmp_path):
    document = load_document(resource_path("examples", "funing-2024.xlsx"))
    save_document(document, tmp_path / "marked.xlsx", marked=True)
    save_document(document, tmp_path / "plain.xlsx", marked=False)
    marked, plain = load_document(tmp_path / "marked.xlsx"), load_document(tmp_path / "plain.xlsx")
    assert marked.project_count() == 10
    assert compare_documents(marked, plain) == []
    assert compare_documents(document, plain) == []


CLERK_PART1 = [["XX县科学技术局"], ["2022年部门预算绩效文本"], ["（草案）"], ["第一部分 部门整体绩效目标"],
               ["一、总体绩效目标"], ["推动科技创新，服务县域经济。"], ["二、分项绩效目标"], ["（一）科技创新"],
               ["绩效目标：提升企业创新能力。"], ["绩效指标：高新技术企业新增5家。"], ["三、工作保障措施"],
               ["一、加强组织领导"], ["（一）成立领导小组。"]]
# A table as a clerk types it: no merges, labels in their own words (项目编号, 年度预算, 财政拨款 …).
CLERK_TABLE = [["1.科技特派员奖补绩效目标表"],
               ["预算单位：339003唐山市丰润区科学技术局", None, None, None, None, "金额单位：万元"],
               ["项目编号", "13020822P00871410001L", None, "项目名称", "科技特派员奖补"],
               ["年度预算", 12.5, "财政拨款:", 10, "其他资金来源", 2.5],
               ["资金用途", "用于优秀科技特派员奖励"],
               ["资金使用计划(%)", "3月底", "6月底", "10月底", "12月底"],
               [None, "30%", "60%", "90%", "100%"],
               ["年度目标", "1、奖励优秀科技特派员；2、带动农民增收"],
               ["一级指标", "二级指标", "三级指标", "指标解释", "指标值", "取值依据"],
               ["产出指标", "数量指标", "奖励人数", "优秀特派员奖励人数", "≥5人", "资金发放表"],
               [None, "时效指标", "发放时间", "奖励金发放时间", "年底前", "工作计划"],
               ["满意度指标", "服务对象满意度指标", "满意度", "特派员满意度", "≥95%", "问卷调查"]]


def the_clerks_document() -> Document:
    """What the clerk's workbook says, typed by hand."""
    rows = [("产出指标", "数量指标", "奖励人数", "优秀特派员奖励人数", "≥5人", "资金发放表"),
            ("产出指标", "时效指标", "发放时间", "奖励金发放时间", "年底前", "工作计划"),
            ("满意度指标", "服务对象满意度指标", "满意度", "特派员满意度", "≥95%", "问卷调查")]
    project = Project(code="13020822P00871410001L", name="科技特派员奖补", budget_total="12.50",
                      budget_fiscal="10.00", budget_other="2.50", purpose="用于优秀科技特派员奖励",
                      spending_plan=SpendingPlan.of(["30", "60", "90", "100"]),
                      goals=["奖励优秀科技特派员", "带动农民增收"],
                      indicators=[Indicator(level1=a, level2=b, level3=c, description=d, value=e, basis=f)
                                  for a, b, c, d, e, f in rows])
    return Document(department="XX县科学技术局", year=2022, status=DocumentStatus.DRAFT,
                    part1=Part1(overall_goal="推动科技创新，服务县域经济。",
                                sub_goals=[SubGoal(title="科技创新", goal="提升企业创新能力。",
                                                   indicators="高新技术企业新增5家。")],
                                measures=[Measure(text="加强组织领导", items=["成立领导小组。"])]),
                    units=[BudgetUnit(code="339003", name="唐山市丰润区科学技术局", projects=[project])])


def clerk_workbook(path: Path, table: list[list] = CLERK_TABLE) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in (("Sheet1", CLERK_PART1), ("项目", table)):
        ws = wb.create_sheet(title)
        for r, row in enumerate(rows, 1):
            for c, value in enumerate(row, 1):
                if value is not None:
                    ws.cell(r, c, value)
    wb.save(path)
    return path


@pytest.mark.parametrize("marked", [True, False], ids=["marked", "plain"])
def test_a_clerks_own_layout_and_perfdesks_compare_equal(tmp_path, capsys, marked):
    clerk = clerk_workbook(tmp_path / "科技局-自制.xlsx")
    save_document(the_clerks_document(), tmp_path / "科技局.xlsx", marked=marked)
    assert compare_documents(load_document(clerk), load_document(tmp_path / "科技局.xlsx")) == []
    assert main(["compare", str(clerk), str(tmp_path / "科技局.xlsx")]) == 0
    assert capsys.readouterr().out.strip() == "两个版本内容相同"


def test_a_change_in_the_clerks_layout_is_found_against_perfdesks(tmp_path, capsys):
    table = copy.deepcopy(CLERK_TABLE)
    table[10][4] = "11月底前"  # 发放时间's 指标值
    table.insert(9, ["产出指标", "数量指标", "培训人次", "特派员培训人次", "≥50人次", "工作计划"])
    clerk = clerk_workbook(tmp_path / "科技局-自制.xlsx", table)
    save_document(the_clerks_document(), tmp_path / "科技局.xlsx", marked=False)
    assert main(["compare", str(tmp_path / "科技局.xlsx"), str(clerk), "--json"]) == 1
    assert json_changes(capsys) == [
        ("added", "indicator", None, "培训人次", "13020822P00871410001L", "产出指标/数量指标/培训人次"),
        ("changed", "value", "年底前", "11月底前", "13020822P00871410001L", "产出指标/时效指标/发放时间"),
    ]
