"""The indicator library in the grid: completions in 三级指标 (typed keys and an input
method's committed text), the row filled in one undo step, and 从指标库选择… inserting several
rows each under its 一级/二级."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from conftest import AWARD_INDICATORS, show_grid
from library_docs import write_library
from main_window_support import answers, settings_dir, window  # noqa: F401 - fixtures
from test_main_window import select_project
from perfdesk.qtmodels.indicator_model import COL_LEVEL3
from perfdesk.ui.library_completer import Level3Editor
from perfdesk.ui.library_settings import LibraryService

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def library(tmp_path, qapp):
    write_library(tmp_path / "往年文本")
    service = LibraryService([str(tmp_path / "往年文本")], common=True, index_path=tmp_path / "index.sqlite")
    service.update()
    assert service.wait()
    assert service.counts() == (2, 11)
    yield service
    service.stop()


@pytest.fixture
def grid(qtbot, document, undo_stack, library):
    widget = show_grid(qtbot, document, undo_stack)
    widget.set_library(library)
    return widget


def _new_row(qtbot, grid) -> int:
    """A new row below the first (the clerk's Insert row below), current in 三级指标."""
    grid.insert_row_below_action.trigger()
    index = grid.view.currentIndex()
    assert (index.row(), index.column()) == (1, COL_LEVEL3)
    return index.row()


def _editor(grid) -> Level3Editor:
    editor = grid.view.indexWidget(grid.view.currentIndex())
    assert isinstance(editor, Level3Editor)
    return editor


def _shown(editor: Level3Editor) -> list[str]:
    return [editor.suggestions.suggestion(row).level3 for row in range(editor.suggestions.rowCount())]


def test_a_committed_chinese_fragment_offers_completions_and_enter_fills_the_row(qtbot, grid, undo_stack):
    row = _new_row(qtbot, grid)
    before = undo_stack.count()
    event = QInputMethodEvent("", [])
    event.setCommitString("满意")  # what a pinyin input method sends: no key presses at all
    QApplication.sendEvent(grid.view, event)
    editor = _editor(grid)
    popup = editor.popup()
    qtbot.waitUntil(popup.isVisible)
    shown = _shown(editor)
    assert shown[0] == "特派员满意度"  # the bureau's own first, the common ones after
    assert all(item.common for item in editor.suggestions._items[1:])
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: grid.view.indexWidget(grid.model.index(row, COL_LEVEL3)) is None)
    # The row kept its place (产出指标/数量指标, copied from the row above) and took the rest.
    assert grid.model.indicator(row).cells() == (
        "产出指标", "数量指标", "特派员满意度", "科技特派员对补助的满意程度", "≥95%", "问卷调查")
    assert undo_stack.count() == before + 1
    undo_stack.undo()
    assert grid.model.indicator(row).cells() == ("产出指标", "数量指标", "", "", "", "")


def test_typed_keys_offer_completions_and_a_click_picks_one(qtbot, grid, undo_stack):
    row = _new_row(qtbot, grid)
    grid.model.set_cells({(row, 0): "", (row, 1): ""}, "清除")  # a row with no place yet
    qtbot.keyClicks(grid.view, "R")
    editor = _editor(grid)
    qtbot.keyClicks(editor, "&d")
    popup = editor.popup()
    qtbot.waitUntil(popup.isVisible)
    assert editor.text() == "R&d" and _shown(editor) == ["R&D投入增长率"]
    rect = popup.visualRect(popup.model().index(0, 0))
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: grid.model.indicator(row).level3 == "R&D投入增长率")
    # A row without 一级/二级 takes the library's too.
    assert grid.model.indicator(row).cells() == (
        "效益指标", "经济效益指标", "R&D投入增长率", "带动企业研发投入增长", "≥5%", "历史标准")


def test_text_that_the_library_does_not_hold_is_kept_as_typed(qtbot, grid):
    row = _new_row(qtbot, grid)
    qtbot.keyClicks(grid.view, "x")  # the first key opens the editor, which has the keys after it
    editor = _editor(grid)
    qtbot.keyClicks(editor, "yz")
    assert _shown(editor) == [] and not editor.popup().isVisible()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: grid.model.indicator(row).level3 != "")
    assert grid.model.indicator(row).cells()[2:] == ("xyz", "", "", "")


