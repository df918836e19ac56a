"""DepartmentTree: the real widget, driven offscreen by keyboard, actions and its menus."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from perfdesk.ui.department_tree import DepartmentTree


@pytest.fixture
def tree(qtbot, document, undo_stack) -> DepartmentTree:
    widget = DepartmentTree(document, undo_stack)
    qtbot.addWidget(widget)
    widget.resize(420, 300)
    widget.show()
    qtbot.waitExposed(widget)
    widget.setFocus()
    return widget


def names(document, unit):
    return [project.name for project in document.units[unit].projects]


def test_selecting_nodes_emits_kind_and_location(qtbot, tree):
    assert tree.objectName() == "departmentTree"
    with qtbot.waitSignal(tree.nodeSelected) as selected:
        tree.select_node("project", 1, 0)
    assert selected.args == ["project", 1, 0]
    with qtbot.waitSignal(tree.nodeSelected) as selected:
        tree.select_node("part1")
    assert selected.args == ["part1", -1, -1]
    with qtbot.waitSignal(tree.nodeSelected) as selected:
        tree.select_node("unit", 0)
    assert selected.args == ["unit", 0, -1]
    # The clerk walks down with the arrow key: the next node is the first project.
    with qtbot.waitSignal(tree.nodeSelected) as selected:
        qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert selected.args == ["project", 0, 0]


def test_f2_renames_a_project_inline_and_undo_restores(qtbot, tree, document, undo_stack, type_text):
    tree.select_node("project", 0, 1)
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    editor = tree.findChild(QLineEdit)
    assert editor is not None and editor.text() == "科技创新扶持资金"
    editor.selectAll()
    type_text(editor, "科技创新扶持资金（第二批）")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits on a queued call after Return
    assert names(document, 0)[1] == "科技创新扶持资金（第二批）"
    assert not undo_stack.isClean()
    undo_stack.undo()
    assert names(document, 0)[1] == "科技创新扶持资金"
    assert undo_stack.isClean()


def test_ctrl_down_moves_a_project_and_crosses_into_the_next_unit(qtbot, tree, document, undo_stack):
    tree.select_node("project", 0, 0)
    qtbot.keyClick(tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert names(document, 0) == ["科技创新扶持资金", "优秀科技特派员奖励（2021年借款）"]
    assert tree.current_node() == ("project", 0, 1)
    qtbot.keyClick(tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert names(document, 0) == ["科技创新扶持资金"]
    assert names(document, 1) == ["优秀科技特派员奖励（2021年借款）", "科普活动经费"]
    assert tree.current_node() == ("project", 1, 0)
    assert tree.move_up_action.isEnabled()  # it can go back up
    qtbot.keyClick(tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert names(document, 0)[-1] == "优秀科技特派员奖励（2021年借款）"
    assert undo_stack.count() == 3
    while undo_stack.canUndo():
        undo_stack.undo()
    assert names(document, 0) == ["优秀科技特派员奖励（2021年借款）", "科技创新扶持资金"]


def test_units_move_with_keyboard(qtbot, tree, document):
    tree.select_node("unit", 1)
    assert not tree.move_down_action.isEnabled()
    qtbot.keyClick(tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [unit.code for unit in document.units] == ["339004", "339003"]
    assert tree.current_node() == ("unit", 0, -1)


def test_add_project_then_unit(qtbot, tree, document, undo_stack):
    tree.select_node("project", 0, 0)
    tree.add_project_action.trigger()
    assert names(document, 0) == ["优秀科技特派员奖励（2021年借款）", "New project", "科技创新扶持资金"]
    assert tree.current_node() == ("project", 0, 1)
    editor = tree.findChild(QLineEdit)  # the new name is ready to be typed
    assert editor is not None and editor.isVisible()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    tree.select_node("unit", 1)
    tree.add_unit_action.trigger()
    assert [unit.name for unit in document.units][-1] == "New budget unit"
    assert tree.current_node() == ("unit", 2, -1)
    assert undo_stack.count() == 2


def test_delete_asks_first_and_does_nothing_on_no(qtbot, tree, document, undo_stack, monkeypatch):
    asked = []

    def answer(reply):
        def question(parent, title, text, *args, **kwargs):
            asked.append(text)
            return reply
        return question

    tree.select_node("project", 0, 0)
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    assert asked == ["Delete the project “优秀科技特派员奖励（2021年借款）”?"]
    assert len(document.units[0].projects) == 2 and undo_stack.count() == 0

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    tree.delete_action.trigger()
    assert names(document, 0) == ["科技创新扶持资金"]
    tree.select_node("unit", 1)
    tree.delete_action.trigger()
    assert asked[-1] == "Delete the budget unit “339004唐山市丰润区科学技术协会” and its 1 projects?"
    assert len(document.units) == 1
    undo_stack.undo()
    undo_stack.undo()
    assert names(document, 1) == ["科普活动经费"] and len(document.units[0].projects) == 2
    assert undo_stack.isClean()


def test_duplicate_project_and_move_to_unit_menu(qtbot, tree, document, undo_stack):
    tree.select_node("project", 0, 1)
    tree.duplicate_action.trigger()
    assert names(document, 0) == ["优秀科技特派员奖励（2021年借款）", "科技创新扶持资金", "科技创新扶持资金（副本）"]
    copy = document.units[0].projects[2]
    assert copy.budget_total == document.units[0].projects[1].budget_total
    assert copy.indicators == document.units[0].projects[1].indicators
    assert tree.current_node() == ("project", 0, 2)
    assert tree.tree_model().label(tree.currentIndex()) == "3. 科技创新扶持资金（副本）  300.00"

    menu = tree.build_context_menu()
    texts = [action.text() for action in menu.actions()]
    assert "Duplicate project" in texts and "Move to unit" in texts and "Delete…" in texts
    tree.move_to_unit_menu.aboutToShow.emit()
    targets = tree.move_to_unit_menu.actions()
    assert [action.text() for action in targets] == ["339004 唐山市丰润区科学技术协会"]
    targets[0].trigger()
    assert names(document, 1) == ["科普活动经费", "科技创新扶持资金（副本）"]
    assert tree.current_node() == ("project", 1, 1)
    assert undo_stack.count() == 2


def test_actions_follow_the_selected_node(qtbot, tree):
    tree.select_node("part1")
    assert not tree.delete_action.isEnabled() and not tree.rename_action.isEnabled()
    assert not tree.duplicate_action.isEnabled()
    tree.select_node("project", 1, 0)
    assert tree.delete_action.isEnabled() and tree.duplicate_action.isEnabled()
    assert tree.move_up_action.isEnabled() and not tree.move_down_action.isEnabled()
    menu_texts = [action.text() for action in tree.build_context_menu().actions()]
    assert "Rename" in menu_texts


def test_tree_follows_a_new_document(qtbot, tree, undo_stack):
    from perfdesk.model import Document

    tree.set_document(Document(department="新部门"), undo_stack)
    assert tree.model().rowCount() == 2
    assert tree.model().index(0, 0).data() == "新部门部门预算绩效文本"
    assert not tree.add_project_action.isEnabled()


def test_tree_draws_projects_with_their_number(qtbot, tree):
    from PySide6.QtWidgets import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    tree.itemDelegate().initStyleOption(option, tree.tree_model().index_of("project", 1, 0))
    assert option.text == "3. 科普活动经费  12.50"
    option = QStyleOptionViewItem()
    tree.itemDelegate().initStyleOption(option, tree.tree_model().index_of("unit", 1))
    assert option.text == "339004 唐山市丰润区科学技术协会"


def test_a_long_name_is_cut_short_but_the_amount_stays_in_sight(qtbot, tree, document):
    from PySide6.QtWidgets import QStyleOptionViewItem

    document.update_project(0, 1, name="唐财教（2021）99号关于提前下达省级2022年支持市县科技创新和科学普及专项资金")
    tree.expandAll()
    tree.resize(260, 300)
    QApplication.processEvents()
    index = tree.tree_model().index_of("project", 0, 1)
    option = QStyleOptionViewItem()
    option.initFrom(tree.viewport())
    option.rect = tree.visualRect(index)
    label, amount, label_rect, amount_rect = tree.itemDelegate().project_texts(option, index)
    assert amount == "300.00"
    assert label.startswith("2. 唐财教") and label.endswith("…")
    assert amount_rect.right() <= tree.viewport().width()  # drawn at the right edge, inside the view
    assert label_rect.right() < amount_rect.left()
    # A short name is drawn whole, and units and the cover are drawn as before (no amount).
    short = tree.tree_model().index_of("project", 1, 0)
    option.rect = tree.visualRect(short)
    assert tree.itemDelegate().project_texts(option, short)[:2] == ("3. 科普活动经费", "12.50")
    assert tree.itemDelegate().project_texts(option, tree.tree_model().index_of("unit", 1)) is None
    # The tooltip gives the whole title and the amount in 万元.
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "99号关于提前下达省级2022年支持市县科技创新和科学普及专项资金绩效目标表" in tip
    assert "300.00" in tip.splitlines()[-1]


def test_render_tree(qtbot, tree, tmp_path: Path):
    tree.select_node("project", 0, 1)
    QApplication.processEvents()
    image = tree.grab().toImage()
    assert image.width() == 420
    path = tmp_path / "tree.png"
    assert image.save(str(path))
