"""查找和替换 (Ctrl+H): find and replace across every project's texts and Part 1.

The clerk's document is the Funing 2024 example, where most 指标值确定依据 cells say 工作计划.
The clerk types into the dialog with real key events and clicks its buttons; what is expected
is worked out independently from a copy of the document taken before.
"""

from __future__ import annotations

import copy

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QApplication, QLabel, QLineEdit, QPushButton

from main_window_support import answers, settings_dir, window  # noqa: F401 - fixtures
from perfdesk.model.project import INDICATOR_FIELDS
from perfdesk.ui.app import set_language
from perfdesk.ui.find_replace import open_find_replace
from perfdesk.undo import InsertCommand, UpdateCommand

PLAN, YEAR_PLAN = "工作计划", "年度工作计划"
BASIS = INDICATOR_FIELDS.index("basis")


@pytest.fixture
def chinese_ui(qapp):
    """The default interface language (list it before ``window``, which is then made in it)."""
    set_language(qapp, None)
    yield
    set_language(qapp, "en")


def widgets(dialog):
    return {name: dialog.findChild(kind, name) for kind, name in (
        (QLineEdit, "findText"), (QLineEdit, "replaceText"), (QCheckBox, "wholeCell"), (QComboBox, "findScope"),
        (QPushButton, "findNext"), (QPushButton, "replace"), (QPushButton, "replaceAll"),
        (QPushButton, "closeFind"), (QLabel, "findStatus"))}


def type_into(qtbot, type_text, field: QLineEdit, text: str) -> None:
    field.window().activateWindow()
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)  # the input method types there
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    type_text(field, text)
    assert field.text() == text


