"""File ▸ 导出 PDF, 打印预览 and 打印 for the main window, without freezing it.

The PDF of a large document (300 projects: about 4 s of layout) is made by perfdesk's worker
process from a snapshot of the document (:mod:`perfdesk.ui.background`, :mod:`perfdesk.ui.pdf_work`)
while the clerk goes on typing; the status bar shows the pages laid out (第 N 页) and a 取消
button, and Esc cancels too. A cancelled export writes nothing (an older PDF at the target stays
as it was) and says 已取消 in the status bar, without a message box. One PDF at a time: asking
for another meanwhile says one is being made. Closing the window cancels it.

A small document (below :data:`EXPORT_IN_BACKGROUND_FROM` projects, as for saving) is laid out
at once, as before: it takes a fraction of a second, and the worker process need not start.

Print preview opens as soon as the export delivers the first pages (with a note that the rest is
being laid out, and its 打印 button disabled) and switches to the whole PDF when it is done,
on the page the clerk is reading; closing it before then cancels the export. 打印 (Ctrl+P)
exports the same way, then shows the print dialog.
"""

from __future__ import annotations

import itertools
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QMessageBox, QProgressBar, QToolButton, QWidget

from perfdesk.errors import Cancelled, PerfdeskError
from perfdesk.ui.background import Job, in_process, in_this_thread
from perfdesk.ui.pdf_work import Exported, FirstPages, export_snapshot, warm_up
from perfdesk.ui.snapshot import Snapshot

if TYPE_CHECKING:
    from perfdesk.ui.main_window import MainWindow
    from perfdesk.ui.print_preview import PrintPreviewDialog

# From this many projects the PDF is made in the background (the same size from which a save
# is, and from which the worker process is started when the document comes in).
EXPORT_IN_BACKGROUND_FROM = 30  # projects
# From this many the parallel export's processes are started (and read the fonts) a while after
# the document comes in: its first export then lays out on every core at once (300 projects: about
# 2.5 s instead of 4); below it the export would not use them. Not at once: starting them takes
# both cores for a second or two, and a Ctrl+S made just after opening would wait behind it (and
# the window felt it: 70-110 ms pauses instead of 10-20 ms).
WARM_UP_FROM = 100  # projects
WARM_UP_AFTER_MS = 20_000
_warmed = False  # once per run of perfdesk: the worker process keeps them


class _Run:
    """One PDF being made: for a file, a preview or printing."""

    def __init__(self, kind: str, target: Path, job: Job) -> None:
        self.kind, self.target, self.job = kind, target, job
        self.preview: "PrintPreviewDialog | None" = None  # opened early on the first pages
        self.outcome = False


