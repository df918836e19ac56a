"""Every review rule: one edit of a clean project that trips it, one near miss that does not.

The clean document (unit/review_documents.py) is the 丰润 2022 project 科技创新扶持资金 with
its indicator descriptions made specific; a reviewer would raise nothing on it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Callable

import pytest

from unit.review_documents import clean_document, clean_project

from perfdesk.model import BudgetUnit, Document, Measure, SpendingPlan
from perfdesk.review import RULES, Severity, check_document


def P(**fields) -> Callable[[Document], None]:
    return lambda d: d.update_project(0, 0, **fields)


def I(row: int, **fields) -> Callable[[Document], None]:
    return lambda d: d.update_indicator(0, 0, row, **fields)


def plan(*values) -> Callable[[Document], None]:
    return P(spending_plan=SpendingPlan.of(list(values)))


def both(*edits) -> Callable[[Document], None]:
    def apply(d: Document) -> None:
        for edit in edits:
            edit(d)
    return apply


def nothing(d: Document) -> None:
    pass


def row_copy(source: int, at: int, **changes) -> Callable[[Document], None]:
    def apply(d: Document) -> None:
        row = d.project(0, 0).indicators[source].model_copy(update=changes)
        d.insert_indicator(0, 0, at, row)
    return apply


def remove_indicators(d: Document) -> None:
    while d.project(0, 0).indicators:
        d.remove_indicator(0, 0, 0)


# rule -> (edit that trips it, near miss that does not)
CASES: dict[str, tuple[Callable, Callable]] = {
    "department-missing": (lambda d: d.update(department=""), lambda d: d.update(department="丰润区科技局")),
    "year-missing": (lambda d: d.update(year=None), lambda d: d.update(year=2023)),
    "year-implausible": (lambda d: d.update(year=1922), lambda d: d.update(year=2025)),
    "cover-placeholder": (lambda d: d.update(reviewed_by="XXX财政局"), lambda d: d.update(reviewed_by="丰润区财政局")),
    "cover-missing": (lambda d: d.update(prepared_by=""), lambda d: d.update(prepared_by="科学技术局")),
    "overall-goal-empty": (lambda d: d.update_part1(overall_goal="目标内容1"),
                           lambda d: d.update_part1(overall_goal="目标内容涵盖科技创新。")),
    "sub-goals-empty": (lambda d: d.remove_sub_goal(0), lambda d: d.update_sub_goal(0, title="科技创新环境建设")),
    "sub-goal-incomplete": (lambda d: d.update_sub_goal(0, indicators=""),
                            lambda d: d.update_sub_goal(0, indicators="组织培训次数≥5次")),
    "measures-empty": (lambda d: d.remove_measure(0), nothing),
    "measure-empty": (lambda d: d.insert_measure(1, Measure(text="")),
                      lambda d: d.insert_measure(1, Measure(text="", items=["加强人员培训。"]))),
    "no-projects": (lambda d: d.remove_project(0, 0), nothing),
    "unit-incomplete": (lambda d: d.update_unit(0, code="33900"), lambda d: d.update_unit(0, code="339004")),
    "unit-empty": (lambda d: d.insert_unit(1, BudgetUnit(code="339004", name="丰润区科学技术协会")),
                   lambda d: d.insert_unit(1, BudgetUnit(code="339004", name="丰润区科学技术协会",
                                                          projects=[clean_project("13020822P00933810002X")]))),
    "markup": (I(2, description="<p>资金发放时间</p>"), I(2, description="资金发放时间<5个工作日")),
    "code-duplicate": (lambda d: d.insert_project(0, 1, clean_project()),
                       lambda d: d.insert_project(0, 1, clean_project("13020822P00933810002X"))),
    "code-missing": (P(code=""), P(code="13020822P00871410001L")),
    "code-shape": (P(code="604002B16DX0021"), P(code="13020822P00D2K010004P")),
    "code-year": (P(code="13020821P00933810001D"), lambda d: d.update(year=2022)),
    "name-missing": (P(name=""), P(name="优秀科技特派员奖励")),
    "name-title-suffix": (P(name="科技创新扶持资金绩效目标表"), P(name="绩效目标表编制经费")),
    "budget-missing": (P(budget_total=None, budget_fiscal=None), P(budget_total="1.00", budget_fiscal="1.00")),
    "budget-negative": (P(budget_fiscal="301.00", budget_other="-1.00"), P(budget_fiscal="299.00", budget_other="1.00")),
    "budget-sum": (P(budget_fiscal="290.00"), P(budget_fiscal="290.00", budget_other="10.00")),
    "purpose-missing": (P(purpose="无"), P(purpose="用于科技型企业奖补")),
    "plan-empty": (plan(None, None, None, None), plan(None, None, None, "100")),
    "plan-amounts": (both(P(budget_total="4.00", budget_fiscal="4.00"), plan("1.00", "2.00", "3.00", "4.00")),
                     both(P(budget_total="4.00", budget_fiscal="4.00"), plan("25", "50", "75", "100"))),
    "plan-fractions": (plan("0.3", "0.6", "0.9", "1"), plan("0", "1", "50", "100")),
    "plan-shares": (plan("25", "25", "25", "25"), plan("25", "50", "75", "100")),
    "plan-not-cumulative": (plan("30", "60", "50", "100"), plan("30", "60", "60", "100")),
    "plan-over-100": (plan("30", "60", "90", "110"), plan("30", "60", "100", "100")),
    "plan-not-100": (plan("30", "60", "90", "95"), plan("30", "60", "90", "100.00")),
    "plan-gap": (plan("30", None, "90", "100"), plan(None, "60", "90", "100")),
    "plan-trailing-blank": (plan("100", None, None, None), plan("100", "100", "100", "100")),
    "goals-missing": (P(goals=[]), P(goals=["奖补资金按时拨付"])),
    "goal-placeholder": (P(goals=["目标内容1"]), P(goals=["目标内容丰富的科普活动"])),
    "goal-empty": (P(goals=["奖补资金按时拨付到位", " "]), P(goals=["奖补资金按时拨付到位", "企业研发投入增长"])),
    "goal-numbered": (P(goals=["1.奖补资金按时拨付到位"]), P(goals=["2022年奖补资金按时拨付到位"])),
    "indicators-missing": (remove_indicators, lambda d: d.remove_indicator(0, 0, 0)),
    "level1-missing": (I(0, level1=""), I(0, level1=" 产出指标 ")),
    "level1-unknown": (I(0, level1="产出类指标"), I(0, level1="产出指标")),
    "level1-old-name": (I(4, level1="效果指标"), I(4, level1="效益指标")),
    "level2-missing": (I(0, level2=""), I(0, level2="数量指标")),
    "level2-unknown": (I(0, level2="数量类指标"), I(0, level2="数量指标")),
    "level2-mismatch": (I(0, level1="效益指标"), I(4, level2="社会效益指标")),
    "level-scattered": (lambda d: d.move_indicator(0, 0, 6, 1), lambda d: d.move_indicator(0, 0, 0, 1)),
    "required-missing": (lambda d: d.remove_indicator(0, 0, 2), I(2, level3="发放时间")),
    "row-empty": (row_copy(4, 5, level2="生态效益指标", level3="无", description="无", value="无", basis="无"),
                  row_copy(4, 5, level2="生态效益指标", level3="节能减排", description="无", value="无", basis="无")),
    "level3-empty": (I(0, level3=""), I(0, level3="奖补企业")),
    "value-empty": (I(0, value=""), I(0, value="≥1家")),
    "cell-empty": (I(0, basis=""), I(0, basis="工作计划")),
    "value-placeholder": (I(0, value="无"), I(0, value="≥1家")),
    "cell-placeholder": (I(0, basis="无"), I(0, basis="无锡市同类项目标准")),
    "value-not-numeric": (I(2, value="及时"), I(2, value="2022年8月底前")),
    "value-vague": (I(5, value="效果明显"), I(5, value="不出现通报现象")),
    "percent-over-100": (I(1, value="≥120%"), I(1, value="100%")),
    "cost-above-budget": (I(3, value="≤350万元"), I(3, value="≤3000000元")),
    "cost-not-money": (I(3, value="5人"), I(3, value="≤5万元")),
    "cost-lower-bound": (I(3, value="≥20万元"), I(3, value="≤20万元")),
    "time-value-unit": (I(2, value="≥558.42万元"), I(2, value="≥95%")),
    "time-before-year": (I(2, value="2021年8月底前"), I(2, value="2021年项目2022年6月底前完成")),
    "satisfaction-not-percent": (I(6, value="≥95分"), I(6, value="≥95%")),
    "satisfaction-below-floor": (I(6, value="≥60%"), I(6, value="≥80%")),
    "value-echo": (I(0, value="奖补数量"), I(0, value="≥200家")),
    "value-below-last-year": (I(0, previous_value="≥250家"), I(0, previous_value="≥150家")),
    "description-echo": (I(0, description="奖补数量"), I(0, description="奖补企业数量")),
    "basis-echo": (I(0, basis="奖补企业数量"), I(0, basis="资金发放表")),
    "row-duplicate": (row_copy(0, 1), row_copy(0, 1, level3="奖补人数", value="≥300人")),
    "level3-duplicate": (row_copy(0, 1, value="≥300家"), row_copy(0, 1, level2="质量指标", value="≥90%")),
}


def rules_of(document: Document) -> set[str]:
    return {finding.rule for finding in check_document(document)}


def test_the_clean_document_has_no_findings():
    assert check_document(clean_document()) == []


def test_every_rule_has_a_case():
    assert set(CASES) == set(RULES)


@pytest.mark.parametrize("rule", sorted(CASES))
def test_rule_trips(rule):
    document = clean_document()
    CASES[rule][0](document)
    assert rule in rules_of(document)


@pytest.mark.parametrize("rule", sorted(CASES))
def test_rule_near_miss_does_not_trip(rule):
    document = clean_document()
    CASES[rule][1](document)
    assert rule not in rules_of(document)


def _one(document: Document, rule: str):
    found = [f for f in check_document(document) if f.rule == rule]
    assert len(found) == 1, found
    return found[0]


def _apply(document: Document, finding) -> None:
    for target, fields, index, unit, project in finding.fix.updates:
        document.update_item(target, fields, index, unit, project)


def test_finding_points_at_the_cell_and_says_what_to_fix():
    document = clean_document()
    document.insert_project(0, 0, clean_project("13020822P00871410001L"))
    document.update_indicator(0, 1, 3, value="≤350万元")
    finding = _one(document, "cost-above-budget")
    assert finding.severity is Severity.ERROR
    assert (finding.unit, finding.project, finding.number, finding.row, finding.field) == (0, 1, 2, 3, "value")
    assert finding.project_code == "13020822P00933810001D"
    assert "350" in finding.message and "300.00" in finding.message
    assert finding.place() == "第 2 个项目（13020822P00933810001D） 第 4 行 指标值"


def test_budget_sum_fix_sets_fiscal_to_total_minus_other():
    document = clean_document()
    document.update_project(0, 0, budget_fiscal="250.00", budget_other="20.00")
    finding = _one(document, "budget-sum")
    assert finding.field == "budget_fiscal"
    _apply(document, finding)
    assert document.project(0, 0).budget_fiscal == Decimal("280.00")
    assert "budget-sum" not in rules_of(document)


@pytest.mark.parametrize("typed, percent", [
    (["1.00", "2.00", "3.00", "4.00"], ["25", "50", "75", "100"]),   # cumulative amounts
    (["1.00", "1.00", "1.00", "1.00"], ["25", "50", "75", "100"]),   # amount spent per period
    (["1.00", None, "4.00", None], ["25", None, "100", None]),
])
def test_amounts_converted_to_cumulative_percentages(typed, percent):
    document = clean_document()
    document.update_project(0, 0, budget_total="4.00", budget_fiscal="4.00", spending_plan=SpendingPlan.of(typed))
    finding = _one(document, "plan-amounts")
    assert finding.severity is Severity.ERROR and finding.fix is not None
    _apply(document, finding)
    expected = [None if v is None else Decimal(v) for v in percent]
    assert document.project(0, 0).spending_plan.values == expected
    assert document.project(0, 0).spending_plan.labels == ["3月底", "6月底", "10月底", "12月底"]


def test_shares_fix_makes_the_plan_cumulative():
    document = clean_document()
    plan("10", "20", "30", "40")(document)
    _apply(document, _one(document, "plan-shares"))
    assert document.project(0, 0).spending_plan.values == [Decimal(10), Decimal(30), Decimal(60), Decimal(100)]


def test_markup_fix_strips_tags_and_keeps_the_text():
    document = clean_document()
    document.update_project(0, 0, goals=["<p>加大招商引资力度，主动对接国内大企业</p>", "充分发挥当地企业以商招商作用&nbsp;"])
    findings = [f for f in check_document(document) if f.rule == "markup"]
    assert [f.item for f in findings] == [0, 1]
    for finding in findings:
        _apply(document, finding)
    assert document.project(0, 0).goals == ["加大招商引资力度，主动对接国内大企业", "充分发挥当地企业以商招商作用"]


def test_level2_mismatch_fix_moves_the_row_under_its_level1():
    document = clean_document()
    document.update_indicator(0, 0, 3, level1="效益指标")  # a cost filed under 效益指标
    finding = _one(document, "level2-mismatch")
    assert finding.row == 3 and "成本指标" in finding.message and "产出指标" in finding.message
    _apply(document, finding)
    assert document.project(0, 0).indicators[3].level1 == "产出指标"


def test_required_kind_message_names_the_missing_kind():
    document = clean_document()
    document.remove_indicator(0, 0, 6)
    finding = _one(document, "required-missing")
    assert "满意度指标" in finding.message and finding.field == "indicators"


def test_head_count_filed_as_cost_is_reported():
    document = clean_document()
    document.update_indicator(0, 0, 3, level3="受益总人数", description="受益总人数", value="6人")
    assert {"cost-not-money", "description-echo"} <= rules_of(document)


def test_findings_are_ordered_document_first_then_by_project():
    document = clean_document()
    document.update(prepared_by="")
    document.insert_project(0, 1, clean_project("13020822P00871410001L"))
    document.update_project(0, 1, goals=[])
    document.update_project(0, 0, purpose="")
    numbers = [f.number for f in check_document(document)]
    assert numbers == [None, 1, 2]


@pytest.mark.parametrize("typed, percent, meant", [
    (["0.3", "0.6", "0.9", "1"], ["30", "60", "90", "100"], "30%、60%、90%、100%"),   # General format: 0.3 is 0.3%
    (["0.25", "0.5", "0.75", None], ["25", "50", "75", None], "25%、50%、75%"),       # a fraction, not yet at 1
    ([None, None, None, "1"], [None, None, None, "100"], "100%"),
])
def test_fractions_of_one_are_read_as_percentages(typed, percent, meant):
    document = clean_document()
    plan(*typed)(document)
    finding = _one(document, "plan-fractions")
    assert finding.severity is Severity.ERROR and finding.field == "spending_plan"
    assert "小数" in finding.message and f"即 {meant}" in finding.message
    # The unhelpful “到12月底累计 1%” is not said as well.
    assert "plan-not-100" not in rules_of(document) and "plan-over-100" not in rules_of(document)
    _apply(document, finding)
    assert document.project(0, 0).spending_plan.values == [None if v is None else Decimal(v) for v in percent]
    assert "plan-fractions" not in rules_of(document)


def test_fraction_fix_leaves_a_clean_plan():
    document = clean_document()
    plan("0.3", "0.6", "0.9", "1")(document)
    finding = _one(document, "plan-fractions")
    assert finding.fix.label == "换算为百分比：30、60、90、100"
    _apply(document, finding)
    assert check_document(document) == []


@pytest.mark.parametrize("typed", [("0", "0", "0", "0"), ("1", "2", "3", "4"), ("0.5", "1", "50", "100")])
def test_plans_that_are_not_fractions_of_one(typed):
    document = clean_document()
    plan(*typed)(document)
    assert "plan-fractions" not in rules_of(document)


@pytest.mark.parametrize("budget", ["-300.00", "0.00"])
def test_cost_is_not_compared_with_a_budget_that_is_not_positive(budget):
    document = clean_document()
    document.update_project(0, 0, budget_total=budget, budget_fiscal=budget)
    document.update_indicator(0, 0, 3, value="≤0.2万元")
    found = rules_of(document)
    assert "cost-above-budget" not in found
    assert ("budget-negative" in found) == budget.startswith("-")


def test_cost_is_still_compared_with_a_positive_budget():
    document = clean_document()
    document.update_project(0, 0, budget_total="0.10", budget_fiscal="0.10")
    document.update_indicator(0, 0, 3, value="≤0.2万元")
    finding = _one(document, "cost-above-budget")
    assert "0.20" in finding.message and "0.10" in finding.message

