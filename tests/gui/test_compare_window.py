"""File ▸ 与其他版本比较…: the clerk compares the open text with the draft sent back, sees the
changes grouped by project in the Comparison dock, and double-clicks one to go to the field.

The open document is the Funing example; the other version is the same text with three edits
made by hand below (so the expected changes are written here, not worked out by the code).
"""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from main_window_support import answers, settings_dir, window  # noqa: F401 - fixtures
from perfdesk.fileio import save_document
from perfdesk.qtmodels.indicator_model import COL_VALUE
from perfdesk.ui.compare_panel import COL_NEW, COL_OLD, ChangeRole


@pytest.fixture
def draft(window, tmp_path):
    """The draft the bureau sent back: project 3's 预算数 was 1.00, project 2's 7th 指标值 ≥40万元."""
    old = copy.deepcopy(window.document)
    old.update_project(0, 2, budget_total=Decimal("1.00"))
    old.update_indicator(0, 1, 6, value="≥40万元")
    path = tmp_path / "抚宁（草案）.xlsx"
    save_document(old, path)
    return path


def items(panel) -> list:
    found = []
    root = panel.view.invisibleRootItem()
    for g in range(root.childCount()):
        group = root.child(g)
        found += [group.child(i) for i in range(group.childCount())]
    return found


def double_click(qtbot, view, item) -> None:
    view.scrollToItem(item)
    rect = view.visualItemRect(item)
    # An item view acts on a double-click only after the press that selected the item.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_compare_lists_the_changes_and_goes_to_them(qtbot, window, draft, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(draft), ""))
    window.compare_action.trigger()
    panel = window.compare_panel
    assert window.compare_dock.isVisible()
    shown = {(item.data(0, ChangeRole).field, item.text(COL_OLD), item.text(COL_NEW)) for item in items(panel)}
    assert shown == {("budget_total", "1.00", "2.00"), ("value", "≥40万元", "≥30.75万元")}

    budget = next(item for item in items(panel) if item.data(0, ChangeRole).field == "budget_total")
    double_click(qtbot, panel.view, budget)
    assert window.project_editor.project == 2 and window.project_editor.unit == 0
    assert QApplication.focusWidget() is window.project_editor.budget_total

    value = next(item for item in items(panel) if item.data(0, ChangeRole).field == "value")
    double_click(qtbot, panel.view, value)
    assert window.project_editor.project == 1
    current = window.grid.view.currentIndex()
    assert (current.row(), current.column()) == (6, COL_VALUE)

    # the clerk puts the draft's value back: compared again, one difference is left
    window.document.update_indicator(0, 1, 6, value="≥40万元")
    qtbot.mouseClick(panel.again_button, Qt.MouseButton.LeftButton)
    assert [item.data(0, ChangeRole).field for item in items(panel)] == ["budget_total"]


def test_the_same_text_compares_equal(qtbot, window, tmp_path, monkeypatch):
    same = tmp_path / "抚宁.xlsx"
    save_document(window.document, same)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(same), ""))
    window.compare_action.trigger()
    assert items(window.compare_panel) == []
    assert "抚宁.xlsx" in window.compare_panel.heading.text()
