"""The review compares each indicator with last year's value (上年指标值): a target made easier
than last year's (≥ lower, ≤ higher) is a hint unless the 指标值确定依据 says why."""

from __future__ import annotations

import pytest

from unit.review_documents import region_file

from perfdesk.model import BudgetUnit, Document, Indicator, Project
from perfdesk.review import RULES, Severity, check_document
from perfdesk.review.ruledata import load_rules_file

RULE = "value-below-last-year"

# 二级指标 of each kind of row, with its 一级指标.
LEVELS = {"数量指标": "产出指标", "质量指标": "产出指标", "时效指标": "产出指标", "成本指标": "产出指标",
          "服务对象满意度指标": "满意度指标"}


def document_with(level2: str, value: str, previous: str, basis: str = "工作计划") -> Document:
    """One project whose only indicator row is the one given."""
    row = Indicator(level1=LEVELS[level2], level2=level2, level3="指标", description="指标的含义",
                    value=value, basis=basis, previous_value=previous)
    project = Project(code="13020825P00933810001D", name="科技创新扶持资金", budget_total="300.00",
                      budget_fiscal="300.00", purpose="用于科技型企业奖补", goals=["奖补资金按时拨付到位"],
                      indicators=[row])
    return Document(department="唐山市丰润区科学技术局", year=2025,
                    units=[BudgetUnit(code="339003", name="唐山市丰润区科学技术局", projects=[project])])


def hints(document: Document, rules=None) -> list:  # noqa: ANN001 - ReviewRules or None
    return [f for f in check_document(document, rules=rules) if f.rule == RULE]


def test_the_rule_is_a_hint_in_the_catalogue():
    assert RULES[RULE] == (Severity.HINT, "指标值比上年退步")


def test_a_lower_at_least_target_is_a_hint_naming_both_values():
    [found] = hints(document_with("质量指标", "≥90%", "≥95%"))
    assert found.severity is Severity.HINT
    assert found.message == "指标值“≥90%”低于上年的“≥95%”，目标降低时请在指标值确定依据中说明原因。"
    assert (found.field, found.row, found.number) == ("value", 0, 1)


def test_a_higher_at_most_cost_is_a_hint():
    [found] = hints(document_with("成本指标", "≤35万元", "≤30万元"))
    assert found.message == "指标值“≤35万元”高于上年的“≤30万元”，目标放宽时请在指标值确定依据中说明原因。"


@pytest.mark.parametrize("value, previous", [
    ("≥200家", "≥180家"),  # more than last year
    ("≥200家", "≥200家"),  # the same
    ("≥96%", "95%"),  # last year written without a sign
])
def test_a_higher_at_least_target_is_fine(value, previous):
    assert hints(document_with("数量指标", value, previous)) == []


@pytest.mark.parametrize("value, previous", [("≤25万元", "≤30万元"), ("≤30万元", "≤30万元")])
def test_a_cost_kept_or_lowered_is_fine(value, previous):
    assert hints(document_with("成本指标", value, previous)) == []


@pytest.mark.parametrize("level2, value, previous", [
    ("服务对象满意度指标", "≥90百分比", "≥95%"),  # 百分比 is read as %
    ("服务对象满意度指标", "＞90%", "≥95%"),  # full-width ＞
    ("数量指标", "不少于5人", "≥6人"),
    ("质量指标", "≥95%", "100%"),  # last year's exact 100% made a floor of 95%
    ("成本指标", "<0.5万元", "≤0.4万元"),
])
def test_other_spellings_of_an_easier_target_are_hints(level2, value, previous):
    [found] = hints(document_with(level2, value, previous))
    assert f"“{value}”" in found.message and f"“{previous}”" in found.message


@pytest.mark.parametrize("level2, value, previous", [
    ("数量指标", "≥200家", "≥250个"),
    ("质量指标", "≥90%", "≥95分"),
    ("成本指标", "≤35万元", "≤300000元"),  # amounts in other units are not converted
])
def test_values_in_different_units_are_not_compared(level2, value, previous):
    assert hints(document_with(level2, value, previous)) == []


@pytest.mark.parametrize("basis", [
    "受疫情影响，企业数量下降",
    "由于预算压减，奖补范围缩小",
    "参考上年实际完成情况",
    "根据2025年工作安排调整",
])
def test_a_reason_in_the_basis_silences_it(basis):
    assert hints(document_with("质量指标", "≥90%", "≥95%", basis=basis)) == []


def test_no_previous_value_no_hint():
    assert hints(document_with("质量指标", "≥90%", "")) == []


@pytest.mark.parametrize("level2, value, previous", [
    ("时效指标", "年底前", "10月底前"),
    ("质量指标", "效果明显", "≥95%"),
    ("质量指标", "≥90%", "效果明显"),
    ("数量指标", "≥5%", "≤10%"),  # bounded the other way last year: another target, not a lower one
])
def test_qualitative_or_unlike_values_are_not_compared(level2, value, previous):
    assert hints(document_with(level2, value, previous)) == []


def test_the_reasons_are_rule_data(tmp_path):
    document = document_with("质量指标", "≥90%", "≥95%", basis="由于预算压减")
    assert hints(document) == []
    strict = load_rules_file(region_file(tmp_path, step_back_reasons=["客观原因"]))
    assert len(hints(document, strict)) == 1
    document.update_indicator(0, 0, 0, basis="受客观原因限制")
    assert hints(document, strict) == []
    off = load_rules_file(region_file(tmp_path, disabled=[RULE]))
    assert hints(document_with("质量指标", "≥90%", "≥95%"), off) == []


def test_a_reason_word_with_a_gap_needs_both_parts_in_order(tmp_path):
    rules = load_rules_file(region_file(tmp_path, step_back_reasons=["受…影响"]))
    for basis, silenced in (("受市场行情影响", True), ("影响较大，受理量少", False), ("工作计划", False)):
        document = document_with("质量指标", "≥90%", "≥95%", basis=basis)
        assert (hints(document, rules) == []) is silenced, basis
