"""Whatever a clerk types, the review answers with findings and never raises."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from perfdesk.model import BudgetUnit, Document, Indicator, Project, SpendingPlan
from perfdesk.review import FIELDS, RULES, check_document

cell = st.one_of(st.sampled_from(["", "无", "≥95百分比", "≤0.2万元", "及时", "年底前", "<p>x</p>", "成本指标",
                                  "产出指标", "效果指标", "数量指标", "服务对象满意度指标", "≥1亿元", "100%",
                                  "≥100000 元", "5人", "XXX", "目标内容1", "&nbsp;", "1.", "２０%"]),
                 st.text(max_size=12))
amount = st.one_of(st.none(), st.decimals(min_value=-1000, max_value=100000, places=2, allow_nan=False))
percent = st.one_of(st.none(), st.decimals(min_value=-50, max_value=500, places=2, allow_nan=False))


@st.composite
def projects(draw) -> Project:
    rows = draw(st.lists(st.tuples(*[cell] * 6), max_size=8))
    return Project(code=draw(st.one_of(cell, st.just("13020822P00871410001L"))), name=draw(cell),
                   budget_total=draw(amount), budget_fiscal=draw(amount), budget_other=draw(amount),
                   purpose=draw(cell), spending_plan=SpendingPlan.of(draw(st.lists(percent, min_size=4, max_size=4))),
                   goals=draw(st.lists(cell, max_size=3)),
                   indicators=[Indicator(level1=a, level2=b, level3=c, description=d, value=e, basis=f)
                               for a, b, c, d, e, f in rows])


@settings(max_examples=150, deadline=None)
@given(st.lists(projects(), max_size=3), st.one_of(st.none(), st.integers(min_value=-5, max_value=9999)), cell)
def test_review_never_raises_and_every_finding_is_placed(items, year, reviewed_by):
    document = Document(department="某局", year=year, reviewed_by=reviewed_by,
                        units=[BudgetUnit(code="339003", name="某局", projects=items)])
    for finding in check_document(document):
        assert finding.rule in RULES and finding.message
        assert finding.field in FIELDS
        if finding.row is not None:
            assert 0 <= finding.row < len(document.project(finding.unit, finding.project).indicators)
        if finding.fix is not None:
            copy = document.model_copy(deep=True)
            finding.fix.apply(copy)  # a fix is always valid: its updates and removals apply
            if finding.rule == "budget-sum":
                p = copy.project(finding.unit, finding.project)
                assert (p.budget_fiscal or Decimal(0)) + (p.budget_other or Decimal(0)) == p.budget_total