def test_the_dialog_inserts_several_rows_each_under_its_level1_and_level2(qtbot, grid, undo_stack):
    grid.view.setCurrentIndex(grid.model.index(4, COL_LEVEL3))  # 社会效益指标
    grid.choose_from_library_action.trigger()
    dialog = grid.library_dialog
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.search, "r&d")  # letters match whatever their case
    assert [dialog.model.suggestion(r).level3 for r in range(dialog.model.rowCount())] == ["R&D投入增长率"]
    dialog.search.clear()
    event = QInputMethodEvent("", [])
    event.setCommitString("完成率")
    QApplication.sendEvent(dialog.search, event)
    found = [dialog.model.suggestion(r) for r in range(dialog.model.rowCount())]
    # The row being edited is 社会效益指标: its own ranks first.
    assert [s.level3 for s in found[:2]] == ["宣传任务完成率", "任务完成率"]
    dialog.filter.setCurrentIndex(dialog.filter.findData("服务对象满意度指标"))
    dialog.search.clear()
    dialog.search.insert("满意度")
    assert dialog.model.suggestion(0).level3 == "特派员满意度"
    # The preview lists both ways it is written; the second is clicked, so that one goes in.
    assert dialog.variants.count() == 2 and "出现 3 次" in dialog.preview.text()
    dialog.variants.setCurrentRow(1)
    dialog.select_rows([0])
    chosen = dialog.chosen()
    dialog.filter.setCurrentIndex(0)
    dialog.search.clear()
    dialog.search.insert("宣传")
    dialog.select_rows([0])
    rows = chosen + dialog.chosen()
    before = undo_stack.count()
    grid.insert_from_library(rows)
    dialog.reject()
    assert [row.level3 for row in grid.model.project.indicators] == [
        "奖补数量", "奖补质量", "奖补时间", "奖补成本", "社会影响", "宣传任务完成率", "服务企业的影响", "收益人员满意度",
        "特派员满意度"]
    assert grid.model.indicator(8).cells() == (
        "满意度指标", "服务对象满意度指标", "特派员满意度", "特派员满意程度", "≥90%", "问卷调查")
    assert undo_stack.count() == before + 1
    undo_stack.undo()
    assert [row.cells() for row in grid.model.project.indicators] == AWARD_INDICATORS


def test_the_dialogs_insert_button_inserts_the_selected_rows(qtbot, grid, undo_stack):
    grid.view.setCurrentIndex(grid.model.index(0, COL_LEVEL3))
    grid.choose_from_library_action.trigger()
    dialog = grid.library_dialog
    dialog.search.insert("人次")  # only the shipped common library holds it
    assert dialog.model.suggestion(0).common and dialog.note.isVisible()
    dialog.select_rows([0])
    qtbot.mouseClick(dialog.insert_button, Qt.MouseButton.LeftButton)
    assert grid.model.indicator(1).cells() == ("产出指标", "数量指标", "培训人次", "参加培训的人次", "≥□人次", "工作计划")


def test_in_the_window_a_completion_is_undone_with_ctrl_z(qtbot, window, tmp_path):
    write_library(tmp_path / "往年文本")
    window.library.configure([str(tmp_path / "往年文本")], True)
    assert window.library.wait()
    select_project(qtbot, window, 0, 0)
    view = window.grid.view
    view.setFocus()
    view.setCurrentIndex(view.model().index(8, COL_LEVEL3))  # 群众满意度
    before = window.document.project(0, 0).indicators[8].cells()
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, Level3Editor)
    editor.selectAll()
    event = QInputMethodEvent("", [])
    event.setCommitString("特派员")
    QApplication.sendEvent(editor, event)
    qtbot.waitUntil(editor.popup().isVisible)
    qtbot.keyClick(editor.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(editor.popup(), Qt.Key.Key_Return)
    assert window.document.project(0, 0).indicators[8].cells() == (
        "满意度指标", "服务对象满意度指标", "特派员满意度", "科技特派员对补助的满意程度", "≥95%", "问卷调查")
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert window.document.project(0, 0).indicators[8].cells() == before


def test_enter_with_the_list_open_but_nothing_chosen_keeps_the_typed_text(qtbot, grid, undo_stack):
    row = _new_row(qtbot, grid)
    event = QInputMethodEvent("", [])
    event.setCommitString("满意")
    QApplication.sendEvent(grid.view, event)
    editor = _editor(grid)
    qtbot.waitUntil(editor.popup().isVisible)
    assert not editor.popup().currentIndex().isValid()  # no suggestion is taken behind the clerk's back
    qtbot.keyClick(editor.popup(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: grid.model.indicator(row).level3 != "")
    assert grid.model.indicator(row).cells() == ("产出指标", "数量指标", "满意", "", "", "")
    assert grid.view.currentIndex().row() == row + 1  # and on to the row below, as Enter does


def test_tab_with_the_list_open_goes_on_along_the_row(qtbot, grid):
    row = _new_row(qtbot, grid)
    qtbot.keyClicks(grid.view, "R")
    editor = _editor(grid)
    qtbot.waitUntil(editor.popup().isVisible)
    qtbot.keyClick(editor.popup(), Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: grid.model.indicator(row).level3 == "R")
    assert (grid.view.currentIndex().row(), grid.view.currentIndex().column()) == (row, COL_LEVEL3 + 1)
