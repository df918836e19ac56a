"""The document model: amounts, mutators, change notifications, JSON round trip."""

from decimal import Decimal

import pytest
from pydantic import ValidationError

from perfdesk.model import BudgetUnit, Checkpoint, Document, Indicator, Project, SpendingPlan, load_framework


def make_document() -> Document:
    doc = Document(department="唐山市丰润区科学技术局", year=2022)
    doc.insert_unit(0, BudgetUnit(code="339003", name="唐山市丰润区科学技术局"))
    doc.insert_project(0, 0, Project(code="13020822P00871410001L", name="优秀科技特派员奖励",
                                     budget_total="1.00", budget_fiscal="1.00",
                                     spending_plan=SpendingPlan.of(["100", None, None, None])))
    doc.insert_project(0, 1, Project(code="13020822P00933810001D", name="科技创新扶持资金",
                                     budget_total="300", budget_fiscal="300"))
    return doc


def test_amounts_are_two_decimal_decimals():
    project = Project(budget_total="300", budget_fiscal=Decimal("299.995"), budget_other=0.1)
    assert project.budget_total == Decimal("300.00") and str(project.budget_total) == "300.00"
    assert project.budget_fiscal == Decimal("300.00")
    assert str(project.budget_other) == "0.10"
    assert Project(budget_other="").budget_other is None


def test_bad_amount_is_refused_and_leaves_project_untouched():
    doc = make_document()
    with pytest.raises(ValidationError):
        doc.update_project(0, 1, budget_total="三百")
    assert doc.project(0, 1).budget_total == Decimal("300.00")


def test_mutators_notify_before_and_after_and_return_old_values():
    doc = make_document()
    seen = []
    doc.subscribe(lambda c: seen.append(("after", c.target, c.action, c.index)),
                  lambda c: seen.append(("before", c.target, c.action, c.index)))
    doc.insert_indicator(0, 1, 0, Indicator(level1="产出指标", level2="数量指标", value="≥200家"))
    old = doc.update_indicator(0, 1, 0, value="≥210家")
    assert old == {"value": "≥200家"}
    assert doc.project(0, 1).indicators[0].value == "≥210家"
    assert seen == [("before", "indicator", "inserted", 0), ("after", "indicator", "inserted", 0),
                    ("before", "indicator", "updated", 0), ("after", "indicator", "updated", 0)]


def test_move_project_between_units_and_numbering():
    doc = make_document()
    doc.insert_unit(1, BudgetUnit(code="339004", name="科学技术协会"))
    doc.move_project(0, 0, 1, 0)
    assert [p.name for p in doc.units[0].projects] == ["科技创新扶持资金"]
    assert [p.name for p in doc.units[1].projects] == ["优秀科技特派员奖励"]
    assert doc.project_number(1, 0) == 2
    assert doc.locate(2) == (1, 0)


def test_json_round_trip_keeps_everything():
    doc = make_document()
    again = Document.model_validate_json(doc.model_dump_json())
    assert again == doc
    assert again.project(0, 0).spending_plan.values == [Decimal("100"), None, None, None]


def test_frameworks_are_data():
    hebei = load_framework("hebei")
    assert hebei.parent_of("成本指标") == "产出指标"
    assert hebei.canonical_level1("效果指标") == "效益指标"
    mof = load_framework("mof2021")
    assert "成本指标" in mof.level1_names()
    assert mof.level2_names("成本指标") == ["经济成本指标", "社会成本指标", "生态环境成本指标"]


def test_a_spending_percentage_too_large_to_print_is_refused():
    assert Checkpoint(label="3月底", value="33.33").value == Decimal("33.33")
    with pytest.raises(ValidationError, match="“1E\\+300”不是合理的百分比"):
        Checkpoint(label="3月底", value="1E+300")  # a hand-edited JSON file
