"""File ▸ 导出 Word…: the document as a .docx for the bureau's publication, in a chosen profile.

The clerk chooses, in the export dialog, the whole document or some projects and the print
profile (紧凑 or 公文格式 GB/T 9704; remembered in the settings), then the file name; the file
is written by :func:`perfdesk.word.export_docx` (the same layout as the PDF). Afterwards a
message offers to open the file or its folder. Failures are messages in Chinese, never a
traceback; the review's errors are asked about once, as for the PDF.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from perfdesk.ui.export_helpers import ask_target, go_on_despite_errors, offer_opening


class WordExport(QObject):
    """The steps of one Word export from a main window (``window.document``, ``.settings``)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("wordExport")
        self.window = window
        self.offer: QMessageBox | None = None
        self.notes: list[str] = []

    def choose(self) -> tuple[bool, list[str] | None, str]:
        """(go on?, project codes or None for the whole document, profile name)."""
        from perfdesk.ui.export_dialog import ExportChoiceDialog

        w = self.window
        kind, unit, project = getattr(w, "node", ("document", -1, -1))
        dialog = ExportChoiceDialog(w.document, (unit, project) if kind == "project" else None, w,
                                    profile=w.settings.print_profile())
        dialog.setWindowTitle(self.tr("Export Word"))
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False, None, ""
            profile = dialog.profile() or "compact"
            w.settings.set_print_profile(profile)
            return True, dialog.codes(), profile
        finally:
            dialog.deleteLater()

    def export_to(self, path: Path, project_codes: list[str] | None, profile: str) -> bool:
        from perfdesk.word import export_docx

        w = self.window
        try:
            result = export_docx(w.document, Path(path), project_codes=project_codes, profile=profile,
                                 fonts=w.files.pdf_fonts() if hasattr(w, "files") else None)
        except Exception as error:  # noqa: BLE001 - a message, never a traceback
            if hasattr(w, "files"):
                w.files.show_error(self.tr("Export Word"), error)
            else:
                QMessageBox.warning(w, self.tr("Export Word"), str(error))
            return False
        self.notes = result.notes
        return True

    def export_word(self) -> bool:
        w = self.window
        errors = w.review.error_count() if hasattr(w, "review") else 0
        question = self.tr("The review found %n error(s). Export the Word file anyway?", "", errors)
        if not go_on_despite_errors(w, errors, self.tr("Export Word"), question):
            return False
        go_on, codes, profile = self.choose()
        if not go_on:
            return False
        path = ask_target(w, self.tr("Export Word"), self.tr("Word files (*.docx)"), ".docx")
        if path is None or not self.export_to(path, codes, profile):
            return False
        w.statusBar().showMessage(self.tr("Exported %1").replace("%1", str(path)), 5000)
        self.offer = self.offer_opening(path)
        return True

    def offer_opening(self, path: Path) -> QMessageBox:
        """A non-modal message: 打开 / 打开所在文件夹 / 关闭, with the export's notes."""

        text = self.tr("The Word file was exported to %1.").replace("%1", str(path))
        if self.notes:
            text += "\n\n" + "\n".join(self.notes)
        return offer_opening(self.window, path, name="wordExportDone", title=self.tr("Export Word"), text=text,
                             labels=(self.tr("Open"), self.tr("Open containing folder"), self.tr("Close")),
                             open_name="open_file")


def export_word(window: QWidget) -> bool:
    """File ▸ 导出 Word… of ``window`` (one WordExport per window, made on first use)."""
    exporter = window.findChild(WordExport, "wordExport") or WordExport(window)
    return exporter.export_word()