class PrintActions(QObject):
    exportStarted = Signal()  # a PDF (file, preview or print) is being made: the dialogs are answered
    exportEnded = Signal(bool)  # a PDF (file, preview or print) ended: made, or not (failed, cancelled)

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        self._temp = tempfile.TemporaryDirectory(prefix="perfdesk-")
        self._numbers = itertools.count(1)
        self.running: _Run | None = None
        self.preview: "PrintPreviewDialog | None" = None
        self.export_offer: QMessageBox | None = None

        self.status = QWidget()
        self.status.setObjectName("exportStatus")
        row = QHBoxLayout(self.status)
        row.setContentsMargins(0, 0, 0, 0)
        self.pages = QLabel()
        self.pages.setObjectName("exportPages")
        self.bar = QProgressBar()
        self.bar.setObjectName("exportProgress")
        self.bar.setMaximumWidth(120)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        self.cancel_button = QToolButton()
        self.cancel_button.setObjectName("cancelExport")
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop making the PDF (Esc)"))
        self.cancel_button.clicked.connect(self.cancel)
        for widget in (self.pages, self.bar, self.cancel_button):
            row.addWidget(widget)
        self.status.hide()
        window.statusBar().insertPermanentWidget(0, self.status)
        window.installEventFilter(self)  # Esc that no widget of the window wanted cancels

    def prepare(self) -> None:
        """With a large document, get the worker process's parallel export ready while the
        clerk reads and types, once she has settled in (the worker process itself is started
        by FileActions.prepare, at once)."""
        if not _warmed and self.window.document.project_count() >= WARM_UP_FROM:
            QTimer.singleShot(WARM_UP_AFTER_MS, self, self._warm_up)  # dropped if the window closes first

    def _warm_up(self) -> None:
        global _warmed
        if _warmed or self.window.document.project_count() < WARM_UP_FROM:
            return
        _warmed = True

        def warm() -> None:
            try:
                in_process(warm_up)
            except Exception:  # noqa: BLE001 - only a head start: the export starts them itself
                pass

        threading.Thread(target=warm, name="perfdesk-pdf-warm-up", daemon=True).start()

    # ----------------------------------------------------------- fonts and files
    def pdf_fonts(self):  # noqa: ANN201 - perfdesk.pdf.FontPaths | None
        from perfdesk.pdf import FontPaths

        body, heading = self.window.settings.pdf_fonts()
        return FontPaths(body or None, heading or None) if (body or heading) else None

    def export_to(self, path: Path, project_codes: list[str] | None = None) -> bool:
        """Write the PDF now (only the tables of ``project_codes`` if given, as ``perfdesk export
        --project`` does) and wait for it; a failure becomes a message."""
        return self._start("file", Path(path), project_codes, wait=True)

    def choose_what_to_export(self) -> tuple[bool, list[str] | None]:
        """(go on?, project codes or None for the whole document), the print profile chosen in
        the dialog remembered. With one project or none there is no dialog: the remembered
        profile is used (File ▸ 导出 Word… always asks)."""
        from perfdesk.ui.export_dialog import ExportChoiceDialog

        w = self.window
        if w.document.project_count() <= 1:
            return True, None
        kind, unit, project = getattr(w, "node", ("document", -1, -1))
        dialog = ExportChoiceDialog(w.document, (unit, project) if kind == "project" else None, w,
                                    profile=w.settings.print_profile())
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False, None
            w.settings.set_print_profile(dialog.profile() or "compact")  # also for preview and print
            return True, dialog.codes()
        finally:
            dialog.deleteLater()

    # ------------------------------------------------------------------ menu
    def export_pdf(self) -> bool:
        """File ▸ 导出 PDF: True when the PDF was written (a small document) or is being made
        (a large one; ``exportEnded`` tells how it went)."""
        from perfdesk.ui.export_helpers import ask_target, go_on_despite_errors

        w = self.window
        if self._refused():
            return False
        errors = w.review.error_count()
        question = self.tr("The review found %n error(s). Export the PDF anyway?", "", errors)
        if not go_on_despite_errors(w, errors, self.tr("Export PDF"), question):
            return False
        go_on, codes = self.choose_what_to_export()
        if not go_on:
            return False
        path = ask_target(w, self.tr("Export PDF"), self.tr("PDF files (*.pdf)"), ".pdf")
        if path is None:
            return False
        return self._start("file", path, codes, wait=self._small())

    def offer_opening(self, path: Path) -> QMessageBox:
        """After an export, a (non-modal) message: 打开 PDF / 打开所在文件夹 / 关闭."""
        from perfdesk.ui.export_helpers import offer_opening

        return offer_opening(self.window, path, name="exportDone", title=self.tr("Export PDF"),
                             text=self.tr("The PDF was exported to %1.").replace("%1", str(path)),
                             labels=(self.tr("Open PDF"), self.tr("Open containing folder"), self.tr("Close")),
                             open_name="open_pdf")

    def print_preview(self) -> bool:
        """File ▸ 打印预览: the preview opens when the PDF (or its first pages) is there."""
        if self._refused():
            return False
        return self._start("preview", self._temporary("preview"), None, wait=self._small())

    def print(self) -> bool:
        """File ▸ 打印 (Ctrl+P): the PDF is made, then the print dialog shows."""
        if self._refused():
            return False
        return self._start("print", self._temporary("print"), None, wait=self._small())

    def choose_fonts(self) -> None:
        from perfdesk.ui.settings import FontSettingsDialog

        FontSettingsDialog(self.window.settings, self.window).exec()

    # ---------------------------------------------------------- the running PDF
    def is_running(self) -> bool:
        return self.running is not None

    def cancel(self) -> None:
        """Stop the PDF being made (the 取消 button, Esc); it ends with 已取消, writing nothing."""
        if self.running is not None:
            self.running.job.cancel()
            self.pages.setText(self.tr("Cancelling…"))
            self.cancel_button.setEnabled(False)

    def stop(self) -> None:
        """Cancel the PDF being made and wait for it to end (the window closes)."""
        run = self.running
        if run is not None:
            run.job.cancel()
            run.job.wait()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if (watched is self.window and self.running is not None and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Escape and not event.modifiers()):
            self.cancel()
            return True
        return super().eventFilter(watched, event)

    def _small(self) -> bool:
        return self.window.document.project_count() < EXPORT_IN_BACKGROUND_FROM

    def _refused(self) -> bool:
        """True (and says so) when a PDF is being made already: one at a time."""
        if self.running is None:
            return False
        self.window.statusBar().showMessage(self.tr("A PDF is still being made: please wait, or cancel it."), 5000)
        return True

    def _temporary(self, kind: str) -> Path:
        # A new name every time: an open preview still reads the previous file (and Windows
        # does not let a file that is open be replaced).
        return Path(self._temp.name) / f"{kind}-{next(self._numbers)}.pdf"

    def _start(self, kind: str, target: Path, project_codes: list[str] | None, wait: bool) -> bool:
        """Make the PDF of the document as it is now; with ``wait`` before returning (True if
        made), else in the background (True: begun)."""
        if self.running is not None:
            return False
        w = self.window
        json = Snapshot.of(w.document).json  # the live document never leaves the GUI thread
        fonts, profile = self.pdf_fonts(), w.settings.print_profile()
        target_text = str(target)

        def work(progress):  # noqa: ANN001 - runs in the worker thread, the layout in the process
            if wait:  # small: here, in one process (no worker process to start for it)
                return in_this_thread(export_snapshot, json, target_text, project_codes, fonts, profile, 1,
                                      progress=progress)
            return in_process(export_snapshot, json, target_text, project_codes, fonts, profile,
                              progress=progress)

        job = Job(work, "pdfJob", self)
        run = _Run(kind, target, job)
        job.progressed.connect(lambda done, total, _text: self._progressed(run, done, total))
        job.received.connect(lambda value: self._received(run, value))
        job.succeeded.connect(lambda result: self._succeeded(run, result))
        job.failed.connect(lambda error: self._failed(run, error))
        job.ended.connect(lambda: self._ended(run))
        self.running = run
        self._show_status(True)
        job.start()
        self.exportStarted.emit()
        if wait:
            job.wait()
            return run.outcome
        return True

    def _show_status(self, shown: bool) -> None:
        bar = self.window.statusBar()
        if shown:
            self.bar.setRange(0, 0)  # busy until the pages are counted
            self.pages.setText(self.tr("Laying out the PDF…"))
            self.cancel_button.setEnabled(True)
            self.status.show()
            bar.showMessage(self.tr("Making the PDF …"))
        else:
            self.status.hide()
            if bar.currentMessage().endswith("…"):
                bar.clearMessage()

    def _progressed(self, run: _Run, done: int, total: int) -> None:
        if run is not self.running or run.job.is_cancelled():
            return
        if total > 0:  # an estimate until the last pages are in: the bar, not the words, shows it
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        self.pages.setText(self.tr("Page %1").replace("%1", str(done)))

    def _received(self, run: _Run, value) -> None:  # noqa: ANN001
        """The first pages: a preview opens on them while the rest is laid out."""
        if (not isinstance(value, FirstPages) or run.kind != "preview" or run is not self.running
                or run.preview is not None or run.job.is_cancelled()):
            return
        path = run.target.with_name(run.target.stem + "-first.pdf")
        try:
            path.write_bytes(value.pdf)
        except OSError:
            return  # the whole PDF still comes
        dialog = self._open_preview(path, pending=True)
        if dialog is None:
            return
        run.preview = dialog
        # Closed before the rest is there: the clerk no longer wants it.
        dialog.finished.connect(lambda _result: self._preview_closed(run))

    def _preview_closed(self, run: _Run) -> None:
        if run is self.running:
            run.job.cancel()

    def _succeeded(self, run: _Run, result: Exported) -> None:
        run.outcome = True
        w = self.window
        if run.kind == "file":
            w.statusBar().showMessage(self.tr("Exported %1").replace("%1", str(run.target)), 5000)
            self.export_offer = self.offer_opening(run.target)
        elif run.kind == "preview":
            early = run.preview
            if early is not None and early.isVisible():
                try:
                    early.show_pdf(str(run.target))
                except PerfdeskError as error:
                    run.outcome = False
                    early.reject()
                    self._error(self.tr("Print preview"), error)
            elif early is None:
                run.outcome = self._open_preview(run.target) is not None
        else:  # print once the job has ended: the print dialog is modal
            QTimer.singleShot(0, lambda: self._print_file(run.target))

    def _failed(self, run: _Run, error: BaseException) -> None:
        if run.preview is not None and run.preview.isVisible():
            run.preview.reject()
        if isinstance(error, Cancelled):
            text = {"file": self.tr("Export cancelled: no file was written."),
                    "preview": self.tr("Print preview cancelled."),
                    "print": self.tr("Printing cancelled.")}[run.kind]
            self.window.statusBar().showMessage(text, 5000)
            return
        title = {"file": self.tr("Export PDF"), "preview": self.tr("Print preview"), "print": self.tr("Print")}[run.kind]
        self._error(title, error)

    def _ended(self, run: _Run) -> None:
        if run is self.running:
            self.running = None
            self._show_status(False)
        run.job.deleteLater()
        self.exportEnded.emit(run.outcome)

    def _error(self, title: str, error: BaseException) -> None:
        self.window.files.show_error(title, error)

    # --------------------------------------------------------- preview, print
    def _open_preview(self, path: Path, pending: bool = False) -> "PrintPreviewDialog | None":
        from perfdesk.ui.print_preview import PrintPreviewDialog

        try:
            dialog = PrintPreviewDialog(str(path), self.window, pending=pending)
        except PerfdeskError as error:
            self._error(self.tr("Print preview"), error)
            return None
        self.preview = dialog
        dialog.open()
        return dialog

    def _print_file(self, path: Path) -> None:
        from perfdesk.ui.print_preview import open_pdf, print_with_dialog

        try:
            print_with_dialog(open_pdf(str(path), self), self.window)
        except PerfdeskError as error:
            self._error(self.tr("Print"), error)
