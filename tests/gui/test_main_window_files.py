"""The File menu driven through the real window: save as, reopen, the unsaved-changes
question, failed opens, drops, export with review errors, print preview, settings."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pypdf
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox

from expected_samples.funing_2024 import build
from main_window_support import answers, settings_dir, window  # noqa: F401 - fixtures
from perfdesk.fileio import load_document, save_document
from perfdesk.ui.settings import Settings

Button = QMessageBox.StandardButton


def edit_a_value(window, text: str = "≥6人") -> None:
    window.select("project", 0, 1)
    model = window.grid.view.model()
    model.setData(model.index(0, 4), text)


def save_dialog_returns(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def test_save_as_then_reopen_gives_the_same_document(qtbot, window, tmp_path, monkeypatch):
    edit_a_value(window)
    target = tmp_path / "抚宁2024.xlsx"
    save_dialog_returns(monkeypatch, target)
    window.save_as_action.trigger()
    assert target.is_file()
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("抚宁2024.xlsx")
    saved = window.document.model_copy(deep=True)

    window.new_action.trigger()  # clean: no question
    assert window.path is None and window.document.department == ""  # the blank template
    assert window.files.open(target)
    assert window.document == saved
    assert window.document.project(0, 1).indicators[0].value == "≥6人"
    assert window.undo_stack.isClean() and window.undo_stack.count() == 0
    assert Settings().recent_files()[0] == str(target.resolve())
    # Edit ▸ Indicators acts on the grid now shown, not on the one of the closed document.
    assert window.indicator_menu.actions()[0] is window.grid.insert_row_action


def test_save_writes_to_the_open_file_without_asking(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "a.xlsx"
    save_document(build(), target)
    assert window.files.open(target)
    edit_a_value(window, "≥7人")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: pytest.fail("Save must not ask for a name"))
    window.save_action.trigger()
    assert load_document(target).project(0, 1).indicators[0].value == "≥7人"
    assert not window.isWindowModified()


def test_close_with_unsaved_changes_asks_and_cancel_keeps_the_window(qtbot, window, answers):
    edit_a_value(window)
    answers.answer = Button.Cancel
    assert window.close() is False
    assert len(answers.asked) == 1 and window.isVisible()
    assert window.document.project(0, 1).indicators[0].value == "≥6人"
    answers.answer = Button.Discard
    assert window.close() is True


def test_close_answering_save_writes_the_file(qtbot, window, answers, tmp_path, monkeypatch):
    edit_a_value(window)
    target = tmp_path / "closing.xlsx"
    save_dialog_returns(monkeypatch, target)
    answers.answer = Button.Save
    assert window.close() is True
    assert load_document(target).project(0, 1).indicators[0].value == "≥6人"


def test_open_with_unsaved_changes_asks_and_cancel_keeps_the_document(qtbot, window, answers, tmp_path):
    other = tmp_path / "other.xlsx"
    save_document(build(), other)
    edit_a_value(window)
    document = window.document
    answers.answer = Button.Cancel
    assert window.files.open(other) is False
    assert window.document is document and window.isWindowModified()
    answers.answer = Button.Discard
    assert window.files.open(other) is True
    assert window.document is not document and not window.isWindowModified()
    assert len(answers.asked) == 2


def test_a_broken_file_shows_a_message_and_leaves_the_document(qtbot, window, answers, tmp_path):
    bad = tmp_path / "坏文件.xlsx"
    bad.write_bytes(b"this is not a workbook")
    document, title = window.document, window.windowTitle()
    assert window.files.open(bad) is False
    assert len(answers.warnings) == 1
    assert "坏文件.xlsx" in answers.warnings[0]
    assert window.document is document and window.windowTitle() == title
    assert bad.read_bytes() == b"this is not a workbook"


def test_a_failed_save_says_so_and_stays_unsaved(qtbot, window, answers, tmp_path, monkeypatch):
    edit_a_value(window)
    save_dialog_returns(monkeypatch, tmp_path / "no-such-folder" / "x.xlsx")
    window.save_as_action.trigger()
    assert len(answers.warnings) == 1
    assert window.isWindowModified()


def test_dropping_a_workbook_opens_it(qtbot, window, tmp_path):
    target = tmp_path / "dropped.xlsx"
    document = build()
    document.update(department="丰润区科学技术局")
    save_document(document, target)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(target))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert window.document.department == "丰润区科学技术局"
    assert window.path == target


def test_export_pdf_with_review_errors_asks_once(qtbot, window, answers, tmp_path, monkeypatch):
    assert window.review.error_count() > 0  # the published sample has errors (成本 above 预算数 …)
    target = tmp_path / "out.pdf"
    save_dialog_returns(monkeypatch, target)
    from perfdesk.ui.export_dialog import ExportChoiceDialog  # the whole document, as it proposes

    monkeypatch.setattr(ExportChoiceDialog, "exec", lambda dialog: ExportChoiceDialog.DialogCode.Accepted)
    answers.answer = Button.No
    assert window.files.export_pdf() is False
    assert len(answers.asked) == 1 and not target.exists()
    answers.answer = Button.Yes
    assert window.files.export_pdf() is True
    assert len(answers.asked) == 2
    with pdfplumber.open(target) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages).replace(" ", "")
    assert "拨付邓庆久等人参照行政退休人员待遇资金绩效目标表" in text


def test_saving_is_never_blocked_by_review_errors(qtbot, window, answers, tmp_path, monkeypatch):
    assert window.review.error_count() > 0
    save_dialog_returns(monkeypatch, tmp_path / "s.xlsx")
    assert window.files.save() is True
    assert answers.asked == []


def test_print_preview_shows_the_exported_pdf_and_prints_every_page(qtbot, window, tmp_path):
    from perfdesk.ui.print_preview import print_pdf

    window.preview_action.trigger()
    dialog = window.files.preview
    qtbot.addWidget(dialog)
    pages = dialog.pdf.pageCount()
    assert pages >= 11  # cover, contents, Part 1 and ten project tables
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)  # a PDF "printer": real pages, quick
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_pdf(dialog.pdf, printer) == pages
    assert len(pypdf.PdfReader(tmp_path / "printed.pdf").pages) == pages
    dialog.close()


def test_rollover_makes_an_unsaved_draft_for_the_next_year(qtbot, window, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (2025, True))
    window.rollover_action.trigger()
    assert window.document.year == 2025
    assert window.path is None and window.isWindowModified()  # closing must ask
    # last year's 指标值 (the example's) stand beside this year's in the grid
    window.select("project", 0, 1)
    from perfdesk.qtmodels.indicator_model import COL_PREVIOUS

    assert not window.grid.view.isColumnHidden(COL_PREVIOUS)
    assert window.grid.model.index(6, COL_PREVIOUS).data() == "≥30.75万元"  # hand-read from the Funing text


def test_import_puts_the_text_in_a_new_unsaved_document(qtbot, window, monkeypatch, samples_dir):
    source = samples_dir / "funing-2024-pdf-extract.txt"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    window.import_action.trigger()
    assert window.document.project_count() == 10
    assert window.document.project(0, 1).budget_total is not None
    assert str(window.document.project(0, 1).budget_total) == "1.87"
    assert window.isWindowModified()


def test_import_reads_last_years_pdf(qtbot, window, monkeypatch):
    """The Funing text as a department's Word file printed to PDF (tests/data/import/word)."""
    source = Path(__file__).resolve().parents[1] / "data" / "import" / "word" / "funing_2024.pdf"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    window.import_action.trigger()
    assert window.document.project_count() == 10
    assert [str(p.budget_total) for _, _, _, p in window.document.projects()][:3] == ["564.00", "1.87", "2.00"]
    assert window.path is None and window.isWindowModified()


