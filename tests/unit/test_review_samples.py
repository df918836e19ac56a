"""The published texts, as documents, get the remarks a reviewer at the bureau would make.

Expected findings were listed by reading tests/data/samples/*.txt: the 抚宁 2024 text has
spending plans stopping at 75%, a 30.75万元 cost on a 1.87万元 project, a head count filed
as a cost, <p> markup pasted into goals, "及时" as a deadline, 2023 codes in a 2024 text (hints: the names say these are 2023 funds), a 2023 deadline;
the 丰润 2022 text left the template's "目标内容1" as the goal of four projects.
"""

from __future__ import annotations

from expected_samples import fengrun_2022, funing_2024

from perfdesk.review import Severity, check_document

E, W = "error", "warning"


def serious(document) -> set[tuple[int | None, str, str, int | None, int | None]]:
    """(project number, severity, rule, indicator row 1-based, item 1-based) of errors and warnings."""
    return {(f.number, f.severity.value, f.rule, None if f.row is None else f.row + 1,
             None if f.item is None or f.field != "goals" else f.item + 1)
            for f in check_document(document) if f.severity is not Severity.HINT}


def test_funing_2024_errors_and_warnings():
    assert serious(funing_2024.build()) == {
        (1, W, "time-value-unit", 5, None),       # 时效指标 "≥558.42 万元"
        (2, E, "cost-above-budget", 7, None),     # 费用总数 ≥30.75万元, budget 1.87
        (3, E, "plan-not-100", None, None),       # 25% 50% 75%
        (3, W, "markup", None, 1), (3, W, "markup", None, 2), (3, W, "markup", None, 3),
        (3, W, "value-not-numeric", 6, None),     # 及时完成
        (5, E, "plan-not-100", None, None),
        (5, W, "value-not-numeric", 4, None),     # 质量 "稳步提升"
        (5, W, "value-not-numeric", 5, None),     # 时效 "及时"
        (6, W, "cost-not-money", 7, None),        # 成本指标 受益总人数 6人
        (7, E, "plan-not-100", None, None),
        (7, W, "time-before-year", 3, None),      # 时效 "2023 年 8 月底前" in a 2024 text
        (7, W, "value-not-numeric", 2, None),     # 质量 "达到支持条件"
        (8, W, "value-not-numeric", 4, None),
        (9, E, "plan-not-100", None, None),
        (9, W, "value-not-numeric", 3, None),
        (10, E, "plan-not-100", None, None),
        (10, W, "value-not-numeric", 4, None),
    }


def test_funing_2024_hints_a_reviewer_would_add():
    hints = {(f.number, f.rule, None if f.row is None else f.row + 1)
             for f in check_document(funing_2024.build()) if f.severity is Severity.HINT}
    assert {(2, "cost-lower-bound", 7), (2, "level-scattered", 5), (4, "value-vague", 6),
            (7, "value-vague", 5), (8, "plan-trailing-blank", None), (9, "value-vague", 5),
            (1, "description-echo", 3), (4, "code-year", None), (7, "code-year", None),
            (8, "code-year", None)} <= hints
    assert not {rule for _, rule, _ in hints} & {"value-echo", "row-duplicate"}


def test_fengrun_2022_errors_and_warnings():
    assert serious(fengrun_2022.build()) == {
        (1, E, "goal-placeholder", None, 1),
        (8, E, "goal-placeholder", None, 1),
        (9, E, "goal-placeholder", None, 1),
        (10, E, "goal-placeholder", None, 1),
    }


def test_clean_real_projects_have_no_error_or_warning():
    document = fengrun_2022.build()
    for number in range(2, 8):  # 科技创新扶持资金 … 唐财教（2021）68号
        remarks = [f for f in check_document(document) if f.number == number and f.severity is not Severity.HINT]
        assert remarks == [], number


def test_fengrun_first_project_spending_plan_hint_offers_the_fill():
    document = fengrun_2022.build()
    (finding,) = [f for f in check_document(document) if f.rule == "plan-trailing-blank"]
    assert finding.number == 1 and finding.fix is not None
    for target, fields, index, unit, project in finding.fix.updates:
        document.update_item(target, fields, index, unit, project)
    assert [str(v) for v in document.project(0, 0).spending_plan.values] == ["100", "100", "100", "100"]
