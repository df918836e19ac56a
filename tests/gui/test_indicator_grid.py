"""IndicatorGrid: the real widget driven offscreen — typing, undo/redo, rows, clipboard, editors."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from perfdesk.qtmodels.indicator_model import COL_PREVIOUS, COL_VALUE
from perfdesk.ui.indicator_grid import IndicatorGrid

VALUE, LEVEL3 = 4, 2


@pytest.fixture
def grid_window_with_previous(qtbot, document, undo_stack) -> IndicatorGrid:
    """The grid over a rolled-forward draft: the first row has last year's value ≥4人."""
    document.update_indicator(0, 0, 0, previous_value="≥4人")
    widget = IndicatorGrid(document, undo_stack)
    qtbot.addWidget(widget)
    widget.resize(1000, 360)
    widget.show()
    widget.set_project(0, 0)
    return widget


def values(document, unit=0, project=0, field="value"):
    return [getattr(item, field) for item in document.project(unit, project).indicators]


def test_type_a_new_value_then_undo_and_redo(qtbot, grid, document, undo_stack, type_text):
    assert grid.view.objectName() == "indicatorGrid"
    grid.select_cell(0, "value")
    qtbot.keyClick(grid.view, Qt.Key.Key_F2)
    editor = grid.view.findChild(QLineEdit)
    assert editor is not None and editor.text() == "≥5人"
    editor.selectAll()
    type_text(editor, "≥8人")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits on a queued call after Return
    assert values(document)[0] == "≥8人"
    assert grid.model.index(0, VALUE).data(Qt.ItemDataRole.ToolTipRole) == "定量：≥ 8 人"
    assert undo_stack.count() == 1 and not undo_stack.isClean()
    undo_stack.undo()
    assert values(document)[0] == "≥5人" and grid.model.index(0, VALUE).data() == "≥5人"
    assert undo_stack.isClean()
    undo_stack.redo()
    assert grid.model.index(0, VALUE).data() == "≥8人"


def test_typing_starts_editing_like_a_spreadsheet(qtbot, grid, document):
    grid.select_cell(1, "value")
    qtbot.keyClick(grid.view, "1")  # the first key opens the editor, which takes the focus
    assert isinstance(QApplication.focusWidget(), QLineEdit)
    qtbot.keyClicks(QApplication.focusWidget(), "00%")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    QApplication.processEvents()
    assert values(document)[1] == "100%"


def test_insert_row_above_current_under_same_levels(qtbot, grid, document, undo_stack):
    grid.select_cell(1, "level3")
    grid.insert_row_action.trigger()
    rows = document.project(0, 0).indicators
    assert len(rows) == 8
    assert (rows[1].level1, rows[1].level2, rows[1].level3) == ("产出指标", "质量指标", "")
    assert rows[2].level3 == "奖补质量"  # the current row moved down
    assert grid.view.currentIndex().row() == 1 and grid.view.currentIndex().column() == LEVEL3
    undo_stack.undo()
    assert len(document.project(0, 0).indicators) == 7 and undo_stack.isClean()


def test_insert_row_below_current_under_same_levels(qtbot, grid, document, undo_stack):
    grid.select_cell(1, "level3")
    grid.insert_row_below_action.trigger()
    rows = document.project(0, 0).indicators
    assert len(rows) == 8
    assert (rows[2].level1, rows[2].level2, rows[2].level3) == ("产出指标", "质量指标", "")
    assert grid.view.currentIndex().row() == 2 and grid.view.currentIndex().column() == LEVEL3
    undo_stack.undo()
    assert len(document.project(0, 0).indicators) == 7 and undo_stack.isClean()


def test_delete_selected_rows_is_one_step(qtbot, grid, document, undo_stack):
    grid.select_cell(1, "level3")
    qtbot.mouseClick(grid.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier,
                     grid.view.visualRect(grid.model.index(3, LEVEL3)).center())
    assert grid.selected_rows() == [1, 2, 3]
    grid.delete_rows_action.trigger()
    assert values(document, field="level3") == ["奖补数量", "社会影响", "服务企业的影响", "收益人员满意度"]
    assert undo_stack.count() == 1
    undo_stack.undo()
    assert values(document, field="level3")[1:4] == ["奖补质量", "奖补时间", "奖补成本"]


