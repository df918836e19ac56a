"""The Review menu's papers for the finance bureau: the annotated copy of the clerk's workbook
(每个问题作为批注) and the 审核意见 as a PDF to send back.

The annotated copy is made from the workbook on disk, so that its comments sit on the cells the
department's clerk will see: a document with unsaved changes is saved first (the clerk is
asked). The report is made from the document as it is in the window, with the findings the
dock shows. Failures end in a message box; nothing is written half.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

if TYPE_CHECKING:
    from perfdesk.ui.main_window import MainWindow

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


class ReviewPapers(QObject):
    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window

    def _target(self, title: str, suggested: Path, pattern: str, suffix: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.window, title, str(suggested), pattern)
        if not path:
            return None
        return Path(path if path.lower().endswith(suffix) else path + suffix)

    def _suggested(self, tag: str, suffix: str) -> Path:
        w = self.window
        stem = w.path.stem if w.path else (w.document.title or "perfdesk")
        folder = w.path.parent if w.path else Path.home()
        return folder / f"{stem}（{tag}）{suffix}"

    def export_annotated(self) -> bool:
        """审核 ▸ 导出批注版…: a copy of the workbook with each finding as a comment on its cell."""
        w = self.window
        title = self.tr("Export annotated copy")
        if w.path is None or w.path.suffix.lower() not in WORKBOOK_SUFFIXES:
            QMessageBox.information(w, title, self.tr(
                "The annotated copy is made from the workbook file. Save the document as an .xlsx workbook first."))
            return False
        if w.is_modified():
            answer = QMessageBox.question(
                w, title, self.tr("The annotated copy is made from the file on disk. Save your changes first?"),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
            if answer != QMessageBox.StandardButton.Save or not w.files.save():
                return False
        target = self._target(title, self._suggested("批注", ".xlsx"), self.tr("Workbooks (*.xlsx)"), ".xlsx")
        if target is None:
            return False
        try:
            from perfdesk.papers.annotate import annotate_file

            count = annotate_file(w.path, target, w.review.rules())
        except Exception as error:  # noqa: BLE001 - a message, never a traceback; the source is untouched
            w.files.show_error(title, error)
            return False
        w.statusBar().showMessage(self.tr("Annotated copy written: %1 (%2 comments)")
                                  .replace("%1", str(target)).replace("%2", str(count)), 8000)
        return True

    def export_report(self) -> bool:
        """审核 ▸ 导出审核意见 PDF…: the findings grouped by project, as a paper to send back."""
        w = self.window
        title = self.tr("Export review report")
        target = self._target(title, self._suggested("审核意见", ".pdf"), self.tr("PDF files (*.pdf)"), ".pdf")
        if target is None:
            return False
        try:
            from perfdesk.papers.checked import checked_document
            from perfdesk.papers.report_pdf import write_report

            name = w.path.name if w.path else (w.document.title or "")
            checked = checked_document(name, w.document, w.origins, findings=w.review.findings())
            write_report(checked, target, fonts=w.files.pdf_fonts())
        except Exception as error:  # noqa: BLE001
            w.files.show_error(title, error)
            return False
        w.statusBar().showMessage(self.tr("Review report written: %1").replace("%1", str(target)), 8000)
        return True
