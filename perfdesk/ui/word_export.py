"""File ▸ 导出 Word…: the document as a .docx for the bureau's publication, in a chosen profile.

The clerk chooses, in the export dialog, the whole document or some projects and the print
profile (紧凑 or 公文格式 GB/T 9704; remembered in the settings), then the file name; the file
is written by :func:`perfdesk.word.export_docx` (the same layout as the PDF). Afterwards a
message offers to open the file or its folder. Failures are messages in Chinese, never a
traceback; the review's errors are asked about once, as for the PDF.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget


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
        if errors:
            answer = QMessageBox.question(
                w, self.tr("Export Word"),
                self.tr("The review found %n error(s). Export the Word file anyway?", "", errors),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        go_on, codes, profile = self.choose()
        if not go_on:
            return False
        start = str(w.path.with_suffix(".docx")) if w.path else (w.document.title or "perfdesk") + ".docx"
        path, _ = QFileDialog.getSaveFileName(w, self.tr("Export Word"), start, self.tr("Word files (*.docx)"))
        if not path:
            return False
        if not path.lower().endswith(".docx"):
            path += ".docx"
        if not self.export_to(Path(path), codes, profile):
            return False
        w.statusBar().showMessage(self.tr("Exported %1").replace("%1", path), 5000)
        self.offer = self.offer_opening(Path(path))
        return True

    def offer_opening(self, path: Path) -> QMessageBox:
        """A non-modal message: 打开 / 打开所在文件夹 / 关闭, with the export's notes."""
        box = QMessageBox(self.window)
        box.setObjectName("wordExportDone")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Export Word"))
        text = self.tr("The Word file was exported to %1.").replace("%1", str(path))
        if self.notes:
            text += "\n\n" + "\n".join(self.notes)
        box.setText(text)
        open_file = box.addButton(self.tr("Open"), QMessageBox.ButtonRole.AcceptRole)
        open_folder = box.addButton(self.tr("Open containing folder"), QMessageBox.ButtonRole.ActionRole)
        close = box.addButton(self.tr("Close"), QMessageBox.ButtonRole.RejectRole)
        open_file.setObjectName("open_file")
        open_folder.setObjectName("open_folder")
        close.setObjectName("close")
        box.setDefaultButton(open_file)
        box.setEscapeButton(close)

        def clicked(button) -> None:  # noqa: ANN001
            if button is open_file:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
            elif button is open_folder:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

        box.buttonClicked.connect(clicked)
        box.open()
        return box


def export_word(window: QWidget) -> bool:
    """File ▸ 导出 Word… of ``window`` (one WordExport per window, made on first use)."""
    exporter = window.findChild(WordExport, "wordExport") or WordExport(window)
    return exporter.export_word()
