"""Issue 23, printing from the window: File ▸ Export PDF of chosen projects, the offer to open
the exported PDF, and paging through the print preview with the keyboard and the page box."""

from __future__ import annotations

import pdfplumber
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox, QPushButton

from main_window_support import answers, settings_dir, window  # noqa: F401 - fixtures

SECOND = "拨付邓庆久等人参照行政退休人员待遇资金绩效目标表"  # project (0, 1)
THIRD = "工业技改项目中小微企业发展项目跑办费绩效目标表"  # project (0, 2)
FIRST = "2024年改制企业相关费用绩效目标表"  # project (0, 0), not chosen


def pdf_text(path) -> str:
    with pdfplumber.open(path) as pdf:
        return "".join(page.extract_text() or "" for page in pdf.pages).replace(" ", "").replace("\n", "")


def test_export_two_chosen_projects_then_open_the_pdf(qtbot, window, answers, tmp_path, monkeypatch):
    target = tmp_path / "两个项目.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    answers.answer = QMessageBox.StandardButton.Yes  # the sample has review errors: export anyway
    window.select("project", 0, 1)  # pre-checked in the dialog
    seen = {}

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        seen["name"] = dialog.objectName()
        projects = dialog.list
        seen["checked"] = [projects.item(row).checkState() == Qt.CheckState.Checked for row in range(projects.count())]
        seen["whole"] = dialog.whole.isChecked()
        third = projects.item(2)
        projects.scrollToItem(third)
        qtbot.mouseClick(projects.viewport(), Qt.MouseButton.LeftButton, pos=projects.visualItemRect(third).center())
        qtbot.keyClick(projects, Qt.Key.Key_Space)  # tick it: "only the checked projects"
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, choose)
    window.export_action.trigger()
    assert seen["name"] == "exportChoice" and seen["whole"]  # the whole document is the default
    assert seen["checked"] == [False, True] + [False] * 8  # the project selected in the tree
    text = pdf_text(target)
    assert SECOND in text and THIRD in text
    assert FIRST not in text and "提前下达2024年省级中小企业发展专项资金绩效目标表" not in text

    offer = window.findChild(QMessageBox, "exportDone")
    assert offer is not None and offer.isVisible()
    assert {button.objectName() for button in offer.buttons()} == {"open_pdf", "open_folder", "close"}
    qtbot.mouseClick(offer.findChild(QPushButton, "open_pdf"), Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened] == [str(target)]


def test_the_offer_opens_the_folder(qtbot, window, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    offer = window.files.offer_opening(tmp_path / "x.pdf")
    qtbot.mouseClick(offer.findChild(QPushButton, "open_folder"), Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened] == [str(tmp_path)]


def test_cancelling_the_choice_exports_nothing(qtbot, window, answers, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: pytest.fail("no file is asked for after cancelling"))
    answers.answer = QMessageBox.StandardButton.Yes

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, cancel)
    assert window.files.export_pdf() is False


def test_preview_pages_with_page_down_and_the_page_box(qtbot, window):
    window.preview_action.trigger()
    dialog = window.files.preview
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.view)  # PageDown works at once
    assert dialog.current_page() == 0 and dialog.page_box.value() == 1
    count = dialog.pdf.pageCount()
    assert str(count) in dialog.page_box.suffix()  # Page 1 of M
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: dialog.current_page() == 1)
    assert dialog.page_box.value() == 2
    qtbot.keyClick(dialog.view, Qt.Key.Key_PageUp)
    qtbot.waitUntil(lambda: dialog.current_page() == 0)

    box = dialog.page_box
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # then the page number
    qtbot.keyClicks(box, "5")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.current_page() == 4)
    assert dialog.isVisible()  # Enter jumped; it neither printed nor closed the preview

    scroll = dialog.view.verticalScrollBar().value()
    assert scroll > 0
    qtbot.keyClick(dialog.zoom, Qt.Key.Key_End)  # the last level, 200%
    assert dialog.zoom.currentText() == "200%"
    assert abs(dialog.view.zoomFactor() - 2.0) < 1e-6
    assert dialog.current_page() == 4  # still on the page being read
    assert dialog.isVisible() and QApplication.focusWidget() is dialog.view  # PageDown goes on working
    dialog.close()


def test_preview_jumps_to_a_projects_table(qtbot, window):
    """The 转到… list holds the PDF's bookmarks: choosing a project's table shows its page."""
    window.preview_action.trigger()
    dialog = window.files.preview
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    names = [dialog.contents.itemText(i).strip("　") for i in range(dialog.contents.count())]
    wanted = "3.工业技改项目中小微企业发展项目跑办费绩效目标表"  # the Funing text's third table
    assert wanted in names
    qtbot.mouseClick(dialog.contents, Qt.MouseButton.LeftButton)  # open the list, then choose with keys
    for _ in range(names.index(wanted)):
        qtbot.keyClick(dialog.contents.view(), Qt.Key.Key_Down)
    qtbot.keyClick(dialog.contents.view(), Qt.Key.Key_Return)
    page = dialog.contents.itemData(names.index(wanted))
    qtbot.waitUntil(lambda: dialog.current_page() == page)
    assert page > 0 and "跑办费" in dialog.pdf.getAllText(page).text()
    dialog.close()


def test_the_gbt9704_profile_chosen_for_the_pdf_is_used_and_remembered(qtbot, window, answers, tmp_path, monkeypatch):
    """File ▸ Export PDF: the clerk picks 公文格式 in the dialog's profile list; the PDF has its
    "— N —" page numbers, and the choice is remembered for the next export, preview and print."""
    target = tmp_path / "公文.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    answers.answer = QMessageBox.StandardButton.Yes

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        box = dialog.profiles
        box.setFocus()
        while box.currentData() != "gbt9704":
            qtbot.keyClick(box, Qt.Key.Key_Down)
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, choose)
    window.export_action.trigger()
    with pdfplumber.open(target) as pdf:
        last_lines = [(page.extract_text() or "").splitlines()[-1] for page in pdf.pages]
    numbered = [line for line in last_lines if line.startswith("— ")]  # cover and 目录 carry none
    assert numbered == [f"— {n} —" for n in range(1, len(numbered) + 1)] and len(numbered) > 10
    assert window.settings.print_profile() == "gbt9704"
