"""Every undo command in perfdesk.undo: edit → document changed and stack modified → undo →
document as before and stack clean → redo → the edit again."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest

from perfdesk.model import BudgetUnit, Document, Indicator, Project, SubGoal
from perfdesk.undo import (
    DuplicateProjectCommand,
    InsertCommand,
    MoveCommand,
    MoveProjectCommand,
    RemoveCommand,
    ReplaceDocumentCommand,
    UpdateCommand,
)


def check_round_trip(stack, document, command, changed):
    """Push, check the change, undo to the saved text, redo to the changed text."""
    before = copy.deepcopy(document)
    stack.setClean()
    stack.push(command)
    assert not stack.isClean()
    assert changed(document)
    assert document != before
    after = copy.deepcopy(document)
    stack.undo()
    assert stack.isClean()
    assert document == before
    stack.redo()
    assert not stack.isClean()
    assert document == after


def test_insert_indicator(undo_stack, document):
    row = Indicator(level1="产出指标", level2="数量指标", level3="培训人次", value="≥100人次")
    check_round_trip(undo_stack, document, InsertCommand(document, "indicator", 1, row, unit=0, project=0),
                     lambda d: d.project(0, 0).indicators[1].level3 == "培训人次")


def test_insert_unit_and_goal(undo_stack, document):
    check_round_trip(undo_stack, document, InsertCommand(document, "unit", 2, BudgetUnit(code="339005", name="新单位")),
                     lambda d: [u.code for u in d.units] == ["339003", "339004", "339005"])
    check_round_trip(undo_stack, document, InsertCommand(document, "goal", 0, "提升科技创新能力", unit=0, project=1),
                     lambda d: d.project(0, 1).goals == ["提升科技创新能力"])
    check_round_trip(undo_stack, document, InsertCommand(document, "sub_goal", 0, SubGoal(title="科技政务管理")),
                     lambda d: d.part1.sub_goals[0].title == "科技政务管理")


def test_inserted_item_is_not_shared_with_the_command(undo_stack, document):
    item = Indicator(level3="甲")
    undo_stack.push(InsertCommand(document, "indicator", 0, item, unit=0, project=1))
    document.update_indicator(0, 1, 0, level3="乙")
    assert item.level3 == "甲"


def test_remove_project(undo_stack, document):
    check_round_trip(undo_stack, document, RemoveCommand(document, "project", 0, unit=0),
                     lambda d: [p.name for p in d.units[0].projects] == ["科技创新扶持资金"])


def test_remove_unit_restores_its_projects(undo_stack, document):
    check_round_trip(undo_stack, document, RemoveCommand(document, "unit", 0),
                     lambda d: [u.code for u in d.units] == ["339004"])


def test_move_indicator(undo_stack, document):
    check_round_trip(undo_stack, document, MoveCommand(document, "indicator", 0, 3, unit=0, project=0),
                     lambda d: d.project(0, 0).indicators[3].level3 == "奖补数量")


def test_move_unit(undo_stack, document):
    check_round_trip(undo_stack, document, MoveCommand(document, "unit", 1, 0),
                     lambda d: [u.code for u in d.units] == ["339004", "339003"])


def test_move_project_within_and_across_units(undo_stack, document):
    # The first leaves the order [扶持资金, 奖励] (redone), so index 0 then is 扶持资金.
    check_round_trip(undo_stack, document, MoveProjectCommand(document, 0, 0, 0, 1),
                     lambda d: d.project(0, 1).name == "优秀科技特派员奖励（2021年借款）")
    check_round_trip(undo_stack, document, MoveProjectCommand(document, 0, 0, 1, 0),
                     lambda d: [p.name for p in d.units[1].projects] == ["科技创新扶持资金", "科普活动经费"])


def test_update_indicator_value(undo_stack, document):
    check_round_trip(undo_stack, document, UpdateCommand(document, "indicator", {"value": "≥6人"}, index=0,
                                                         unit=0, project=0),
                     lambda d: d.project(0, 0).indicators[0].value == "≥6人")


def test_update_project_amount_and_cover(undo_stack, document):
    check_round_trip(undo_stack, document, UpdateCommand(document, "project", {"budget_total": "280"}, index=1, unit=0),
                     lambda d: d.project(0, 1).budget_total == Decimal("280.00"))
    check_round_trip(undo_stack, document, UpdateCommand(document, "document", {"year": 2023}),
                     lambda d: d.year == 2023)
    check_round_trip(undo_stack, document, UpdateCommand(document, "goal", {"text": "目标"}, index=0, unit=0, project=0),
                     lambda d: d.project(0, 0).goals == ["目标"])


def test_merged_typing_is_one_step(undo_stack, document):
    for text in ("≥", "≥6", "≥6人"):
        undo_stack.push(UpdateCommand(document, "indicator", {"value": text}, index=0, unit=0, project=0, merge=True))
    assert undo_stack.count() == 1
    assert document.project(0, 0).indicators[0].value == "≥6人"
    undo_stack.undo()
    assert document.project(0, 0).indicators[0].value == "≥5人" and undo_stack.isClean()


def test_bad_update_leaves_document_and_stack_alone(undo_stack, document):
    before = copy.deepcopy(document)
    with pytest.raises(ValueError):
        undo_stack.push(UpdateCommand(document, "project", {"budget_total": "三百"}, index=1, unit=0))
    assert document == before


def test_replace_document(undo_stack, document):
    new = Document(department="承德高新技术产业开发区科学技术局", year=2025,
                   units=[BudgetUnit(code="112001", name="本级", projects=[Project(name="科技专项")])])
    check_round_trip(undo_stack, document, ReplaceDocumentCommand(document, new),
                     lambda d: d.department == "承德高新技术产业开发区科学技术局" and d.project_count() == 1)


def test_duplicate_project(undo_stack, document):
    check_round_trip(undo_stack, document, DuplicateProjectCommand(document, 0, 0),
                     lambda d: [p.name for p in d.units[0].projects] == [
                         "优秀科技特派员奖励（2021年借款）", "优秀科技特派员奖励（2021年借款）（副本）", "科技创新扶持资金"]
                     and d.project(0, 1).indicators == d.project(0, 0).indicators
                     and d.project(0, 1).code == "13020822P00871410001L")
    # The copy is a copy: editing it leaves the original alone.
    document.update_indicator(0, 1, 0, value="≥9人")
    assert document.project(0, 0).indicators[0].value == "≥5人"


def test_macro_of_several_commands_undoes_at_once(undo_stack, document):
    undo_stack.beginMacro("粘贴2行绩效指标")
    undo_stack.push(InsertCommand(document, "indicator", 0, Indicator(level3="甲"), unit=1, project=0))
    undo_stack.push(InsertCommand(document, "indicator", 1, Indicator(level3="乙"), unit=1, project=0))
    undo_stack.endMacro()
    assert undo_stack.count() == 1 and not undo_stack.isClean()
    undo_stack.undo()
    assert document.project(1, 0).indicators == [] and undo_stack.isClean()
