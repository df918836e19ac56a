"""The File menu's work for the main window: new, open, save, save as, import, roll forward;
export PDF, print preview and print are :mod:`perfdesk.ui.print_actions`' (``files.printing``),
reached through thin delegates here (``files.export_pdf()`` …).

Every file error the clerk can meet (FileFormatError, SaveError, FontMissingError, an OS
error) ends in a message box; a failed open leaves the current document as it was, a failed
save leaves the file on disk as it was and the document unsaved. Saving and printing are never
blocked by review findings; exporting a PDF while errors remain asks once.

Every way of opening a file (File ▸ Open, open recent, a dropped workbook, ``perfdesk FILE``)
goes through :meth:`FileActions.open`, which hands the window the notes on what the reader
could not place (the 打开说明 dock). Saving back over that file, which would drop those items,
asks once first (save / save as… / cancel); saving to another file does not.

A large document never freezes the window: Ctrl+S takes a :class:`~perfdesk.ui.snapshot.Snapshot`
and the worker process writes it (:mod:`perfdesk.ui.background`) while the clerk goes on, with a
busy bar in the status bar; only the version saved is marked clean (edits made meanwhile keep
the ``*``), a second Ctrl+S meanwhile is refused with a message, and closing waits for the
write. A large workbook is read the same way and installed when whole.

Nobody's work is overwritten silently: a workbook held by someone else (Excel's owner file
``~$name.xlsx`` beside it, or another perfdesk window) opens only read-only (只读打开 / 取消),
and then Save asks for another name; a file changed on disk since it was read or last saved
(:mod:`perfdesk.fileio.disk_state`) is saved over only after 覆盖 / 另存为 / 取消.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QVBoxLayout,
)

from perfdesk.errors import PerfdeskError
from perfdesk.fileio.safe_save import same_file
from perfdesk.ui.background import Job, in_process, start_process
from perfdesk.ui.print_actions import PrintActions
from perfdesk.ui.snapshot import Snapshot, read_file, save_snapshot
from perfdesk.ui.widgets import answer, question

# A document this large is saved by a worker while the clerk goes on (a 30-project workbook
# takes about a second to write); a smaller one is written at once, as before.
SAVE_IN_BACKGROUND_FROM = 30  # projects
# A workbook this large is read by a worker, with progress (a 300-project one is ~650 KB, 0.8 s).
OPEN_IN_BACKGROUND_FROM = 256 * 1024  # bytes

if TYPE_CHECKING:
    from perfdesk.ui.main_window import MainWindow


class FileActions(QObject):
    saveEnded = Signal(bool)  # a save (at once or in the background) ended: written or not
    openEnded = Signal(bool)  # an open ended: the document installed or not

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        self.printing = PrintActions(window)  # File ▸ 导出 PDF, 打印预览, 打印
        self.saving: Job | None = None  # the save being written in the background
        self.opening: Job | None = None  # the workbook being read in the background
        self.busy = QProgressBar()
        self.busy.setObjectName("fileProgress")
        self.busy.setRange(0, 0)  # the writer and reader do not report steps: a busy bar
        self.busy.setMaximumWidth(160)
        self.busy.setMaximumHeight(14)
        self.busy.setTextVisible(False)
        self.busy.hide()
        window.statusBar().insertPermanentWidget(0, self.busy)  # a message would hide a normal one

    def prepare(self) -> None:
        """With a document large enough to be saved in the background, start the worker process
        now, while the clerk reads and types, rather than at the first Ctrl+S."""
        if self.window.document.project_count() >= SAVE_IN_BACKGROUND_FROM:
            start_process()
        self.printing.prepare()

    def finish(self) -> None:
        """Wait for a save or an open still running and handle its outcome (closing, replacing)."""
        for job in (self.saving, self.opening):
            if job is not None:
                job.wait()

    # ------------------------------------------------------------- questions
    def maybe_save(self) -> bool:
        """True if the current document may be put away (saved, discarded or unchanged)."""
        w = self.window
        self.finish()  # a save still being written decides whether anything is left unsaved
        if not w.is_modified():
            return True
        name = w.path.name if w.path else self.tr("Untitled")
        choice = QMessageBox.question(
            w, self.tr("Unsaved changes"),
            self.tr("“%1” has changes that are not saved. Save them?").replace("%1", name),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if choice == QMessageBox.StandardButton.Save:
            return self.save(wait=True)
        return choice == QMessageBox.StandardButton.Discard

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

    def open(self, path: str | Path | None = None, background: bool | None = None) -> bool:
        """Open a workbook or JSON file. A large workbook (``background`` None: by its size) is
        read by a worker while the window stays usable: True then means the reading began, and
        ``openEnded`` tells how it went. A read that fails leaves the open document as it was."""
        w = self.window
        if self.opening is not None:
            w.statusBar().showMessage(self.tr("Still opening a file: please wait."), 5000)
            return False
        if not self.maybe_save():
            return False
        path = path or self._ask_for_text(self.tr("Open"))
        if not path:
            return False
        path = Path(path)
        read_only = False
        held = self.held_by_other(path)
        if held is not None:  # Excel, WPS or another perfdesk has it open
            if self.ask_about_holder(path, held) != "read_only":
                return False
            read_only = True
        if background is None:
            background = _size(path) >= OPEN_IN_BACKGROUND_FROM
        if background:
            return self._open_in_background(path, read_only)
        try:
            from perfdesk.fileio import open_document

            result = open_document(path)  # read whole before anything is replaced
        except Exception as error:  # noqa: BLE001 - every failure becomes a message, the window stays
            self._open_failed(path, error)
            self.openEnded.emit(False)
            return False
        self._opened(path, result, read_only)
        self.openEnded.emit(True)
        return True

    def held_by_other(self, path: Path):  # noqa: ANN201 - owner_file.Holder | None
        """Who else has the workbook open: another program or computer (its owner file beside
        the workbook), or another window of this perfdesk; None for nobody, or this window."""
        from perfdesk.fileio import owner_file

        if path.suffix.lower() != ".xlsx":
            return None
        found = owner_file.holder(path)
        if found is None and owner_file.held_in_this_process(path):
            mine = self.window.owner
            if mine is None or not mine.held or not same_file(mine.workbook, path):
                found = owner_file.Holder(user=owner_file.this_user(), host=owner_file.this_host(),
                                          perfdesk=True, program="perfdesk")
        return found

    def holder_question(self, path: Path, held) -> QMessageBox:  # noqa: ANN001 - owner_file.Holder
        """The question before opening a workbook someone else holds: 只读打开 / 取消."""
        return question(self.window, "heldQuestion", self.tr("File in use"),
                        self.tr("“%1” is open in %2.").replace("%1", path.name).replace("%2", str(held)),
                        self.tr("Open it read-only? Your changes can then be saved under another name."),
                        [("read_only", self.tr("Open read-only"), QMessageBox.ButtonRole.AcceptRole),
                         ("cancel", self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)], default="read_only", escape="cancel")

    def ask_about_holder(self, path: Path, held) -> str:  # noqa: ANN001
        """"read_only" or "cancel"."""
        return "read_only" if answer(self.holder_question(path, held)) == "read_only" else "cancel"

    def changed_question(self, path: Path) -> QMessageBox:
        """The question before saving over a file changed on disk since it was read: 覆盖 / 另存为 / 取消."""
        return question(self.window, "changedOnDiskQuestion", self.tr("Save"),
                        self.tr("“%1” was changed on disk by another program or window since it was opened "
                                "or last saved.").replace("%1", path.name),
                        self.tr("Overwrite it with this document, save under another name, or cancel?"),
                        [("overwrite", self.tr("Overwrite"), QMessageBox.ButtonRole.DestructiveRole),
                         ("save_as", self.tr("Save as…"), QMessageBox.ButtonRole.AcceptRole),
                         ("cancel", self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)],
                        default="save_as", escape="cancel")  # Enter keeps the other program's version

    def ask_about_change(self, path: Path) -> str:
        """"overwrite", "save_as" or "cancel"."""
        name = answer(self.changed_question(path))
        return name if name in ("overwrite", "save_as") else "cancel"

    def _open_in_background(self, path: Path, read_only: bool = False) -> bool:
        w = self.window
        edited: list[bool] = []
        outcome = [False]
        document = w.document

        def note(_change) -> None:  # noqa: ANN001
            edited.append(True)

        def read(progress):  # noqa: ANN001 - runs in the worker thread, the reading in the process
            return in_process(read_file, str(path)).result()

        def succeeded(result) -> None:  # noqa: ANN001
            # Edits made while reading were not part of the answer to "save changes?": ask again.
            if edited and w.document is document and not self.maybe_save():
                return
            outcome[0] = self._opened(path, result, read_only)

        def failed(error: BaseException) -> None:
            self._open_failed(path, error)

        def ended() -> None:
            document.unsubscribe(note)
            self.opening = None
            self._show_busy(False)
            self.openEnded.emit(outcome[0])

        document.subscribe(note)
        self.opening = self._connect(Job(read, "openJob", self), succeeded, failed, ended)
        self._show_busy(True, self.tr("Opening %1 …").replace("%1", path.name))
        self.opening.start()
        return True

    def _open_failed(self, path: Path, error: BaseException) -> None:
        self.show_error(self.tr("Open"), error)
        if not path.exists():
            self.window.settings.remove_recent(str(path.resolve()))

    def _opened(self, path: Path, result, read_only: bool = False) -> bool:  # noqa: ANN001 - fileio.ReadResult
        w = self.window
        w.install(result.document, Path(path), notes=result.notes, origins=result.origins, read_only=read_only)
        w.settings.add_recent(path)
        if w.recovery.offer_for(Path(path)):  # unsaved changes left by a run that ended abnormally
            w.set_read_notes(result.notes, Path(path))  # the recovered edits are of this same file
        return True

    # ------------------------------------------------------------------ save
    def save(self, wait: bool = False) -> bool:
        w = self.window
        if w.path is None or w.path.suffix.lower() not in (".xlsx", ".json") or w.read_only:
            return self.save_as(wait)  # read-only: the file belongs to whoever holds it
        return self.write(w.path, wait)

    def save_as(self, wait: bool = False) -> bool:
        w = self.window
        start = str(w.path.with_suffix(".xlsx")) if w.path else (w.document.title or "perfdesk") + ".xlsx"
        path, _ = QFileDialog.getSaveFileName(w, self.tr("Save as"), start, self.tr("Workbooks (*.xlsx)"))
        if not path:
            return False
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        return self.write(Path(path), wait)

    def write(self, path: Path, wait: bool = False) -> bool:
        """Save to ``path``. A large document is written by a worker from a snapshot while the
        clerk goes on (True then means the save began; ``saveEnded`` tells how it went); with
        ``wait`` (closing, "save changes?") it is written before this returns."""
        w = self.window
        path = Path(path)
        if self.saving is not None:  # one write at a time; Ctrl+S again is not queued
            w.statusBar().showMessage(self.tr("Still saving “%1”: please wait.")
                                      .replace("%1", self._saving_to.name), 5000)
            return False
        held = self.held_by_other(path)
        if held is not None:  # never write under Excel, WPS or another window
            QMessageBox.warning(w, self.tr("Save"), self.tr("“%1” is open in %2: save under another name.")
                                .replace("%1", path.name).replace("%2", str(held)))
            return False
        if (w.path is not None and w.fingerprint is not None and same_file(path, w.path)
                and w.fingerprint.changed(path)):
            choice = self.ask_about_change(path)
            if choice == "save_as":
                return self.save_as(wait)
            if choice != "overwrite":
                return False
        losses = w.losses_on_saving_to(path)
        if losses:
            choice = self.ask_about_losses(losses)
            if choice == "save_as":
                return self.save_as(wait)
            if choice != "save":
                return False
        if wait or w.document.project_count() < SAVE_IN_BACKGROUND_FROM:
            try:
                from perfdesk.fileio import save_document

                origins = save_document(w.document, path)
            except Exception as error:  # noqa: BLE001
                self.show_error(self.tr("Save"), error)
                self.saveEnded.emit(False)
                return False
            self._saved(path, origins, losses, edited=False)
            self.saveEnded.emit(True)
            return True
        return self._write_in_background(path, losses)

    def _write_in_background(self, path: Path, losses: int) -> bool:
        w = self.window
        document = w.document
        snapshot = Snapshot.of(document)  # what is saved: the document as it is now
        edited: list[bool] = []
        outcome = [False]

        def note(_change) -> None:  # noqa: ANN001 - an edit made while the file is written
            edited.append(True)

        def write(progress):  # noqa: ANN001 - runs in the worker thread, the writing in the process
            return in_process(save_snapshot, snapshot.json, str(path))

        def succeeded(placed) -> None:  # noqa: ANN001 - snapshot.PlacedOrigins
            if w.document is not document:  # cannot happen (installing waits), but never mix them up
                return
            self._saved(path, snapshot.origins_for_live(placed), losses, edited=bool(edited))
            outcome[0] = True

        def failed(error: BaseException) -> None:
            self.show_error(self.tr("Save"), error)  # the document stays modified

        def ended() -> None:
            document.unsubscribe(note)
            self.saving = None
            self._show_busy(False)
            self.saveEnded.emit(outcome[0])

        document.subscribe(note)
        self.saving, self._saving_to = self._connect(Job(write, "saveJob", self), succeeded, failed, ended), path
        self._show_busy(True, self.tr("Saving %1 …").replace("%1", path.name))
        self.saving.start()
        return True

    def _saved(self, path: Path, origins, losses: int, edited: bool) -> None:  # noqa: ANN001
        w = self.window
        w.set_origins(origins)  # findings now name the cells of the file as saved
        if losses:
            w.losses_confirmed = True  # asked once per document
        from perfdesk.fileio.disk_state import Fingerprint

        if w.path is None or w.read_only or not same_file(path, w.path):
            w.hold(Path(path))  # Save As: the new file is this window's now, the old one is free
        else:
            w.fingerprint = Fingerprint.of(path)  # what the next save compares the disk with
        w.path = Path(path)
        if not edited:  # edits made while it was written are not in the file: they keep the *
            w.undo_stack.setClean()
        w.settings.add_recent(str(path))
        w._update_title()
        message = self.tr("Saved %1").replace("%1", str(path))
        if edited:
            message += "  " + self.tr("(changes made while saving are not saved yet)")
        w.statusBar().showMessage(message, 5000)

    @staticmethod
    def _connect(job: Job, succeeded, failed, ended) -> Job:  # noqa: ANN001 - slots
        """``job`` with its outcome connected (kept by the caller before it starts)."""
        job.succeeded.connect(succeeded)
        job.failed.connect(failed)
        job.ended.connect(ended)
        return job

    def _show_busy(self, busy: bool, text: str = "") -> None:
        bar = self.window.statusBar()
        if busy:
            self.busy.show()
            bar.showMessage(text)
        else:
            self.busy.setVisible(self.saving is not None or self.opening is not None)
            if not self.busy.isVisible() and bar.currentMessage().endswith("…"):
                bar.clearMessage()

    def losses_question(self, count: int) -> QMessageBox:
        """The question before saving over the opened file without what it could not place."""
        return question(self.window, "lossesQuestion", self.tr("Save"),
                        self.tr("%n item(s) could not be read when the file was opened (see “Opening notes”); "
                                "once saved over the original file they will no longer be kept.", "", count), "",
                        [("save", self.tr("Save"), QMessageBox.ButtonRole.AcceptRole),
                         ("save_as", self.tr("Save as…"), QMessageBox.ButtonRole.ActionRole),
                         ("cancel", self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)],
                        default="save_as", escape="cancel")  # Enter keeps the original file as it is

    def ask_about_losses(self, count: int) -> str:
        """"save", "save_as" or "cancel"."""
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
    # The work is PrintActions' (perfdesk.ui.print_actions); these keep the File menu's and
    # other modules' calls (files.pdf_fonts() …) where they were.
    def pdf_fonts(self):  # noqa: ANN201 - perfdesk.pdf.FontPaths | None
        return self.printing.pdf_fonts()

    def export_to(self, path: Path, project_codes: list[str] | None = None) -> bool:
        return self.printing.export_to(path, project_codes)

    def export_pdf(self) -> bool:
        return self.printing.export_pdf()

    def offer_opening(self, path: Path) -> QMessageBox:
        return self.printing.offer_opening(path)

    def print_preview(self) -> bool:
        return self.printing.print_preview()

    def print(self) -> bool:
        return self.printing.print()

    def choose_fonts(self) -> None:
        self.printing.choose_fonts()

    @property
    def preview(self):  # noqa: ANN201 - the print preview dialog opened last
        return self.printing.preview

    @property
    def export_offer(self) -> QMessageBox | None:
        return self.printing.export_offer


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # the reader says what is wrong with it


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
