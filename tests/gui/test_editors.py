"""The node editors on their own: every edit is one undo step (edit → modified → undo → clean)
and the fields show undo at once. Uses the 丰润 2022 document of tests/gui/conftest.py."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from main_window_support import type_text as press_keys
from perfdesk.model import QUARTER_CHECKPOINTS, DocumentStatus
from perfdesk.ui.cover_editor import CoverEditor
from perfdesk.ui.part1_editor import Part1Editor
from perfdesk.ui.project_editor import ProjectEditor
from perfdesk.ui.unit_editor import UnitEditor


@pytest.fixture
def shown(qtbot):
    def show(widget):
        qtbot.addWidget(widget)
        widget.show()
        widget.activateWindow()
        qtbot.waitActive(widget)
        return widget
    return show


def typed(qtbot, field, text: str, replace: bool = True) -> None:
    field.setFocus()
    if replace:
        field.selectAll()
    press_keys(field, text)


def leave(field) -> None:
    field.clearFocus()
    QApplication.processEvents()


def check_one_step(stack) -> None:
    assert not stack.isClean() and stack.count() == 1


# ------------------------------------------------------------------- project
@pytest.fixture
def project_editor(document, undo_stack, shown):
    editor = shown(ProjectEditor(document, undo_stack))
    editor.set_project(0, 0)
    return editor


def test_project_editor_shows_the_table_head(project_editor):
    e = project_editor
    assert e.title.text() == "1.优秀科技特派员奖励（2021年借款）绩效目标表"
    assert e.code.text() == "13020822P00871410001L"
    assert e.budget_total.text() == "1.00" and e.budget_other.text() == ""
    assert [label.text() for label in e.plan_labels] == ["3月底", "6月底", "10月底", "12月底"]
    assert [f.text() for f in e.plan_fields] == ["100", "", "", ""]
    assert e.unit_box.currentText() == "339003唐山市丰润区科学技术局"
    assert e.goals.itemDelegate().numbered_text(e.goals_model.index(0, 0)) == "1.目标内容1"


def test_typing_a_name_is_one_step_and_undo_shows_at_once(qtbot, project_editor, document, undo_stack):
    typed(qtbot, project_editor.name, "科技特派员奖励")
    assert document.project(0, 0).name == "科技特派员奖励"
    assert project_editor.title.text() == "1.科技特派员奖励绩效目标表"
    check_one_step(undo_stack)
    undo_stack.undo()
    assert document.project(0, 0).name == "优秀科技特派员奖励（2021年借款）"
    assert project_editor.name.text() == "优秀科技特派员奖励（2021年借款）"
    assert undo_stack.isClean()


def test_leaving_a_field_ends_the_step(qtbot, project_editor, undo_stack):
    typed(qtbot, project_editor.code, "A")
    leave(project_editor.code)
    typed(qtbot, project_editor.code, "B", replace=False)
    assert undo_stack.count() == 2


def test_amount_typed_as_12_5_is_kept_as_12_50(qtbot, project_editor, document, undo_stack):
    typed(qtbot, project_editor.budget_other, "12.5")
    assert document.project(0, 0).budget_other == Decimal("12.50")
    assert project_editor.budget_other.text() == "12.5"  # not rewritten while typing
    check_one_step(undo_stack)
    leave(project_editor.budget_other)
    assert project_editor.budget_other.text() == "12.50"
    undo_stack.undo()
    assert document.project(0, 0).budget_other is None and project_editor.budget_other.text() == ""
    assert undo_stack.isClean()


def test_amount_field_refuses_letters_and_a_third_decimal(qtbot, project_editor, document):
    typed(qtbot, project_editor.budget_total, "2.345x")
    assert document.project(0, 0).budget_total == Decimal("2.34")
    assert project_editor.budget_total.text() == "2.34"


def test_spending_plan_checkpoint(qtbot, project_editor, document, undo_stack):
    typed(qtbot, project_editor.plan_fields[1], "60")
    assert document.project(0, 0).spending_plan.values == [Decimal("100"), Decimal("60"), None, None]
    check_one_step(undo_stack)
    undo_stack.undo()
    assert document.project(0, 0).spending_plan.values == [Decimal("100"), None, None, None]
    assert project_editor.plan_fields[1].text() == "" and undo_stack.isClean()


def test_spending_plan_by_quarter(project_editor, document, undo_stack):
    box = project_editor.plan_kind
    box.setCurrentIndex(1)
    box.activated.emit(1)
    assert tuple(document.project(0, 0).spending_plan.labels) == QUARTER_CHECKPOINTS
    assert project_editor.plan_labels[0].text() == "第一季度"
    check_one_step(undo_stack)
    undo_stack.undo()
    assert project_editor.plan_labels[0].text() == "3月底" and undo_stack.isClean()


def test_purpose_text(qtbot, project_editor, document, undo_stack):
    typed(qtbot, project_editor.purpose, "奖励优秀特派员")
    assert document.project(0, 0).purpose == "奖励优秀特派员"
    check_one_step(undo_stack)
    undo_stack.undo()
    assert project_editor.purpose.toPlainText() == "用于2021年度优秀科技特派员奖励资金" and undo_stack.isClean()


def test_goals_add_edit_move_delete_each_undoable(qtbot, project_editor, document, undo_stack):
    goals = document.project(0, 0).goals
    project_editor.add_goal.click()
    QApplication.processEvents()
    model = project_editor.goals_model
    assert model.setData(model.index(1, 0), "按时发放奖励资金")
    assert goals == ["目标内容1", "按时发放奖励资金"]
    assert project_editor.goals.itemDelegate().numbered_text(model.index(1, 0)) == "2.按时发放奖励资金"
    assert undo_stack.count() == 2
    project_editor.goals.setCurrentIndex(model.index(1, 0))
    project_editor.goal_up.click()
    assert goals == ["按时发放奖励资金", "目标内容1"]
    assert project_editor.goals.itemDelegate().numbered_text(model.index(0, 0)) == "1.按时发放奖励资金"
    project_editor.goals.setCurrentIndex(model.index(1, 0))
    project_editor.remove_goal.click()
    assert goals == ["按时发放奖励资金"]
    while undo_stack.canUndo():
        undo_stack.undo()
    assert document.project(0, 0).goals == ["目标内容1"] and undo_stack.isClean()
    assert model.rowCount() == 1


def test_choosing_another_unit_moves_the_project(project_editor, document, undo_stack):
    project_editor.unit_box.setCurrentIndex(1)
    project_editor.unit_box.activated.emit(1)
    assert [p.name for p in document.units[1].projects] == ["科普活动经费", "优秀科技特派员奖励（2021年借款）"]
    check_one_step(undo_stack)
    undo_stack.undo()
    assert document.units[0].projects[0].name == "优秀科技特派员奖励（2021年借款）" and undo_stack.isClean()


# --------------------------------------------------------------------- cover
def test_cover_fields(qtbot, document, undo_stack, shown):
    editor = shown(CoverEditor(document, undo_stack))
    assert editor.title.text() == "唐山市丰润区科学技术局2022年部门预算绩效文本"
    typed(qtbot, editor.year, "20")
    assert document.year == 2022 and undo_stack.count() == 0  # two digits are not a year yet
    press_keys(editor.year, "23")
    assert document.year == 2023
    assert editor.title.text() == "唐山市丰润区科学技术局2023年部门预算绩效文本"
    check_one_step(undo_stack)
    undo_stack.undo()
    assert editor.year.text() == "2022" and undo_stack.isClean()

    editor.status.setCurrentIndex(1)
    editor.status.activated.emit(1)
    assert document.status is DocumentStatus.FINAL
    undo_stack.undo()
    assert document.status is DocumentStatus.DRAFT and editor.status.currentData() == DocumentStatus.DRAFT

    typed(qtbot, editor.reviewed_by, "丰润区财政局")
    assert document.reviewed_by == "丰润区财政局"
    undo_stack.undo()
    assert editor.reviewed_by.text() == "" and undo_stack.isClean()


def test_cover_framework_choice(document, undo_stack, shown):
    editor = shown(CoverEditor(document, undo_stack))
    other = editor.framework.findData("mof2021")
    assert other >= 0
    editor.framework.setCurrentIndex(other)
    editor.framework.activated.emit(other)
    assert document.framework == "mof2021"
    undo_stack.undo()
    assert document.framework == "hebei" and editor.framework.currentData() == "hebei"


# ---------------------------------------------------------------------- unit
def test_unit_name(qtbot, document, undo_stack, shown):
    editor = shown(UnitEditor(document, undo_stack))
    editor.set_unit(1)
    assert editor.code.text() == "339004"
    assert "12.50" in editor.totals.text()
    typed(qtbot, editor.name, "丰润区科协")
    assert document.units[1].name == "丰润区科协" and editor.title.text() == "339004丰润区科协"
    check_one_step(undo_stack)
    undo_stack.undo()
    assert editor.name.text() == "唐山市丰润区科学技术协会" and undo_stack.isClean()


# -------------------------------------------------------------------- part 1
def test_part1_overall_goal_and_sub_goals(qtbot, document, undo_stack, shown):
    editor = shown(Part1Editor(document, undo_stack))
    typed(qtbot, editor.overall, "推动科技创新")
    assert document.part1.overall_goal == "推动科技创新"
    check_one_step(undo_stack)
    undo_stack.undo()
    assert editor.overall.toPlainText() == "" and undo_stack.isClean()

    editor.tabs.setCurrentIndex(1)
    editor.sub_goals.add_button.click()
    typed(qtbot, editor.sub_goal_title, "科技特派员工作")
    assert document.part1.sub_goals[0].title == "科技特派员工作"
    assert editor.sub_goals.view.itemDelegate().numbered_text(editor.sub_goals_model.index(0, 0)) == "（一）科技特派员工作"
    editor.sub_goals.add_button.click()
    editor.sub_goals.up_button.click()
    assert [s.title for s in document.part1.sub_goals] == ["", "科技特派员工作"]
    editor.sub_goals.remove_button.click()
    assert [s.title for s in document.part1.sub_goals] == ["科技特派员工作"]
    while undo_stack.canUndo():
        undo_stack.undo()
    assert document.part1.sub_goals == [] and undo_stack.isClean()


def test_part1_measure_items_one_per_line(qtbot, document, undo_stack, shown):
    editor = shown(Part1Editor(document, undo_stack))
    editor.tabs.setCurrentIndex(2)
    editor.measures.add_button.click()
    typed(qtbot, editor.measure_text, "加强组织领导")
    editor.measure_items.setFocus()
    press_keys(editor.measure_items, "成立领导小组")
    qtbot.keyClick(editor.measure_items, Qt.Key.Key_Return)
    press_keys(editor.measure_items, "明确责任分工")
    measure = document.part1.measures[0]
    assert measure.text == "加强组织领导"
    assert measure.items == ["成立领导小组", "明确责任分工"]
    assert editor.measures.view.itemDelegate().numbered_text(editor.measures_model.index(0, 0)) == "一、加强组织领导"
    while undo_stack.canUndo():
        undo_stack.undo()
    assert document.part1.measures == [] and undo_stack.isClean()
