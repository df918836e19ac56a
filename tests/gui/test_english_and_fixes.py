"""Issue 23: with --lang en the grid's headers and the cover's status speak English (the model's
data stays Chinese); the review's budget-sum fix asks which figure is wrong, 预算数 or 财政资金."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from perfdesk.model import DocumentStatus
from perfdesk.qtmodels.findings_model import FindingRole
from perfdesk.qtmodels.indicator_model import IndicatorTableModel
from perfdesk.ui.app import set_language
from perfdesk.ui.cover_editor import CoverEditor
from perfdesk.undo import UpdateCommand

ENGLISH_HEADERS = ["Level 1", "Level 2", "Level 3", "Description", "Target value", "Basis", "Last year's value"]
CHINESE_HEADERS = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据", "上年指标值"]


@pytest.fixture
def chinese_ui(qapp):
    """The default interface language, Simplified Chinese (the tests otherwise run in English)."""
    set_language(qapp, None)
    yield
    set_language(qapp, "en")


def headers(model) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


# ------------------------------------------------------------------ the grid's headers
def test_grid_headers_in_english(document):
    model = IndicatorTableModel(document)
    model.set_project(0, 0)
    assert headers(model) == ENGLISH_HEADERS
    assert model.index(0, 0).data() == "产出指标"  # the data stays the clerk's Chinese
    assert model.headerData(0, Qt.Orientation.Vertical) == "1"


def test_grid_headers_in_chinese(chinese_ui, document):
    model = IndicatorTableModel(document)
    model.set_project(0, 0)
    assert headers(model) == CHINESE_HEADERS


def test_an_edit_keeps_its_chinese_undo_text(document):
    stack = QUndoStack()
    model = IndicatorTableModel(document, stack)
    model.set_project(0, 0)
    assert model.setData(model.index(0, 4), "≥6人")
    assert stack.undoText() == "修改指标值"


# ------------------------------------------------------------------ the cover's status
def choose_status(editor, text: str) -> None:
    index = editor.status.findText(text)
    assert index >= 0, text
    editor.status.setCurrentIndex(index)
    editor.status.activated.emit(index)


def test_status_reads_draft_and_final_in_english(qtbot, document, undo_stack):
    editor = CoverEditor(document, undo_stack)
    qtbot.addWidget(editor)
    editor.show()  # a hidden editor does not follow the document
    qtbot.waitExposed(editor)
    items = [(editor.status.itemText(i), editor.status.itemData(i)) for i in range(editor.status.count())]
    assert items == [("Draft", DocumentStatus.DRAFT), ("Final", DocumentStatus.FINAL)]
    assert editor.status.currentText() == "Draft"
    choose_status(editor, "Final")
    assert document.status is DocumentStatus.FINAL and undo_stack.count() == 1
    undo_stack.undo()
    assert document.status is DocumentStatus.DRAFT and editor.status.currentText() == "Draft"
    document.update(status=DocumentStatus.FINAL)  # a change from elsewhere shows in the combo
    assert editor.status.currentText() == "Final"


def test_status_reads_cao_an_and_zheng_shi_in_chinese(chinese_ui, qtbot, document, undo_stack):
    editor = CoverEditor(document, undo_stack)
    qtbot.addWidget(editor)
    assert [editor.status.itemText(i) for i in range(editor.status.count())] == ["草案", "正式"]
    choose_status(editor, "正式")
    assert document.status is DocumentStatus.FINAL


# ------------------------------------------------------------------ the budget-sum fix
def budget_sum_finding(panel):
    """Table 1 with 财政资金 500.00 + 其他资金 14.00 against its 预算数 564.00."""
    document = panel._document
    assert document.project(0, 0).budget_total == Decimal("564.00")
    panel.stack.push(UpdateCommand(document, "project", {"budget_fiscal": Decimal("500.00"),
                                                         "budget_other": Decimal("14.00")}, 0, 0))
    panel.refresh_now()
    finding = next(f for f in panel.findings() if f.rule == "budget-sum" and f.number == 1)
    assert finding.fix.label == "财政资金改为 550.00（预算数 − 其他资金）"
    return finding


class Answer:
    """Clicks a button of the question box once it is shown (the real box, via a timer)."""

    def __init__(self, button: str | None) -> None:
        self.button, self.texts, self.asked = button, [], 0
        QTimer.singleShot(0, self.click)

    def click(self) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, self.click)
            return
        self.asked += 1
        self.texts = [b.text() for b in box.buttons()]
        if self.button is None:
            box.button(QMessageBox.StandardButton.Cancel).click()
        else:
            box.findChild(QPushButton, self.button).click()


def test_correcting_the_budget_total_is_one_undo_step(panel):
    document = panel._document
    finding = budget_sum_finding(panel)
    before = panel.stack.count()
    answer = Answer("fixBudgetTotal")
    assert panel.apply_fix(finding)
    assert answer.asked == 1
    assert "Correct the budget total" in answer.texts and "Correct the fiscal funds" in answer.texts
    project = document.project(0, 0)
    assert project.budget_total == Decimal("514.00") and project.budget_fiscal == Decimal("500.00")
    assert not [f for f in panel.findings() if f.rule == "budget-sum"]
    assert panel.stack.count() == before + 1
    assert panel.stack.undoText() == "预算数改为 514.00（财政资金 + 其他资金）"
    panel.stack.undo()
    assert document.project(0, 0).budget_total == Decimal("564.00")
    assert document.project(0, 0).budget_fiscal == Decimal("500.00")


def test_correcting_the_fiscal_funds_is_the_rules_fix(panel):
    document = panel._document
    finding = budget_sum_finding(panel)
    before = panel.stack.count()
    answer = Answer("fixBudgetFiscal")
    assert panel.apply_fix(finding)
    assert answer.asked == 1
    assert document.project(0, 0).budget_fiscal == Decimal("550.00")
    assert document.project(0, 0).budget_total == Decimal("564.00")
    assert panel.stack.count() == before + 1 and panel.stack.undoText() == finding.fix.label
    panel.stack.undo()
    assert document.project(0, 0).budget_fiscal == Decimal("500.00")


def test_cancel_changes_nothing(panel):
    document = panel._document
    finding = budget_sum_finding(panel)
    before = panel.stack.count()
    answer = Answer(None)
    assert not panel.apply_fix(finding)
    assert answer.asked == 1 and panel.stack.count() == before
    assert document.project(0, 0).budget_total == Decimal("564.00")
    assert [f for f in panel.findings() if f.rule == "budget-sum"]


def test_the_fix_button_asks_too_in_chinese(chinese_ui, panel):
    document = panel._document
    budget_sum_finding(panel)
    model = panel.model
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        for r in range(model.rowCount(group)):
            finding = model.index(r, 0, group).data(FindingRole)
            if finding.rule == "budget-sum":
                panel.view.setCurrentIndex(model.index(r, 0, group))
    assert panel.current_finding().rule == "budget-sum"
    answer = Answer("fixBudgetTotal")
    panel.fix_button.click()
    assert answer.asked == 1 and "改预算数" in answer.texts and "改财政资金" in answer.texts
    assert document.project(0, 0).budget_total == Decimal("514.00")


def test_other_fixes_ask_nothing(panel, monkeypatch):
    monkeypatch.setattr(QMessageBox, "exec", lambda self: pytest.fail("asked"))
    finding = next(f for f in panel.findings() if f.rule == "markup")
    assert panel.apply_fix(finding)
