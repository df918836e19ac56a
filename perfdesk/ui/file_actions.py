"""The File menu's work for the main window: new, open, save, save as, import, roll forward,
export PDF, print preview and print.

Every file error the clerk can meet (FileFormatError, SaveError, FontMissingError, an OS
error) ends in a message box; a failed open leaves the current document as it was, a failed
save leaves the file on disk as it was and the document unsaved. Saving and printing are never
blocked by review findings; exporting a PDF while errors remain asks once.

Every way of opening a file (File ▸ Open, open recent, a dropped workbook, ``perfdesk FILE``)
goes through :meth:`FileActions.open`, which hands the window the notes on what the reader
could not place (the 打开说明 dock). Saving back over that file, which would drop those items,
asks once first (save / save as… / cancel); saving to another file does not.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
)

from perfdesk.errors import PerfdeskError

if TYPE_CHECKING:
    from perfdesk.ui.main_window import MainWindow


class FileActions(QObject):
    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        self._temp = tempfile.TemporaryDirectory(prefix="perfdesk-")

    # ------------------------------------------------------------- questions
    def maybe_save(self) -> bool:
        """True if the current document may be put away (saved, discarded or unchanged)."""
        w = self.window
        if not w.is_modified():
            return True
        name = w.path.name if w.path else self.tr("Untitled")
        answer = QMessageBox.question(
            w, self.tr("Unsaved changes"),
            self.tr("“%1” has changes that are not saved. Save them?").replace("%1", name),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def show_error(self, title: str, error: BaseException) -> None:
        if isinstance(error, PerfdeskError):
            text = str(error)
        elif isinstance(error, OSError):
            text = self.tr("The file could not be accessed: %1").replace("%1", error.strerror or str(error))
            if error.filename:
                text += f"（{error.filename}）"
        else:  # a defect of ours: still no traceback for the clerk, but say what it was
            text = self.tr("Unexpected error: %1").replace("%1", f"{type(error).__name__}: {error}")
        QMessageBox.warning(self.window, title, text)

    def _ask_for_text(self, title: str) -> str:
        """A workbook or JSON text chosen in a file dialog ("" if none), starting beside the open file."""
        w = self.window
        start = str(w.path.parent) if w.path else ""
        path, _ = QFileDialog.getOpenFileName(w, title, start, self.tr("Performance texts (*.xlsx *.json)"))
        return path

    # --------------------------------------------------------- new and open
    def new(self) -> None:
        if self.maybe_save():
            from perfdesk.fileio import new_template

            self.window.install(new_template("", date.today().year + 1), None)

    def open(self, path: str | Path | None = None) -> bool:
        w = self.window
        if not self.maybe_save():
            return False
        path = path or self._ask_for_text(self.tr("Open"))
        if not path:
            return False
        try:
            from perfdesk.fileio import open_document

            result = open_document(Path(path))  # read whole before anything is replaced
        except Exception as error:  # noqa: BLE001 - every failure becomes a message, the window stays
            self.show_error(self.tr("Open"), error)
            if not Path(path).exists():
                w.settings.remove_recent(str(Path(path).resolve()))
            return False
        w.install(result.document, Path(path), notes=result.notes, origins=result.origins)
        w.settings.add_recent(path)
        if w.recovery.offer_for(Path(path)):  # unsaved changes left by a run that ended abnormally
            w.set_read_notes(result.notes, Path(path))  # the recovered edits are of this same file
        return True

    # ------------------------------------------------------------------ save
    def save(self) -> bool:
        w = self.window
        if w.path is None or w.path.suffix.lower() not in (".xlsx", ".json"):
            return self.save_as()
        return self.write(w.path)

    def save_as(self) -> bool:
        w = self.window
        start = str(w.path.with_suffix(".xlsx")) if w.path else (w.document.title or "perfdesk") + ".xlsx"
        path, _ = QFileDialog.getSaveFileName(w, self.tr("Save as"), start, self.tr("Workbooks (*.xlsx)"))
        if not path:
            return False
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        return self.write(Path(path))

    def write(self, path: Path) -> bool:
        w = self.window
        losses = w.losses_on_saving_to(Path(path))
        if losses:
            choice = self.ask_about_losses(losses)
            if choice == "save_as":
                return self.save_as()
            if choice != "save":
                return False
        try:
            from perfdesk.fileio import save_document

            origins = save_document(w.document, Path(path))
        except Exception as error:  # noqa: BLE001
            self.show_error(self.tr("Save"), error)
            return False
        w.set_origins(origins)  # findings now name the cells of the file as saved
        if losses:
            w.losses_confirmed = True  # asked once per document
        w.path = Path(path)
        w.undo_stack.setClean()
        w.settings.add_recent(path)
        w._update_title()
        w.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(path)), 5000)
        return True

    def losses_question(self, count: int) -> QMessageBox:
        """The question before saving over the opened file without what it could not place."""
        box = QMessageBox(self.window)
        box.setObjectName("lossesQuestion")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Save"))
        box.setText(self.tr("%n item(s) could not be read when the file was opened (see “Opening notes”); "
                            "once saved over the original file they will no longer be kept.", "", count))
        save = box.addButton(self.tr("Save"), QMessageBox.ButtonRole.AcceptRole)
        save_as = box.addButton(self.tr("Save as…"), QMessageBox.ButtonRole.ActionRole)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        save.setObjectName("save")
        save_as.setObjectName("save_as")
        cancel.setObjectName("cancel")
        box.setDefaultButton(save_as)  # Enter keeps the original file as it is
        box.setEscapeButton(cancel)
        return box

    def ask_about_losses(self, count: int) -> str:
        """"save", "save_as" or "cancel"."""
        from perfdesk.ui.widgets import answer

        name = answer(self.losses_question(count))
        return name if name in ("save", "save_as") else "cancel"

    # --------------------------------------------------------------- compare
    def compare_with(self, path: str | Path | None = None) -> bool:
        """File ▸ 与其他版本比较…: read another version (old) and list what the open text (new)
        changed, in the Comparison dock. The open document is not touched."""
        w = self.window
        path = path or self._ask_for_text(self.tr("Compare with another version"))
        if not path:
            return False
        try:
            from perfdesk.fileio import open_document

            other = open_document(Path(path)).document
        except Exception as error:  # noqa: BLE001 - a message; the open document stays as it is
            self.show_error(self.tr("Compare with another version"), error)
            return False
        w.compare_panel.compare(w.document, other, Path(path))
        w.compare_dock.show()
        w.compare_dock.raise_()
        return True

    # ------------------------------------------------------ import, roll over
    def import_text(self) -> bool:
        w = self.window
        if not self.maybe_save():
            return False
        path, _ = QFileDialog.getOpenFileName(w, self.tr("Import last year's text"), "",
                                              self.tr("Published texts (*.pdf *.docx *.txt)"))
        if not path:
            return False
        try:
            from perfdesk.importers import import_file

            result = import_file(Path(path))
        except Exception as error:  # noqa: BLE001
            self.show_error(self.tr("Import"), error)
            return False
        w.install(result.document, None, saved=False)
        notes = [str(note) for note in result.notes]
        intro = (self.tr("%n passage(s) could not be placed; please check them:", "", len(notes)) if notes
                 else self.tr("Everything in the text was placed."))
        show_list(w, self.tr("Import notes"), intro, notes)
        return True

    def rollover(self) -> bool:
        w = self.window
        current = w.document.year or date.today().year
        year, ok = QInputDialog.getInt(w, self.tr("Make next year's draft"), self.tr("Budget year of the draft:"),
                                       current + 1, 2000, 2100)
        if not ok or not self.maybe_save():
            return False
        try:
            from perfdesk.importers import rollover

            document, changes = rollover(w.document, year)
        except Exception as error:  # noqa: BLE001
            self.show_error(self.tr("Make next year's draft"), error)
            return False
        w.install(document, None, saved=False)
        show_list(w, self.tr("Make next year's draft"),
                  self.tr("The draft for %1 was made. Changes:").replace("%1", str(year)),
                  [str(change) for change in changes])
        return True

    # ------------------------------------------------------- PDF and print
    def pdf_fonts(self):
        from perfdesk.pdf import FontPaths

        body, heading = self.window.settings.pdf_fonts()
        return FontPaths(body or None, heading or None) if (body or heading) else None

    def export_to(self, path: Path, project_codes: list[str] | None = None) -> bool:
        """Write the PDF (only the tables of ``project_codes`` if given, as ``perfdesk export
        --project`` does); a failure becomes a message."""
        try:
            from perfdesk.pdf import export_pdf

            export_pdf(self.window.document, Path(path), project_codes=project_codes, fonts=self.pdf_fonts())
        except Exception as error:  # noqa: BLE001
            self.show_error(self.tr("Export PDF"), error)
            return False
        return True

    def choose_what_to_export(self) -> tuple[bool, list[str] | None]:
        """(go on?, project codes or None for the whole document). With one project or none
        there is nothing to choose and no dialog."""
        from perfdesk.ui.export_dialog import ExportChoiceDialog

        w = self.window
        if w.document.project_count() <= 1:
            return True, None
        kind, unit, project = getattr(w, "node", ("document", -1, -1))
        dialog = ExportChoiceDialog(w.document, (unit, project) if kind == "project" else None, w)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False, None
            return True, dialog.codes()
        finally:
            dialog.deleteLater()

    def export_pdf(self) -> bool:
        w = self.window
        errors = w.review.error_count()
        if errors:
            answer = QMessageBox.question(
                w, self.tr("Export PDF"),
                self.tr("The review found %n error(s). Export the PDF anyway?", "", errors),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        go_on, codes = self.choose_what_to_export()
        if not go_on:
            return False
        start = str(w.path.with_suffix(".pdf")) if w.path else (w.document.title or "perfdesk") + ".pdf"
        path, _ = QFileDialog.getSaveFileName(w, self.tr("Export PDF"), start, self.tr("PDF files (*.pdf)"))
        if not path:
            return False
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        if self.export_to(Path(path), codes):
            w.statusBar().showMessage(self.tr("Exported %1").replace("%1", path), 5000)
            self.export_offer = self.offer_opening(Path(path))
            return True
        return False

    def offer_opening(self, path: Path) -> QMessageBox:
        """After an export, a (non-modal) message: 打开 PDF / 打开所在文件夹 / 关闭."""
        box = QMessageBox(self.window)
        box.setObjectName("exportDone")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Export PDF"))
        box.setText(self.tr("The PDF was exported to %1.").replace("%1", str(path)))
        open_pdf = box.addButton(self.tr("Open PDF"), QMessageBox.ButtonRole.AcceptRole)
        open_folder = box.addButton(self.tr("Open containing folder"), QMessageBox.ButtonRole.ActionRole)
        close = box.addButton(self.tr("Close"), QMessageBox.ButtonRole.RejectRole)
        open_pdf.setObjectName("open_pdf")
        open_folder.setObjectName("open_folder")
        close.setObjectName("close")
        box.setDefaultButton(open_pdf)
        box.setEscapeButton(close)

        def clicked(button) -> None:
            if button is open_pdf:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
            elif button is open_folder:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

        box.buttonClicked.connect(clicked)
        box.open()
        return box

    def _temporary_pdf(self) -> Path | None:
        path = Path(self._temp.name) / "preview.pdf"
        return path if self.export_to(path) else None

    def print_preview(self) -> None:
        from perfdesk.ui.print_preview import PrintPreviewDialog

        path = self._temporary_pdf()
        if path is None:
            return
        try:
            dialog = PrintPreviewDialog(str(path), self.window)
        except PerfdeskError as error:
            self.show_error(self.tr("Print preview"), error)
            return
        self.preview = dialog
        dialog.open()

    def print(self) -> None:
        from perfdesk.ui.print_preview import open_pdf, print_with_dialog

        path = self._temporary_pdf()
        if path is None:
            return
        try:
            print_with_dialog(open_pdf(str(path), self), self.window)
        except PerfdeskError as error:
            self.show_error(self.tr("Print"), error)

    def choose_fonts(self) -> None:
        from perfdesk.ui.settings import FontSettingsDialog

        FontSettingsDialog(self.window.settings, self.window).exec()


def show_list(parent, title: str, intro: str, lines: list[str]) -> QDialog:
    """A dialog with an introduction and a read-only list (import notes, roll-forward changes)."""
    dialog = QDialog(parent)
    dialog.setObjectName("listDialog")
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    label = QLabel(intro)
    label.setWordWrap(True)
    layout.addWidget(label)
    if lines:
        text = QPlainTextEdit("\n".join(lines))
        text.setReadOnly(True)
        layout.addWidget(text, 1)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
    buttons.accepted.connect(dialog.accept)
    layout.addWidget(buttons)
    dialog.resize(640, 420 if lines else 120)
    dialog.open()
    return dialog
