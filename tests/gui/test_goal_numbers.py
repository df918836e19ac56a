"""The goal numbers ("2.") sit in a grey gutter beside the goals, never in the text.

A clerk who saw "2.为…" painted as one text and retyped it stored "2.为…", printed as
"2.2.为…". The window opens the bundled Funing 2024 workbook; project 2 (拨付邓庆久等人参照
行政退休人员待遇资金) has the goals 拨付月度生活补贴 and 拨付八十周岁以上退休干部护理费
(tests/expected_samples/funing_2024.py). Everything is done with real mouse and key events.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QListView, QStyleOptionViewItem

from main_window_support import answers, settings_dir, type_text, window  # noqa: F401 - fixtures
from perfdesk.ui.numbered_list import NumberingDelegate

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "funing-2024.xlsx"
SECOND_GOAL = "拨付八十周岁以上退休干部护理费"
TYPED = "按时足额拨付护理费"


def open_project_2(qtbot, window) -> QListView:  # noqa: ANN001
    assert window.files.open(EXAMPLE)  # as File ▸ Open does
    tree = window.tree
    rect = tree.visualRect(tree.tree_model().index_of("project", 0, 1))
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QApplication.processEvents()
    goals = window.project_editor.goals
    assert window.document.project(0, 1).goals == ["拨付月度生活补贴", SECOND_GOAL]
    return goals


def double_click(view: QListView, point: QPoint) -> None:
    # An item view edits on a double-click only after the press that made the item current.
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    QApplication.processEvents()


def ink(view: QListView, area: QRect) -> list[int]:
    """The x of every column of ``area`` (viewport as painted now) holding a glyph's dark pixel."""
    image = view.viewport().grab().toImage()
    scale = image.devicePixelRatio()  # the grab is in device pixels
    return [x for x in range(area.left(), area.right() + 1)
            if any(image.pixelColor(int(x * scale), int(y * scale)).lightness() < 160
                   for y in range(area.top(), area.bottom() + 1))]


def test_editing_a_goal_keeps_its_number_in_the_gutter_and_out_of_the_text(qtbot, window):
    goals = open_project_2(qtbot, window)
    delegate = goals.itemDelegate()
    assert isinstance(delegate, NumberingDelegate)
    index = goals.model().index(1, 0)
    row, number = goals.visualRect(index), delegate.number_area(goals, index)
    assert number.left() == row.left() and number.width() > goals.fontMetrics().horizontalAdvance("2.")
    assert ink(goals, number)  # "2." is painted there

    double_click(goals, row.center())
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.parent() is goals.viewport(), "the double-click opens an editor"
    assert editor.isVisible()
    assert editor.geometry().left() > number.right(), "the editor starts right of the number"
    assert not editor.geometry().intersects(number)
    assert editor.text() == SECOND_GOAL  # the bare text: no "2." to retype
    assert ink(goals, number), "the number stays in sight while the editor is open"

    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(editor, TYPED)
    assert editor.text() == TYPED
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits through a queued call
    assert window.document.project(0, 1).goals == ["拨付月度生活补贴", TYPED]
    assert delegate.numbered_text(index) == "2." + TYPED  # as printed: one number
    window.undo_action.trigger()
    assert window.document.project(0, 1).goals == ["拨付月度生活补贴", SECOND_GOAL]


def test_the_text_is_painted_right_of_the_number(qtbot, window):
    goals = open_project_2(qtbot, window)
    index = goals.model().index(0, 0)
    row, number = goals.visualRect(index), goals.itemDelegate().number_area(goals, index)
    text = QRect(number.right() + 1, row.top(), row.width() - number.width(), row.height())
    # The whole text is painted right of the gutter, none of it hidden under the number.
    width = goals.fontMetrics().horizontalAdvance(index.data())
    inked = ink(goals, text)
    assert inked and inked[0] > number.right() and inked[-1] >= number.right() + width - 2
    # The row asks for room for the gutter and the whole text beside it.
    option = QStyleOptionViewItem()
    option.initFrom(goals)
    assert goals.itemDelegate().sizeHint(option, index).width() >= number.width() + width


def test_part1_lists_share_the_gutter(qtbot, window):
    tree = window.tree
    rect = tree.visualRect(tree.tree_model().index_of("part1"))
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QApplication.processEvents()
    editor = window.part1_editor
    for tab, pane in ((1, editor.sub_goals), (2, editor.measures)):
        editor.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        view, index = pane.view, pane.model.index(0, 0)
        assert isinstance(view.itemDelegate(), NumberingDelegate)
        number = view.itemDelegate().number_area(view, index)
        assert number.width() > view.fontMetrics().horizontalAdvance(pane.model.numbering(0))
        assert ink(view, number)