def test_window_geometry_and_recent_files_are_remembered(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "r.xlsx"
    save_dialog_returns(monkeypatch, target)
    window.files.save_as()
    window.resize(1000, 700)
    window.close()
    settings = Settings()
    assert settings.geometry() is not None
    assert settings.recent_files() == [str(target.resolve())]
    window.recent_menu.aboutToShow.emit()
    first = window.recent_menu.actions()[0]
    assert first.data() == first.toolTip() == str(target.resolve())
    assert first.text().startswith("&1 r.xlsx  —  ")


def test_perfdesk_command_opens_the_window_with_the_file(qtbot, settings_dir, answers, tmp_path):
    from PySide6.QtCore import QTimer

    from perfdesk.cli.main import main
    from perfdesk.ui.main_window import MainWindow

    target = tmp_path / "cli.xlsx"
    save_document(build(), target)
    seen = {}

    def look_and_close() -> None:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        seen["path"], seen["projects"] = window.path, window.document.project_count()
        window.close()

    QTimer.singleShot(300, look_and_close)
    font = QApplication.font()
    try:
        assert main([str(target), "--lang", "en"]) == 0
    finally:
        QApplication.setFont(font)  # run_app picks a CJK UI font; other tests keep theirs
    assert seen == {"path": target, "projects": 10}
    assert answers.warnings == []


def test_perfdesk_command_with_a_bad_file_shows_a_message_not_a_traceback(qtbot, settings_dir, answers, tmp_path):
    from PySide6.QtCore import QTimer

    from perfdesk.cli.main import main
    from perfdesk.ui.main_window import MainWindow

    bad = tmp_path / "missing.xlsx"
    QTimer.singleShot(300, lambda: [w.close() for w in QApplication.topLevelWidgets()
                                    if isinstance(w, MainWindow) and w.isVisible()])
    font = QApplication.font()
    try:
        assert main([str(bad), "--lang", "en"]) == 0
    finally:
        QApplication.setFont(font)
    assert len(answers.warnings) == 1 and "missing.xlsx" in answers.warnings[0]


def test_new_with_unsaved_changes_asks_first(qtbot, window, answers):
    edit_a_value(window)
    document = window.document
    answers.answer = Button.Cancel
    window.new_action.trigger()
    assert window.document is document and len(answers.asked) == 1
    answers.answer = Button.Discard
    window.new_action.trigger()
    assert window.document is not document and not window.isWindowModified()


def test_only_workbooks_are_taken_by_drag_and_drop(qtbot, window, tmp_path):
    from PySide6.QtGui import QDragEnterEvent

    for name, accepted in (("a.xlsx", True), ("a.txt", False)):
        data = QMimeData()
        data.setUrls([QUrl.fromLocalFile(str(tmp_path / name))])
        event = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier)
        event.setAccepted(False)
        window.dragEnterEvent(event)
        assert event.isAccepted() is accepted, name


def test_pdf_fonts_from_the_settings_go_to_the_export(qtbot, window, tmp_path):
    uming = "/usr/share/fonts/truetype/arphic/uming.ttc"
    assert window.files.pdf_fonts() is None  # nothing chosen: the export picks an installed font
    Settings().set_pdf_fonts(uming, "")
    fonts = window.files.pdf_fonts()
    assert (fonts.body, fonts.heading) == (uming, None)
    assert window.files.export_to(tmp_path / "f.pdf")
    with pdfplumber.open(tmp_path / "f.pdf") as pdf:
        names = {char["fontname"] for char in pdf.pages[0].chars}
    assert any("UMing" in name for name in names), names