def test_move_rows_with_ctrl_arrows(qtbot, grid, document, undo_stack):
    grid.select_cell(0, "level3")
    assert not grid.move_up_action.isEnabled()
    qtbot.keyClick(grid.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert values(document, field="level3")[:2] == ["奖补质量", "奖补数量"]
    assert grid.view.currentIndex().row() == 1  # the cursor goes with the row
    qtbot.keyClick(grid.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert values(document, field="level3")[:3] == ["奖补质量", "奖补时间", "奖补数量"]
    qtbot.keyClick(grid.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert values(document, field="level3")[:3] == ["奖补质量", "奖补数量", "奖补时间"]
    assert undo_stack.count() == 3
    while undo_stack.canUndo():
        undo_stack.undo()
    assert values(document, field="level3")[:3] == ["奖补数量", "奖补质量", "奖补时间"]


EXCEL_THREE_ROWS = (
    "产出指标\t数量指标\t扶持企业数量\t扶持科技型中小企业数量\t≥10家\t工作计划\r\n"
    "产出指标\t质量指标\t\"项目验收\n合格率\"\t\"验收合格率，按\"\"合同\"\"计\"\t≥90%\t行业标准\r\n"
    "满意度指标\t服务对象满意度指标\t企业满意度\t受扶持企业满意度\t≥95%\t问卷调查\r\n"
)


def test_paste_three_rows_from_excel_with_ctrl_v(qtbot, grid, document, undo_stack):
    grid.set_project(0, 1)
    grid.select_cell(0, "level3")
    QGuiApplication.clipboard().setText(EXCEL_THREE_ROWS)
    qtbot.keyClick(grid.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    rows = document.project(0, 1).indicators
    assert [row.level3 for row in rows] == ["扶持企业数量", "扶持企业数量", "项目验收\n合格率", "企业满意度"]
    assert rows[2].description == "验收合格率，按\"合同\"计"
    assert rows[3].cells() == ("满意度指标", "服务对象满意度指标", "企业满意度", "受扶持企业满意度", "≥95%", "问卷调查")
    assert grid.model.rowCount() == 4
    assert undo_stack.count() == 1
    undo_stack.undo()
    assert len(document.project(0, 1).indicators) == 1 and undo_stack.isClean()
    undo_stack.redo()
    assert len(document.project(0, 1).indicators) == 4


def test_copy_selected_rows_to_clipboard_and_back(qtbot, grid, document):
    grid.select_cell(0, "level1")
    grid.view.selectRow(0)
    qtbot.keyClick(grid.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "产出指标\t数量指标\t奖补数量\t优秀特派员奖励人数\t≥5人\t资金发放表\r\n"
    grid.set_project(1, 0)  # an empty project
    grid.paste_action.trigger()
    assert document.project(1, 0).indicators[0].value == "≥5人"


def test_level_editors_offer_the_framework(qtbot, grid, document, undo_stack):
    grid.select_cell(6, "level2")
    grid.view.edit(grid.view.currentIndex())
    combo = grid.view.findChild(QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == ["服务对象满意度指标"]
    qtbot.keyClick(combo, Qt.Key.Key_Escape)
    QApplication.processEvents()

    grid.select_cell(0, "level2")
    grid.view.edit(grid.view.currentIndex())
    combo = [c for c in grid.view.findChildren(QComboBox) if c.isVisible()][0]
    assert [combo.itemText(i) for i in range(combo.count())] == ["数量指标", "质量指标", "时效指标", "成本指标"]
    assert combo.currentText() == "数量指标"
    combo.setCurrentIndex(3)
    combo.activated.emit(3)  # a choice from the list commits at once
    QApplication.processEvents()
    assert document.project(0, 0).indicators[0].level2 == "成本指标"
    assert undo_stack.count() == 1


def test_basis_editor_takes_any_text(qtbot, grid, document, type_text):
    grid.select_cell(0, "basis")
    grid.view.edit(grid.view.currentIndex())
    combo = [c for c in grid.view.findChildren(QComboBox) if c.isVisible()][0]
    assert combo.isEditable() and combo.findText("问卷调查") >= 0
    combo.lineEdit().selectAll()
    type_text(combo.lineEdit(), "唐财教（2021）42号")
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert document.project(0, 0).indicators[0].basis == "唐财教（2021）42号"


def test_delete_key_empties_selected_cells_in_one_step(qtbot, grid, document, undo_stack):
    grid.select_cell(0, "value")
    qtbot.mouseClick(grid.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier,
                     grid.view.visualRect(grid.model.index(1, 5)).center())
    qtbot.keyClick(grid.view, Qt.Key.Key_Delete)
    rows = document.project(0, 0).indicators
    assert (rows[0].value, rows[0].basis, rows[1].value, rows[1].basis) == ("", "", "", "")
    assert rows[0].description == "优秀特派员奖励人数" and len(rows) == 7
    assert undo_stack.count() == 1
    undo_stack.undo()
    assert document.project(0, 0).indicators[1].basis == "工作标准"


def test_actions_depend_on_a_project_being_shown(qtbot, grid):
    grid.set_project(-1, -1)
    assert grid.model.rowCount() == 0
    assert not grid.insert_row_action.isEnabled() and not grid.paste_action.isEnabled()
    grid.set_project(0, 0)
    assert grid.insert_row_action.isEnabled() and grid.delete_rows_action.isEnabled()
    grid.set_project(5, 9)  # no such project: an empty grid, not an error
    assert grid.model.rowCount() == 0 and grid.model.location == (-1, -1)


def test_render_grid_shows_merged_levels(qtbot, grid, tmp_path: Path):
    grid.select_cell(0, "level3")
    QApplication.processEvents()
    image = grid.grab().toImage()
    path = tmp_path / "grid.png"
    assert image.save(str(path))
    # Row 2's 一级 cell continues the run: its area is blank (the background colour only).
    rect = grid.view.visualRect(grid.model.index(1, 0))
    origin = grid.view.viewport().mapTo(grid, rect.topLeft())
    inner = image.copy(origin.x() + 3, origin.y() + 3, rect.width() - 6, rect.height() - 6)
    colours = {inner.pixel(x, y) for x in range(inner.width()) for y in range(inner.height())}
    assert len(colours) == 1
    first = grid.view.visualRect(grid.model.index(0, 0))
    start = grid.view.viewport().mapTo(grid, first.topLeft())
    text_area = image.copy(start.x() + 3, start.y() + 3, first.width() - 6, first.height() - 6)
    assert len({text_area.pixel(x, y) for x in range(text_area.width()) for y in range(text_area.height())}) > 1


def test_a_run_scrolled_past_its_first_row_shows_its_levels_in_the_top_row(qtbot, grid, document):
    from perfdesk.model import Indicator

    for n in range(25):  # a long run of 产出指标 / 数量指标 rows under the first one
        document.insert_indicator(0, 0, 1, Indicator(level1="产出指标", level2="数量指标", level3=f"指标{n}",
                                                     description="人数", value=f"≥{n}人", basis="工作计划"))
    QApplication.processEvents()
    grid.view.scrollTo(grid.model.index(20, 0), grid.view.ScrollHint.PositionAtTop)
    QApplication.processEvents()
    top = grid.view.indexAt(QPoint(5, 1))  # the row at the top of the view, perhaps cut by it
    if grid.view.visualRect(top).top() < 0:
        top = top.sibling(top.row() + 1, 0)  # the first row seen whole
    assert top.row() > 3 and grid.model.continues(top.row(), 0, -1)  # the run began above the view
    image = grid.view.viewport().grab().toImage()

    def colours(index):
        r = grid.view.visualRect(index).intersected(grid.view.viewport().rect()).adjusted(3, 3, -3, -3)
        area = image.copy(r)
        return {area.pixel(x, y) for x in range(area.width()) for y in range(area.height())}

    for column in (0, 1):  # 一级 and 二级: text in the first whole row, blank below and above it
        assert len(colours(top.sibling(top.row(), column))) > 1, f"column {column}: no text in the top row"
        assert len(colours(top.sibling(top.row() + 1, column))) == 1, f"column {column}: text repeated"
        assert len(colours(top.sibling(top.row() - 1, column))) <= 1, f"column {column}: text in a cut row"


def test_long_session_does_not_wear_out_python(qtbot, grid, document):
    """PySide6 6.12.0 on Python 3.11 drops a reference to None on every call that returns
    nothing (QPainter.save, QWidget.update …); after some thousands of paints the process dies
    with "deallocating None". Python ≥ 3.12 (None is immortal) or PySide6 < 6.12 do not.
    This drives the grid as a clerk would for a while and checks the count stays put."""
    import sys

    grid.view.viewport().repaint()
    before = sys.getrefcount(None)
    for round_ in range(3):  # few rounds: with the faulty build more would abort the test run
        grid.view.viewport().repaint()
        document.update_indicator(0, 0, round_, value=f"≥{round_}人")
    lost = before - sys.getrefcount(None)
    assert lost < 50, (
        f"None lost {lost} references in 3 repaints: this PySide6 build leaks them and the "
        "editor will crash in a long session (use Python >= 3.12 or PySide6 < 6.12)")


def test_last_years_values_stand_beside_the_value_and_can_be_hidden(qtbot, grid_window_with_previous):
    grid = grid_window_with_previous
    view, header = grid.view, grid.view.horizontalHeader()
    assert not view.isColumnHidden(COL_PREVIOUS)
    assert header.visualIndex(COL_PREVIOUS) == header.visualIndex(COL_VALUE) + 1  # beside 指标值
    assert view.model().index(0, COL_PREVIOUS).data() == "≥4人"
    grid.show_previous_action.trigger()  # the clerk hides it (right-click menu)
    assert view.isColumnHidden(COL_PREVIOUS)
    grid.show_previous_action.trigger()
    assert not view.isColumnHidden(COL_PREVIOUS)


def test_no_column_of_last_years_values_without_any(qtbot, grid):
    grid.set_project(0, 0)
    assert grid.view.isColumnHidden(COL_PREVIOUS)
    assert not grid.show_previous_action.isEnabled()