def click(qtbot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def plan_cells(document) -> list[tuple[int, int, int]]:
    """(unit, project, row) of every 依据 cell that is exactly 工作计划, in print order."""
    return [(u, p, row) for u, p, _, project in document.projects()
            for row, indicator in enumerate(project.indicators) if indicator.basis == PLAN]


def texts(document) -> list[str]:
    """Every searched text, counted without the dialog's code."""
    part1 = document.part1
    found = [part1.overall_goal]
    found += [text for sub in part1.sub_goals for text in (sub.title, sub.goal, sub.indicators)]
    found += [text for measure in part1.measures for text in (measure.text, *measure.items)]
    for _, _, _, project in document.projects():
        found += [project.name, project.purpose, *project.goals]
        found += [cell for indicator in project.indicators for cell in indicator.cells()]
    return found


def test_replace_all_changes_every_basis_in_one_undo_step(qtbot, chinese_ui, window, type_text):
    before = copy.deepcopy(window.document)
    expected = plan_cells(before)
    occurrences = sum(text.count(PLAN) for text in texts(before))
    assert len({(u, p) for u, p, _ in expected}) >= 5 and occurrences >= len(expected)

    dialog = open_find_replace(window)
    qtbot.waitExposed(dialog)
    assert dialog.objectName() == "findReplace" and not dialog.isModal()
    w = widgets(dialog)
    type_into(qtbot, type_text, w["findText"], PLAN)
    type_into(qtbot, type_text, w["replaceText"], YEAR_PLAN)
    steps = window.undo_stack.count()
    click(qtbot, w["replaceAll"])

    assert w["findStatus"].text() == f"已替换 {occurrences} 处。"
    for u, p, _, project in window.document.projects():
        for row, indicator in enumerate(project.indicators):
            old = before.project(u, p).indicators[row].basis
            assert indicator.basis == (YEAR_PLAN if (u, p, row) in expected else old.replace(PLAN, YEAR_PLAN))
    assert sum(text.count(YEAR_PLAN) for text in texts(window.document)) == occurrences
    assert window.undo_stack.count() == steps + 1
    assert window.undo_stack.undoText() == "全部替换"

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one Ctrl+Z
    assert window.document == before
    window.undo_stack.redo()
    assert [(u, p, r) for u, p, _, project in window.document.projects()
            for r, i in enumerate(project.indicators) if i.basis == YEAR_PLAN] == expected


def test_find_next_walks_into_the_next_project_and_shows_the_cell(qtbot, window, type_text):
    cells = plan_cells(window.document)
    first_project = cells[0][:2]
    in_first = [cell for cell in cells if cell[:2] == first_project]
    window.select("project", *first_project)
    dialog = open_find_replace(window)
    w = widgets(dialog)
    type_into(qtbot, type_text, w["findText"], PLAN)
    w["wholeCell"].setChecked(True)  # only the 依据 cells that are exactly 工作计划

    for u, p, row in in_first + [next(cell for cell in cells if cell[:2] != first_project)]:
        click(qtbot, w["findNext"])
        assert (window.project_editor.unit, window.project_editor.project) == (u, p)
        assert window.node == ("project", u, p)
        current = window.grid.view.currentIndex()
        assert (current.row(), current.column()) == (row, BASIS)
        assert w["findStatus"].text() == ""


def test_find_next_wraps_round_and_says_so(qtbot, chinese_ui, window, type_text):
    last = plan_cells(window.document)[-1]
    window.select("project", *last[:2])
    dialog = open_find_replace(window)
    w = widgets(dialog)
    type_into(qtbot, type_text, w["findText"], PLAN)
    w["wholeCell"].setChecked(True)
    in_last = [cell for cell in plan_cells(window.document) if cell[:2] == last[:2]]
    for _ in in_last:
        click(qtbot, w["findNext"])
    assert w["findStatus"].text() == ""
    click(qtbot, w["findNext"])
    assert w["findStatus"].text() == "已从头开始。"
    first = plan_cells(window.document)[0]
    assert window.node == ("project", *first[:2])
    assert window.grid.view.currentIndex().row() == first[2]

    # Within the current project only: wrapping stays in it.
    w["findScope"].setCurrentIndex(w["findScope"].findText("当前项目"))
    in_first = [cell for cell in plan_cells(window.document) if cell[:2] == first[:2]]
    for _ in in_first:
        click(qtbot, w["findNext"])
    assert w["findStatus"].text() == "已从头开始。"
    assert window.node == ("project", *first[:2])


def test_text_not_present_is_not_found(qtbot, chinese_ui, window, type_text):
    before = copy.deepcopy(window.document)
    dialog = open_find_replace(window)
    w = widgets(dialog)
    type_into(qtbot, type_text, w["findText"], "不存在的文字")
    click(qtbot, w["findNext"])
    assert w["findStatus"].text() == "找不到“不存在的文字”。"
    type_into(qtbot, type_text, w["replaceText"], "x")
    steps = window.undo_stack.count()
    click(qtbot, w["replaceAll"])
    assert w["findStatus"].text() == "找不到“不存在的文字”。"
    assert window.undo_stack.count() == steps and window.document == before


def test_replace_changes_the_cell_found_and_finds_the_next(qtbot, window, type_text):
    cells = plan_cells(window.document)
    window.select("project", *cells[0][:2])
    dialog = open_find_replace(window)
    w = widgets(dialog)
    type_into(qtbot, type_text, w["findText"], PLAN)
    type_into(qtbot, type_text, w["replaceText"], YEAR_PLAN)
    w["wholeCell"].setChecked(True)

    click(qtbot, w["replace"])  # nothing found yet: finds the first
    assert window.document.project(*cells[0][:2]).indicators[cells[0][2]].basis == PLAN
    assert window.grid.view.currentIndex().row() == cells[0][2]
    click(qtbot, w["replace"])  # replaces it, goes on to the next
    u, p, row = cells[0]
    assert window.document.project(u, p).indicators[row].basis == YEAR_PLAN
    assert window.grid.view.currentIndex().row() == cells[1][2]
    assert sum(1 for cell in plan_cells(window.document)) == len(cells) - 1
    window.undo_stack.undo()
    assert window.document.project(u, p).indicators[row].basis == PLAN


def test_part1_and_goals_are_searched_and_shown(qtbot, window, type_text):
    document = window.document
    window.undo_stack.push(UpdateCommand(document, "sub_goal", {"goal": "完成ABC任务"}, 1))
    window.undo_stack.push(InsertCommand(document, "goal", 0, "推进ABC建设", 0, 2))
    dialog = open_find_replace(window)
    w = widgets(dialog)
    type_into(qtbot, type_text, w["findText"], "ABC")
    click(qtbot, w["findNext"])
    assert window.node[0] == "part1"
    assert window.part1_editor.tabs.currentIndex() == 1  # 分项绩效目标
    click(qtbot, w["findNext"])
    assert window.node == ("project", 0, 2)

    type_into(qtbot, type_text, w["replaceText"], "XYZ")
    click(qtbot, w["replaceAll"])
    assert w["findStatus"].text() == "Replaced 2 occurrence(s)."
    assert window.document.part1.sub_goals[1].goal == "完成XYZ任务"
    assert window.document.project(0, 2).goals[0] == "推进XYZ建设"
    assert open_find_replace(window) is dialog  # re-shown, not made again
    click(qtbot, w["closeFind"])
    assert not dialog.isVisible()


def test_find_next_starts_at_the_project_the_clerk_went_to(qtbot, window, type_text):
    cells = plan_cells(window.document)
    dialog = open_find_replace(window)
    w = widgets(dialog)
    type_into(qtbot, type_text, w["findText"], PLAN)
    w["wholeCell"].setChecked(True)
    click(qtbot, w["findNext"])
    assert window.node == ("project", *cells[0][:2])
    later = cells[-1]
    window.select("project", *later[:2])
    click(qtbot, w["findNext"])
    first_there = next(cell for cell in cells if cell[:2] == later[:2])
    assert window.node == ("project", *later[:2])
    assert window.grid.view.currentIndex().row() == first_there[2]


def test_ctrl_h_opens_find_and_replace_from_the_window(qtbot, window):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    assert window.findChild(QWidget, "findReplace") is None
    qtbot.keyClick(window.tree, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(QWidget, "findReplace")
    assert dialog is not None and dialog.isVisible()
