"""One-click fixes that take things out (a duplicated row, an empty goal) or complete them
(the missing 12月底, a cost bound turned the wrong way), and the findings a reviewer at the
bureau would word or weigh differently from the first version: a 2023 project code on a
project named as 2023 funds, a 2023 deadline in a 2024 text, one description hint per table.

Expected values are read from the clean document (unit/review_documents.py) and from
tests/data/samples/funing-2024-pdf-extract.txt.
"""

from __future__ import annotations

from decimal import Decimal

from expected_samples import fengrun_2022, funing_2024
from unit.review_documents import clean_document

from perfdesk.model import SpendingPlan
from perfdesk.review import Fix, Severity, check_document


def only(document, rule: str):
    found = [f for f in check_document(document) if f.rule == rule]
    assert len(found) == 1, found
    return found[0]


def rules_of(document) -> set[str]:
    return {f.rule for f in check_document(document)}


def test_duplicate_row_fix_removes_the_copy_and_nothing_else():
    document = clean_document()
    rows = [i.model_copy() for i in document.project(0, 0).indicators]
    document.insert_indicator(0, 0, 1, rows[0].model_copy())  # 奖补数量 pasted twice
    finding = only(document, "row-duplicate")
    assert (finding.row, finding.fix.label) == (1, "删除重复的行")
    assert finding.fix.updates == () and finding.fix.removals == (("indicator", 1, 0, 0),)
    assert "第 1 行完全相同" in finding.message
    finding.fix.apply(document)
    assert document.project(0, 0).indicators == rows
    assert check_document(document) == []


def test_removals_run_from_the_highest_index_down():
    fix = Fix("删除", removals=(("indicator", 1, 0, 0), ("indicator", 4, 0, 0), ("indicator", 2, 0, 0)))
    assert [index for _, index, _, _ in fix.removals] == [4, 2, 1]


def test_a_removal_follows_its_project_when_it_moves():
    document = clean_document()
    document.insert_indicator(0, 0, 1, document.project(0, 0).indicators[0].model_copy())
    finding = only(document, "row-duplicate")
    moved = finding.relocated(1, 3, 5)
    assert moved.fix.removals == (("indicator", 1, 1, 3),)
    assert finding.fix.removals == (("indicator", 1, 0, 0),)  # the original is left alone


def test_empty_goal_line_is_a_warning_whose_fix_removes_it():
    document = clean_document()
    document.update_project(0, 0, goals=["奖补资金按时拨付到位", "", "企业研发投入增长"])
    finding = only(document, "goal-empty")
    assert finding.severity is Severity.WARNING and finding.item == 1
    assert finding.place() == "第 1 个项目（13020822P00933810001D） 第 2 条 绩效目标"
    finding.fix.apply(document)
    assert document.project(0, 0).goals == ["奖补资金按时拨付到位", "企业研发投入增长"]
    assert check_document(document) == []


def test_placeholder_goal_is_removable_only_beside_real_goals():
    document = clean_document()
    document.update_project(0, 0, goals=["奖补资金按时拨付到位", "目标内容2"])
    finding = only(document, "goal-placeholder")
    assert finding.severity is Severity.ERROR and finding.fix.label == "删除这一条"
    finding.fix.apply(document)
    assert document.project(0, 0).goals == ["奖补资金按时拨付到位"]
    # 丰润 2022 project 1: "目标内容1" is its only goal; it has to be written, not deleted.
    alone = [f for f in check_document(fengrun_2022.build()) if f.rule == "goal-placeholder" and f.number == 1]
    assert len(alone) == 1 and alone[0].fix is None
    assert "删除" not in alone[0].message


def test_missing_december_is_filled_with_100_by_the_fix():
    document = funing_2024.build()  # table 3: 3月底 25% 6月底 50% 10月底 75%, 12月底 blank
    (finding,) = [f for f in check_document(document) if f.rule == "plan-not-100" and f.number == 3]
    assert finding.severity is Severity.ERROR
    assert finding.message == "资金支出计划到10月底累计 75%，12月底为空；累计支出应在12月底达到 100%，请补填。"
    assert finding.item == 3 and finding.fix.label == "12月底填 100%"
    finding.fix.apply(document)
    assert document.project(0, 2).spending_plan.values == [Decimal(25), Decimal(50), Decimal(75), Decimal(100)]
    assert not [f for f in check_document(document) if f.number == 3 and f.field == "spending_plan"]


def test_plan_stopping_early_or_short_has_no_guessed_fix():
    document = clean_document()
    document.update_project(0, 0, spending_plan=SpendingPlan.of(["30", "60", None, None]))
    finding = only(document, "plan-not-100")
    assert finding.fix is None and "10月底、12月底为空" in finding.message
    document.update_project(0, 0, spending_plan=SpendingPlan.of(["30", "60", "90", "95"]))
    finding = only(document, "plan-not-100")
    assert finding.fix is None
    assert finding.message == "资金支出计划到12月底累计 95%，累计支出应在12月底达到 100%，请核对。"


