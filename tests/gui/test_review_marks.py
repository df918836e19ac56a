"""The bureau's reviewer at work in the window: findings name the cells of the clerk's own
workbook, a finding is accepted (已核实，保留) with a reason and counted apart, a project gets
its status and comment, and all of it survives a save and a reopen.

The clerk's workbook stacks two project tables on one sheet, with a clerk's labels and no
merges; the expected cells are counted by hand from the rows written below.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog

from main_window_support import answers, settings_dir, window  # noqa: F401 - fixtures
from perfdesk.fileio import open_document
from perfdesk.model import ReviewStatus
from perfdesk.qtmodels.findings_model import COL_PLACE, AcceptedRole, FindingRole
from perfdesk.qtmodels.tree_model import ReviewRole

SHEET = "项目表"


def table(code: str, name: str, value_row2: str) -> list[list]:
    """One project as a clerk types it: 14 rows, header on its 10th row."""
    return [[f"{name}绩效目标表"],
            ["预算单位：339003唐山市丰润区科学技术局", None, None, None, None, "金额单位：万元"],
            ["项目编号", code, None, "项目名称", name],
            ["年度预算", 12.5, "财政拨款", 10, "其他资金", 2.5],
            ["资金用途", "用于优秀科技特派员奖励"],
            ["资金使用计划(%)", "3月底", "6月底", "10月底", "12月底"],
            [None, "30%", "60%", "90%", "100%"],
            ["年度目标", "1、奖励优秀科技特派员；2、带动农民增收"],
            ["一级指标", "二级指标", "三级指标", "指标解释", "指标值", "取值依据"],
            ["产出指标", "数量指标", "奖励人数", "优秀特派员奖励人数", "≥5人", "资金发放表"],
            ["产出指标", "时效指标", "发放时间", "奖励金发放时间", value_row2, "工作计划"],
            ["效果指标", "社会效益指标", "带动增收", "带动农民增收人数", "≥100人", "历史标准"],
            ["满意度指标", "服务对象满意度指标", "满意度", "特派员满意度", "≥95%", "问卷调查"]]


@pytest.fixture
def stacked(tmp_path) -> Path:
    """Two tables on one sheet: rows 1-13, a blank row 14, rows 15-27. The second table's
    发放时间 row (its 2nd indicator row) has no 指标值: sheet 项目表, column E, row 15 + 10 = 25."""
    book = Workbook()
    ws = book.active
    ws.title = SHEET
    rows = table("13020822P00871410001L", "科技特派员奖补", "年底前") + [[]] + \
        table("13020822P00871410002L", "科普活动经费", "")
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row, 1):
            if value is not None:
                ws.cell(r, c, value)
    path = tmp_path / "丰润（科室填报）.xlsx"
    book.save(path)
    return path


def finding_index(panel, rule: str) -> QModelIndex:
    model = panel.model
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        for r in range(model.rowCount(group)):
            index = model.index(r, 0, group)
            if index.data(FindingRole).rule == rule:
                return index
    return QModelIndex()


def click(qtbot, view, index: QModelIndex) -> None:
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def test_a_finding_names_the_clerks_sheet_and_cell(window, stacked):
    assert window.files.open(stacked)
    panel = window.review
    index = finding_index(panel, "value-empty")
    assert index.isValid()
    place = index.siblingAtColumn(COL_PLACE).data()
    assert place.startswith("E25（工作表“项目表”）")


def test_accept_a_finding_with_a_reason_then_reopen_it(qtbot, window, stacked, monkeypatch):
    assert window.files.open(stacked)
    panel = window.review
    errors_before = panel.error_count()
    index = finding_index(panel, "value-empty")
    click(qtbot, panel.view, index)
    assert panel.accept_button.isEnabled()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("发放时间待省厅通知，已与单位核实", True))
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)

    # counted apart and out of the way, but one tick away
    assert panel.error_count() == errors_before - 1
    assert not finding_index(panel, "value-empty").isValid()
    assert "(1)" in panel.accepted_filter.text() or "（1）" in panel.accepted_filter.text()
    qtbot.mouseClick(panel.accepted_filter, Qt.MouseButton.LeftButton)
    shown = finding_index(panel, "value-empty")
    assert shown.data(AcceptedRole) == "发放时间待省厅通知，已与单位核实"

    # one undo step takes it back
    qtbot.keyClick(window.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    panel.refresh_now()
    assert panel.error_count() == errors_before
    assert finding_index(panel, "value-empty").data(AcceptedRole) is None

    # and the button reopens an accepted finding
    qtbot.keyClick(window.tree, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    panel.refresh_now()
    click(qtbot, panel.view, finding_index(panel, "value-empty"))
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    assert panel.error_count() == errors_before


def test_status_comment_and_accepted_findings_survive_save_and_reopen(qtbot, window, stacked, monkeypatch,
                                                                      tmp_path, type_text):
    assert window.files.open(stacked)
    panel = window.review
    click(qtbot, panel.view, finding_index(panel, "value-empty"))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("已核实", True))
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)

    # the second project: status from its combo box, comment typed, as a reviewer does
    window.select("project", 0, 1)
    editor = window.project_editor
    editor.review_status.setFocus()
    qtbot.keyClick(editor.review_status, Qt.Key.Key_Down)  # 未审 → 需修改
    qtbot.mouseClick(editor.review_comment, Qt.MouseButton.LeftButton)
    type_text(editor.review_comment, "请补充满意度调查方式")
    qtbot.keyClick(editor.review_comment, Qt.Key.Key_Tab)
    project = window.document.units[0].projects[1]
    assert project.review.status is ReviewStatus.NEEDS_CHANGES
    assert project.review.comment == "请补充满意度调查方式"
    node = window.tree.tree_model().index_of("project", 0, 1)
    assert node.data(ReviewRole) == "需修改"
    assert "请补充满意度调查方式" in node.data(Qt.ItemDataRole.ToolTipRole)

    saved = tmp_path / "丰润（已审）.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    assert window.files.save_as()
    # the findings now point at the workbook as perfdesk wrote it: one sheet per project, the
    # official layout (indicator rows from row 10, 指标值 in column F)
    qtbot.mouseClick(panel.accepted_filter, Qt.MouseButton.LeftButton)
    place = finding_index(panel, "value-empty").siblingAtColumn(COL_PLACE).data()
    assert place.startswith("F11（工作表“2.科普活动经费”）")

    reopened = open_document(saved).document
    second = reopened.units[0].projects[1]
    assert second.review.status is ReviewStatus.NEEDS_CHANGES
    assert second.review.comment == "请补充满意度调查方式"
    assert [(a.rule, a.reason) for a in second.review.accepted] == [("value-empty", "已核实")]

    assert window.files.open(saved)
    assert window.review.accepted_count() == 1
    assert finding_index(window.review, "value-empty").data(AcceptedRole) == "已核实"  # "Accepted" still ticked
    qtbot.mouseClick(window.review.accepted_filter, Qt.MouseButton.LeftButton)
    assert not finding_index(window.review, "value-empty").isValid()


def test_the_review_menu_writes_the_annotated_copy_and_the_report(qtbot, window, stacked, monkeypatch, tmp_path):
    import openpyxl
    import pdfplumber

    assert window.files.open(stacked)
    before = stacked.read_bytes()
    annotated = tmp_path / "批注版.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(annotated), ""))
    window.annotate_action.trigger()
    comment = openpyxl.load_workbook(annotated)[SHEET]["E25"].comment
    assert comment is not None and comment.author == "审核" and "指标值" in comment.text
    assert stacked.read_bytes() == before  # the clerk's file is only read

    report = tmp_path / "审核意见.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(report), ""))
    window.report_action.trigger()
    with pdfplumber.open(report) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages).replace(" ", "").replace("\n", "")
    assert "13020822P00871410002L" in text and "科普活动经费" in text
    assert "工作表“项目表”E25" in text


def test_the_annotated_copy_of_an_unsaved_document_asks_to_save_first(window, answers, monkeypatch, tmp_path):
    window.install(window.document, None)  # the Funing example, never saved: no workbook to annotate
    told = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.information", lambda parent, title, text, *a: told.append(text))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: pytest.fail("nothing to annotate yet"))
    window.annotate_action.trigger()
    assert told and ".xlsx" in told[0]
