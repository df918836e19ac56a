"""Issue 18 in the window: File ▸ 导出 Word… with the print profile chosen in the export dialog
(and remembered), the .docx written in that profile, and the offer to open it."""

from __future__ import annotations

import docx
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QFileDialog, QMessageBox, QPushButton

from main_window_support import answers, settings_dir, window  # noqa: F401 - fixtures
from perfdesk.ui.settings import Settings


def _menu_action(window, name: str):
    file_menu = window.menuBar().actions()[0].menu()
    return next(action for action in file_menu.actions() if action is getattr(window, name))


def test_export_word_in_the_gbt9704_profile_then_open_it(qtbot, window, answers, tmp_path, monkeypatch):
    target = tmp_path / "抚宁.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    answers.answer = QMessageBox.StandardButton.Yes  # the sample has review errors: export anyway
    seen = {}

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        combo = dialog.findChild(QComboBox, "profile")
        seen["first"] = combo.currentData()
        seen["choices"] = [combo.itemData(i) for i in range(combo.count())]
        combo.setFocus()
        # Down arrow on a closed combo box moves to the next profile: 公文格式.
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, choose)
    _menu_action(window, "export_word_action").trigger()
    assert seen == {"first": "compact", "choices": ["compact", "gbt9704"]}
    word = docx.Document(str(target))
    assert round(word.sections[-1].top_margin.mm) == 37  # GB/T 9704's top margin
    titles = [p.text for p in word.paragraphs if p.style.name == "Heading 2" and p.text.endswith("绩效目标表")]
    assert len(titles) == 10 and titles[0] == "1.2024年改制企业相关费用绩效目标表"
    assert Settings().print_profile() == "gbt9704"  # remembered for the next export

    offer = window.findChild(QMessageBox, "wordExportDone")
    assert offer is not None and offer.isVisible()
    qtbot.mouseClick(offer.findChild(QPushButton, "open_file"), Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened] == [str(target)]


def test_the_dialog_starts_on_the_remembered_profile_and_cancel_writes_nothing(qtbot, window, answers, monkeypatch):
    Settings().set_print_profile("gbt9704")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (_ for _ in ()).throw(AssertionError))
    answers.answer = QMessageBox.StandardButton.Yes
    seen = {}

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        seen["profile"] = dialog.findChild(QComboBox, "profile").currentData()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, cancel)
    assert window.export_word_action.isEnabled()
    from perfdesk.ui.word_export import export_word

    assert export_word(window) is False
    assert seen["profile"] == "gbt9704"
