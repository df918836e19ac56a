"""Re-checking after an edit touches only the edited project and agrees with a full check."""

from __future__ import annotations

from expected_samples import funing_2024

from perfdesk.model import BudgetUnit, Indicator
from perfdesk.review import check_document
from perfdesk.review.live import LiveReview


def follow(document):
    live = LiveReview(document)
    document.subscribe(live.note)
    live.refresh()
    return live


def keys(findings):
    return [f.key() + (f.number, f.project_code) for f in findings]


def test_one_edit_rechecks_one_project_and_matches_a_full_check():
    document = funing_2024.build()
    live = follow(document)
    assert live.checked_last == 10
    document.update_indicator(0, 1, 6, value="≤1.87万元")  # project 2's cost now within budget
    findings = live.refresh()
    assert live.checked_last == 1
    assert not [f for f in findings if f.rule == "cost-above-budget"]
    assert keys(findings) == keys(check_document(document))


def test_moved_and_removed_projects_keep_correct_places():
    document = funing_2024.build()
    live = follow(document)
    document.move_project(0, 1, 0, 5)
    document.remove_project(0, 0)
    document.insert_unit(0, BudgetUnit(code="471002", name="抚宁区科学技术协会"))
    document.move_project(1, 0, 0, 0)
    findings = live.refresh()
    assert live.checked_last == 0
    assert keys(findings) == keys(check_document(document))
    moved = [f for f in findings if f.rule == "cost-above-budget"]
    assert [(f.unit, f.project, f.number) for f in moved] == [(1, 3, 5)]
    assert moved[0].fix is None


def test_year_change_rechecks_every_code():
    document = funing_2024.build()
    live = follow(document)
    document.update(year=2023)
    findings = live.refresh()
    assert live.checked_last == 10
    assert sorted(f.number for f in findings if f.rule == "code-year") == [1, 2, 3, 5, 6, 9, 10]


def test_fix_locations_follow_a_move():
    document = funing_2024.build()
    live = follow(document)
    document.insert_indicator(0, 9, 0, Indicator(level1="产出指标", level2="数量指标", level3="<p>站点</p>",
                                                 description="新建站点", value="≥1个", basis="工作计划"))
    live.refresh()
    document.move_project(0, 9, 0, 0)
    (markup,) = [f for f in live.refresh() if f.rule == "markup" and f.field == "level3"]
    assert markup.number == 1
    for target, fields, index, unit, project in markup.fix.updates:
        document.update_item(target, fields, index, unit, project)
    assert document.project(0, 0).indicators[0].level3 == "站点"