def test_cost_written_as_a_lower_bound_can_be_turned_around():
    document = clean_document()
    document.update_indicator(0, 0, 3, value="≥20万元")
    finding = only(document, "cost-lower-bound")
    assert finding.severity is Severity.HINT and finding.fix.label == "改为“≤20万元”"
    finding.fix.apply(document)
    assert document.project(0, 0).indicators[3].value == "≤20万元"
    assert check_document(document) == []
    document.update_indicator(0, 0, 3, value="20万元以上")  # no leading sign to turn: no fix
    assert only(document, "cost-lower-bound").fix is None


def test_code_year_explained_by_the_name_is_only_a_hint():
    document = clean_document()  # 2022 text
    document.update_project(0, 0, code="13020821P00933810001D")
    plain = only(document, "code-year")
    assert plain.severity is Severity.WARNING
    document.update_project(0, 0, name="提前下达 2021 年科技创新扶持资金")
    named = only(document, "code-year")
    assert named.severity is Severity.HINT
    assert "项目名称也写明 2021 年" in named.message and "可不改" in named.message


def test_deadline_before_the_budget_year():
    document = clean_document()  # 2022 text
    document.update_indicator(0, 0, 2, value="2021 年 8 月底前")
    finding = only(document, "time-before-year")
    assert finding.severity is Severity.WARNING and (finding.row, finding.field) == (2, "value")
    assert "2021 年，早于预算年度 2022 年" in finding.message and "2022年底前" in finding.message
    (funing,) = [f for f in check_document(funing_2024.build()) if f.rule == "time-before-year"]
    assert (funing.number, funing.row) == (7, 2)  # 支持项目完成时间 "2023 年 8 月底前"


def test_descriptions_repeating_the_name_give_one_hint_per_table():
    document = clean_document()
    document.update_indicator(0, 0, 0, description="奖补数量")
    document.update_indicator(0, 0, 2, description="奖补时间")
    finding = only(document, "description-echo")
    assert finding.severity is Severity.HINT and finding.row == 0
    assert finding.message.startswith("第 1、3 行的绩效指标描述与三级指标相同")
    # 抚宁 2024 table 8 repeats the name in rows 1-6: one hint, not six.
    table8 = [f for f in check_document(funing_2024.build()) if f.rule == "description-echo" and f.number == 8]
    assert len(table8) == 1 and table8[0].message.startswith("第 1、2、3、4、5、6 行")


def test_a_document_without_projects_is_a_warning_not_an_error():
    document = clean_document()
    document.remove_project(0, 0)
    finding = only(document, "no-projects")
    assert finding.severity is Severity.WARNING


def test_messages_for_a_number_less_value_give_examples_of_its_kind():
    document = clean_document()
    document.update_indicator(0, 0, 1, value="稳步提升")   # 质量指标
    quality = only(document, "value-not-numeric")
    assert "“≥95%”" in quality.message and "人" not in quality.message
    document.update_indicator(0, 0, 1, value="≥95百分比")
    document.update_indicator(0, 0, 2, value="及时")      # 时效指标, in a 2022 text
    timely = only(document, "value-not-numeric")
    assert "“2022年6月底前”" in timely.message


def test_duplicate_codes_name_the_other_project():
    document = clean_document()
    copy = document.project(0, 0).model_copy(deep=True, update={"name": "科技创新扶持资金（副本）"})
    document.insert_project(0, 1, copy)
    finding = only(document, "code-duplicate")
    assert finding.number == 2
    assert finding.message.startswith("项目编码“13020822P00933810001D”与第 1 个项目（科技创新扶持资金）相同")


def test_a_template_row_left_empty_is_one_warning_whose_fix_removes_it():
    document = clean_document()
    rows = list(document.project(0, 0).indicators)
    blank = rows[4].model_copy(update={"level2": "生态效益指标", "level3": "", "description": "无", "value": "无",
                                       "basis": ""})
    document.insert_indicator(0, 0, 6, blank)
    findings = [f for f in check_document(document)]
    assert [(f.rule, f.severity, f.row) for f in findings] == [("row-empty", Severity.WARNING, 6)]
    assert findings[0].message.startswith("“生态效益指标”这一行没有填写指标内容")
    findings[0].fix.apply(document)
    assert document.project(0, 0).indicators == rows


def test_the_ministry_layout_in_a_hebei_text_is_one_finding_with_its_fix():
    document = clean_document()
    document.update_indicator(0, 0, 3, level1="成本指标", level2="经济成本指标")  # 财政部 2021 layout
    finding = only(document, "level1-unknown")
    assert [f.rule for f in check_document(document)] == ["level1-unknown"]  # no "缺少成本指标" as well
    assert "是“产出指标”下的二级指标" in finding.message
    assert finding.fix.label == "改为“产出指标”／“成本指标”"
    finding.fix.apply(document)
    assert (document.project(0, 0).indicators[3].level1, document.project(0, 0).indicators[3].level2) == (
        "产出指标", "成本指标")
    assert check_document(document) == []


def test_a_level2_typed_without_its_suffix_is_offered_the_full_name():
    document = clean_document()
    document.update_indicator(0, 0, 3, level2="成本")
    finding = only(document, "level2-unknown")
    assert [f.rule for f in check_document(document)] == ["level2-unknown"]
    assert finding.fix.label == "改为“成本指标”"
    finding.fix.apply(document)
    assert check_document(document) == []
