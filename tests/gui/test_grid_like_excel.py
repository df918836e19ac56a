"""The indicator grid's keys behave as in Excel and WPS: Tab along a row then Enter, Ctrl+D
fill down, Ctrl++ inserting above, paste over selected cells, Ctrl+wheel zoom. Driven with
real key, mouse and wheel events."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QWheelEvent
from PySide6.QtWidgets import QApplication

from main_window_support import answers, settings_dir, window  # noqa: F401 - fixtures
from test_main_window import select_project
from perfdesk.qtmodels.indicator_model import COL_PREVIOUS
from conftest import show_grid
from perfdesk.ui.indicator_grid import IndicatorGrid

LEVEL3, DESCRIPTION, VALUE, BASIS = 2, 3, 4, 5
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def grid_with_previous(qtbot, document, undo_stack) -> IndicatorGrid:
    """The grid over a rolled-forward draft: 上年指标值 shown between 指标值 and 依据."""
    document.update_indicator(0, 0, 0, previous_value="≥4人")
    undo_stack.clear()
    return show_grid(qtbot, document, undo_stack)


def ctrl_key(qtbot, widget, key) -> None:
    """Ctrl+key, then let go of Ctrl (QTest leaves Ctrl held for the next test otherwise)."""
    qtbot.keyClick(widget, key, CTRL)
    qtbot.keyRelease(widget, Qt.Key.Key_Control)


def click(qtbot, grid, row: int, column: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    rect = grid.view.visualRect(grid.model.index(row, column))
    qtbot.mouseClick(grid.view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def current(grid) -> tuple[int, int]:
    index = grid.view.currentIndex()
    return index.row(), index.column()


def cells(document, row: int) -> tuple[str, ...]:
    return document.project(0, 0).indicators[row].cells()


def type_and(qtbot, type_text, grid, text: str, key) -> None:
    """Type into the current cell (the first character opens its editor), then press ``key``."""
    type_text(grid.view, text[0])
    editor = QApplication.focusWidget()
    type_text(editor, text[1:])
    qtbot.keyClick(QApplication.focusWidget(), key)
    QApplication.processEvents()  # the delegate commits on a queued call


# ------------------------------------------------------------------ Tab … Enter
def test_tab_along_a_row_then_enter_goes_back_to_where_the_tabs_began(qtbot, grid, document, undo_stack,
                                                                      type_text):
    click(qtbot, grid, 1, LEVEL3)
    type_and(qtbot, type_text, grid, "验收合格率", Qt.Key.Key_Tab)
    assert current(grid) == (1, DESCRIPTION)
    type_and(qtbot, type_text, grid, "项目验收合格率", Qt.Key.Key_Tab)
    assert current(grid) == (1, VALUE)
    type_and(qtbot, type_text, grid, "≥90%", Qt.Key.Key_Tab)
    assert current(grid) == (1, BASIS)
    type_and(qtbot, type_text, grid, "行业标准", Qt.Key.Key_Return)
    assert cells(document, 1)[2:] == ("验收合格率", "项目验收合格率", "≥90%", "行业标准")
    assert current(grid) == (2, LEVEL3)  # the next row, where the Tabs began
    # … and again for the next row, then an Enter without Tabs goes straight down.
    type_and(qtbot, type_text, grid, "发放时间", Qt.Key.Key_Tab)
    type_and(qtbot, type_text, grid, "年底前", Qt.Key.Key_Return)
    assert current(grid) == (3, LEVEL3)
    assert cells(document, 2)[2:4] == ("发放时间", "年底前")
    type_and(qtbot, type_text, grid, "成本", Qt.Key.Key_Return)
    assert current(grid) == (4, LEVEL3)
    assert undo_stack.count() == 7


def test_an_arrow_key_ends_the_run_of_tabs(qtbot, grid, document, type_text):
    click(qtbot, grid, 0, LEVEL3)
    qtbot.keyClick(grid.view, Qt.Key.Key_Tab)  # not editing: Tab only moves
    assert current(grid) == (0, DESCRIPTION)
    qtbot.keyClick(grid.view, Qt.Key.Key_Down)
    type_and(qtbot, type_text, grid, "质量", Qt.Key.Key_Return)
    assert cells(document, 1)[3] == "质量"
    assert current(grid) == (2, DESCRIPTION)  # straight down, as before


def test_a_click_ends_the_run_of_tabs(qtbot, grid, document, type_text):
    click(qtbot, grid, 0, LEVEL3)
    qtbot.keyClick(grid.view, Qt.Key.Key_Tab)
    click(qtbot, grid, 3, VALUE)
    type_and(qtbot, type_text, grid, "≤0.3万元", Qt.Key.Key_Return)
    assert current(grid) == (4, VALUE)


def test_tab_skips_last_years_values_and_shift_tab_goes_back(qtbot, grid_with_previous, document, type_text):
    grid = grid_with_previous
    assert not grid.view.isColumnHidden(COL_PREVIOUS)
    click(qtbot, grid, 0, VALUE)
    type_and(qtbot, type_text, grid, "≥6人", Qt.Key.Key_Tab)
    assert current(grid) == (0, BASIS)  # over the read-only 上年指标值
    qtbot.keyClick(grid.view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert current(grid) == (0, VALUE)
    assert cells(document, 0)[4] == "≥6人" and document.project(0, 0).indicators[0].previous_value == "≥4人"


def test_tab_past_the_last_column_goes_to_the_next_row_where_the_run_began(qtbot, grid):
    click(qtbot, grid, 0, DESCRIPTION)
    for _ in range(3):
        qtbot.keyClick(grid.view, Qt.Key.Key_Tab)
    assert current(grid) == (1, DESCRIPTION)


# ------------------------------------------------------------------ Ctrl+D
def test_ctrl_d_fills_the_top_row_of_the_selection_down_in_one_step(qtbot, grid, document, undo_stack):
    click(qtbot, grid, 0, VALUE)
    click(qtbot, grid, 2, BASIS, Qt.KeyboardModifier.ShiftModifier)
    ctrl_key(qtbot, grid.view, Qt.Key.Key_D)
    for row in (1, 2):
        assert cells(document, row)[4:] == ("≥5人", "资金发放表")
    assert cells(document, 1)[2] == "奖补质量"  # columns outside the selection are kept
    assert undo_stack.count() == 1 and undo_stack.undoText() == "向下填充"
    undo_stack.undo()
    assert cells(document, 2)[4:] == ("年底之前", "工作计划")


def test_ctrl_d_on_one_cell_copies_the_cell_above(qtbot, grid, document, undo_stack):
    click(qtbot, grid, 3, BASIS)
    ctrl_key(qtbot, grid.view, Qt.Key.Key_D)
    assert cells(document, 3)[5] == "工作计划"  # 依据 of row 3 (奖补时间)
    assert undo_stack.undoText() == "向下填充"
    click(qtbot, grid, 0, BASIS)
    ctrl_key(qtbot, grid.view, Qt.Key.Key_D)  # nothing above the first row
    assert undo_stack.count() == 1


def test_ctrl_d_fills_down_only_in_the_grid_and_duplicates_a_project_in_the_tree(qtbot, window):
    select_project(qtbot, window, 0, 1)
    projects = len(window.document.units[0].projects)
    view = window.grid.view
    view.setFocus()
    view.setCurrentIndex(view.model().index(1, 4))
    ctrl_key(qtbot, view, Qt.Key.Key_D)
    indicators = window.document.project(0, 1).indicators
    assert indicators[1].value == indicators[0].value
    assert len(window.document.units[0].projects) == projects
    window.tree.setFocus()
    ctrl_key(qtbot, window.tree, Qt.Key.Key_D)
    assert len(window.document.units[0].projects) == projects + 1


# ------------------------------------------------------------------ insert above
def test_ctrl_plus_inserts_above_and_the_menu_can_insert_below(qtbot, grid, document, undo_stack):
    click(qtbot, grid, 2, VALUE)
    ctrl_key(qtbot, grid.view, Qt.Key.Key_Plus)
    rows = document.project(0, 0).indicators
    assert (rows[2].level1, rows[2].level2, rows[2].level3) == ("产出指标", "时效指标", "")
    assert rows[3].level3 == "奖补时间" and current(grid) == (2, LEVEL3)
    assert grid.insert_row_action.text() == "Insert row above"
    assert "above" in grid.insert_row_action.toolTip() and "below" in grid.insert_row_below_action.toolTip()
    grid.insert_row_below_action.trigger()
    assert len(document.project(0, 0).indicators) == 9 and current(grid) == (3, LEVEL3)
    assert undo_stack.count() == 2


# ------------------------------------------------------------------ paste over cells
def test_one_copied_cell_pasted_into_every_selected_cell(qtbot, grid, document, undo_stack):
    QGuiApplication.clipboard().setText("≥99%\r\n")
    click(qtbot, grid, 4, VALUE)
    click(qtbot, grid, 6, VALUE, Qt.KeyboardModifier.ShiftModifier)
    ctrl_key(qtbot, grid.view, Qt.Key.Key_V)
    assert [cells(document, row)[4] for row in (4, 5, 6)] == ["≥99%"] * 3
    assert len(document.project(0, 0).indicators) == 7 and undo_stack.count() == 1
    undo_stack.undo()
    assert cells(document, 4)[4] == "≥95百分比"


def test_a_block_is_tiled_over_the_selection(qtbot, grid, document, undo_stack):
    QGuiApplication.clipboard().setText("甲\t资金发放表\r\n乙\t问卷调查\r\n")
    click(qtbot, grid, 0, VALUE)
    click(qtbot, grid, 3, BASIS, Qt.KeyboardModifier.ShiftModifier)
    ctrl_key(qtbot, grid.view, Qt.Key.Key_V)
    assert [cells(document, row)[4:] for row in range(4)] == [
        ("甲", "资金发放表"), ("乙", "问卷调查"), ("甲", "资金发放表"), ("乙", "问卷调查")]
    assert undo_stack.count() == 1


def test_whole_rows_over_a_selection_are_still_inserted(qtbot, grid, document):
    QGuiApplication.clipboard().setText("产出指标\t数量指标\t新指标\t描述\t≥1个\t工作计划\r\n")
    click(qtbot, grid, 0, VALUE)
    click(qtbot, grid, 1, BASIS, Qt.KeyboardModifier.ShiftModifier)
    ctrl_key(qtbot, grid.view, Qt.Key.Key_V)
    assert len(document.project(0, 0).indicators) == 8
    assert cells(document, 0)[4] == "≥5人"


def test_paste_into_last_years_values_changes_nothing(qtbot, grid_with_previous, document, undo_stack):
    grid = grid_with_previous
    before = [row.cells() for row in document.project(0, 0).indicators]
    QGuiApplication.clipboard().setText("a\r\nb\r\nc\r\n")
    click(qtbot, grid, 6, COL_PREVIOUS)  # the last row: a block here once added empty rows
    ctrl_key(qtbot, grid.view, Qt.Key.Key_V)
    click(qtbot, grid, 0, COL_PREVIOUS)
    click(qtbot, grid, 2, COL_PREVIOUS, Qt.KeyboardModifier.ShiftModifier)
    ctrl_key(qtbot, grid.view, Qt.Key.Key_V)
    assert [row.cells() for row in document.project(0, 0).indicators] == before
    assert document.project(0, 0).indicators[0].previous_value == "≥4人"
    assert undo_stack.count() == 0
    # A selection over 指标值 and 上年指标值: only 指标值 takes the text.
    QGuiApplication.clipboard().setText("x\r\n")
    click(qtbot, grid, 0, VALUE)
    click(qtbot, grid, 1, COL_PREVIOUS, Qt.KeyboardModifier.ShiftModifier)
    ctrl_key(qtbot, grid.view, Qt.Key.Key_V)
    assert [cells(document, row)[4] for row in (0, 1)] == ["x", "x"]
    assert document.project(0, 0).indicators[0].previous_value == "≥4人"


# ------------------------------------------------------------------ zoom
def test_ctrl_wheel_zooms_and_ctrl_0_resets(qtbot, grid):
    view = grid.view
    size, height = view.font().pointSizeF(), view.rowHeight(0)
    centre = QPointF(view.viewport().rect().center())

    def wheel(steps: int) -> None:
        event = QWheelEvent(centre, QPointF(view.viewport().mapToGlobal(centre.toPoint())), QPoint(0, 0),
                            QPoint(0, 120 * steps), Qt.MouseButton.NoButton, CTRL, Qt.ScrollPhase.NoScrollPhase,
                            False)
        QApplication.sendEvent(view.viewport(), event)

    wheel(1)
    wheel(1)
    assert view.zoom == 125 and view.font().pointSizeF() > size
    assert view.rowHeight(0) > height  # the rows follow the larger text
    assert view.verticalScrollBar().value() == 0  # Ctrl+wheel zooms, it does not scroll
    for _ in range(10):
        wheel(-1)
    assert view.zoom == 80 and view.font().pointSizeF() < size
    ctrl_key(qtbot, view, Qt.Key.Key_0)
    assert view.zoom == 100 and view.font().pointSizeF() == size and view.rowHeight(0) == height
