"""Hypothesis strategies for documents, for round-trip tests of the file formats.

Texts draw from any printable Unicode plus line breaks, the labels of the layout (so that a
project named 预算数 or an indicator valued 项目编码 is tried) and formula-like starts
(= + - @). What the formats cannot hold is left out, as documented by the writer: control
characters other than tab, carriage return and line break, spending-plan checkpoints with an empty label, more
than six checkpoints, line breaks inside a project goal, amounts beyond 15 digits.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from perfdesk.model import (
    BudgetUnit, Checkpoint, Document, DocumentStatus, Indicator, Measure, Part1, Project, SpendingPlan, SubGoal,
    available_frameworks,
)

LABELS = ["项目编码", "项目名称", "预算数", "其中：财政资金", "其他资金", "资金支出计划（%）", "绩效目标",
          "一级指标", "二级指标", "单位：万元", "一、总体绩效目标", "（一）", "预算单位", "合计", "绩效目标表"]
LEVEL1 = ["产出指标", "效益指标", "满意度指标", "效果指标", "成本指标", ""]
LEVEL2 = ["数量指标", "质量指标", "时效指标", "成本指标", "社会效益指标", "服务对象满意度指标", ""]

_chars = st.characters(exclude_categories=("Cs", "Cc", "Cn", "Co"), include_characters="\t\r")
_line = st.one_of(
    st.text(_chars, max_size=12),
    st.sampled_from(LABELS),
    st.sampled_from(["=SUM(A1:A2)", "+1", "-1", "@x", "≥95%", "_x0041_", " 首尾空格 ", "　　缩进"]),
)
single_line = st.one_of(_line, st.lists(_line, min_size=2, max_size=3).map("".join))
multi_line = st.lists(single_line, max_size=3).map("\n".join)


@st.composite
def amounts(draw) -> Decimal | None:
    if draw(st.booleans()) and draw(st.booleans()):
        return None
    cents = draw(st.integers(min_value=-10**9, max_value=10**12))
    return Decimal(cents) / 100


percent = st.one_of(st.none(), st.integers(min_value=0, max_value=100_00).map(lambda n: Decimal(n) / 100))
checkpoint_label = st.one_of(st.sampled_from(["3月底", "6月底", "10月底", "12月底", "第一季度"]),
                             single_line.filter(bool))


@st.composite
def spending_plans(draw) -> SpendingPlan:
    count = draw(st.integers(min_value=0, max_value=6))
    return SpendingPlan(checkpoints=[Checkpoint(label=draw(checkpoint_label), value=draw(percent))
                                     for _ in range(count)])


indicators = st.builds(
    Indicator,
    level1=st.one_of(st.sampled_from(LEVEL1), single_line),
    level2=st.one_of(st.sampled_from(LEVEL2), single_line),
    level3=single_line, description=multi_line, value=single_line, basis=single_line,
)


@st.composite
def projects(draw) -> Project:
    return Project(
        code=draw(single_line), name=draw(single_line),
        budget_total=draw(amounts()), budget_fiscal=draw(amounts()), budget_other=draw(amounts()),
        purpose=draw(multi_line), spending_plan=draw(spending_plans()),
        goals=draw(st.lists(single_line, max_size=3)),
        indicators=draw(st.lists(indicators, max_size=5)),
    )


units = st.builds(BudgetUnit, code=single_line, name=single_line, projects=st.lists(projects(), max_size=2))
part1s = st.builds(
    Part1,
    overall_goal=multi_line,
    sub_goals=st.lists(st.builds(SubGoal, title=multi_line, goal=multi_line, indicators=multi_line), max_size=2),
    measures=st.lists(st.builds(Measure, text=multi_line, items=st.lists(multi_line, max_size=2)), max_size=2),
)
documents = st.builds(
    Document,
    department=single_line, year=st.one_of(st.none(), st.integers(min_value=1990, max_value=2100)),
    status=st.sampled_from(list(DocumentStatus)), prepared_by=single_line, reviewed_by=single_line,
    framework=st.sampled_from(available_frameworks()), part1=part1s, units=st.lists(units, max_size=3),
)
