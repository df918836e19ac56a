"""Recovery copies: the window never loses a clerk's work to a crash, a power cut or a killed process.

While the open document has unsaved changes, the window writes a *recovery copy* of it every
two minutes into ``<app data>/recovery`` (QStandardPaths.AppDataLocation, or the folder named
by the environment variable ``PERFDESK_DATA_DIR``, which tests use): the model's own JSON
(``NAME.json``, what ``perfdesk convert`` writes, so even a copy perfdesk could no longer offer
opens as a .json file) beside a small record ``NAME.meta.json`` — the original file (none for a
new, never saved document), when the copy was written, the department and year, and the
process that wrote it. Both are written safely (a temporary file, then an atomic replace).
Nothing is written while the document is unchanged, and a failing write (disk full, no
permission) is said once in the status bar and never interrupts the clerk.

The copy is deleted when the document is saved (or its changes undone), when the clerk answers
"don't save" or another document replaces it after the clerk decided. What is left behind was
not put away deliberately: at the next start, and when a file is opened whose copy is newer
than the file, the window asks whether to recover it (恢复 / 丢弃 / 以后再说). A recovered
document is shown *unsaved*, so that the clerk still saves it; a copy that cannot be read is
renamed ``….bad`` and kept, with a message.

The files themselves are kept by :mod:`perfdesk.fileio.recovery_store` (no Qt); this module
is the window's part: where the folder is, the timer, the questions and the status bar.
"""

from __future__ import annotations

import itertools
import os
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox

from perfdesk.fileio.recovery_store import (
    OWNED,
    RecoveryCopy,
    RecoveryError,
    RecoveryStore,
    copy_name,
    same_file,
    write_failure,
)
from perfdesk.ui.widgets import answer, question

if TYPE_CHECKING:
    from perfdesk.ui.main_window import MainWindow

DATA_ENV = "PERFDESK_DATA_DIR"  # replaces the app data folder (recovery copies, error log)
INTERVAL_MS = 120_000
_counter = itertools.count(1)


# ------------------------------------------------------------------ places
def data_folder() -> Path:
    """perfdesk's own data folder: ``$PERFDESK_DATA_DIR`` or QStandardPaths.AppDataLocation."""
    configured = os.environ.get(DATA_ENV)
    if configured:
        return Path(configured)
    from PySide6.QtCore import QStandardPaths

    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location) if location else Path.home() / ".perfdesk"


def recovery_folder() -> Path:
    return data_folder() / "recovery"


# ------------------------------------------------------------ the window's part
RESTORE, DISCARD, LATER = "restore", "discard", "later"


class AutoSaver(QObject):
    """Writes the window's recovery copy on a timer while there are unsaved changes, removes it
    once the clerk has decided, and offers copies left behind by a run that ended abnormally."""

    def __init__(self, window: MainWindow, store: RecoveryStore | None = None,
                 interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(window)
        self.window = window
        # The folder is looked up when used, so a test's PERFDESK_DATA_DIR applies to a window made earlier.
        self.store = store or RecoveryStore(recovery_folder)
        self.token = f"{os.getpid()}-{next(_counter)}-{uuid.uuid4().hex[:6]}"
        self.owned: set[str] = set()  # copies this window wrote or took over
        self.changed = False  # edited since the last copy
        self.warned = False  # a failed write is shown once
        self.last_error: BaseException | None = None
        self.timer = QTimer(self)
        self.timer.setObjectName("recoveryTimer")
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def set_interval(self, milliseconds: int) -> None:
        self.timer.start(milliseconds)

    def watch(self, stack: QUndoStack) -> None:
        """Follow a (new) undo stack: edits make a new copy due, the clean state removes it."""
        stack.indexChanged.connect(self._edited)
        stack.cleanChanged.connect(self._clean_changed)

    def _edited(self, *_: object) -> None:
        self.changed = True

    def _clean_changed(self, clean: bool) -> None:
        if clean:  # saved, or every change undone: nothing left to recover
            self.discard()

    def name(self) -> str:
        return copy_name(self.window.path, self.token)

    # ----------------------------------------------------------- writing
    def tick(self) -> None:
        if self.window.is_modified() and (self.changed or self.name() not in self.owned):
            self.write_now()

    def write_now(self) -> RecoveryCopy | None:
        """Write the copy now if the document has unsaved changes; None if not written."""
        if not self.window.is_modified():
            return None
        name = self.name()
        try:
            copy = self.store.write(name, self.window.document, self.window.path)
        except Exception as error:  # noqa: BLE001 - never interrupts the clerk
            self.last_error = error
            if not self.warned:
                self.warned = True
                self.window.statusBar().showMessage(
                    self.tr("The recovery copy could not be written (%1): please save your work.")
                    .replace("%1", write_failure(error)), 15000)
            return None
        self.last_error = None
        for old in self.owned - {name}:  # e.g. a recovered copy, now superseded by this window's own
            self.store.remove(old)
            OWNED.discard(old)
        self.owned = {name}
        OWNED.add(name)
        self.changed = False
        return copy

    def discard(self) -> None:
        """Remove this window's copies: the clerk has saved or decided about the document."""
        for name in self.owned:
            self.store.remove(name)
            OWNED.discard(name)
        self.owned = set()
        self.changed = False

    def finish(self) -> None:
        """The window closes after the clerk decided: remove the copies and stop writing."""
        self.timer.stop()
        self.discard()

    # ---------------------------------------------------------- offering
    def offer_at_start(self, skip: str | os.PathLike | None = None) -> bool:
        """Offer the copies a previous run left behind (newest first); True if one was recovered.
        ``skip``: the file opened from the command line, whose copy was offered when it opened."""
        copies, problems = self.store.scan()
        for name, reason in problems:
            self._set_aside(name, name, reason)
        if skip is not None:
            copies = [copy for copy in copies if copy.original is None or not same_file(copy.original, skip)]
        return self._offer_each(copies)

    def offer_for(self, path: str | os.PathLike) -> bool:
        """After opening ``path``: offer its copy if one is newer than the file."""
        try:
            copies = self.store.copies_for(path)
        except Exception:  # noqa: BLE001 - opening the file itself went well; say nothing
            return False
        return self._offer_each(copies)

    def _offer_each(self, copies: list[RecoveryCopy]) -> bool:
        for copy in copies:
            if self.window.is_modified():  # one document at a time: the rest wait for later
                return False
            if copy.in_use() or not copy.newer_than_original():
                continue
            if self.offer(copy):
                return True
        return False

    def offer(self, copy: RecoveryCopy) -> bool:
        """Ask about one copy; True if it was recovered into the window."""
        try:
            document = copy.load()
        except RecoveryError as error:
            self._set_aside(copy.name, self._label(copy), str(error))
            return False
        choice = self.ask(copy)
        if choice == RESTORE:
            self.window.install(document, copy.original, saved=False)
            self.owned.add(copy.name)  # replaced by this window's own copy at the next write
            OWNED.add(copy.name)
            self.changed = True
            self.window.statusBar().showMessage(
                self.tr("Recovered the unsaved changes of “%1”. Save to keep them.")
                .replace("%1", self._label(copy)), 15000)
            return True
        if choice == DISCARD:
            self.store.remove(copy.name)
        return False

    def _label(self, copy: RecoveryCopy) -> str:
        return copy.original.name if copy.original else self.tr("Untitled")

    def _set_aside(self, name: str, label: str, reason: str) -> None:
        aside = self.store.set_aside(name)
        QMessageBox.warning(
            self.window, self.tr("Recovery copy"),
            self.tr("The recovery copy of “%1” could not be read: %2\nIt was renamed and kept as %3.")
            .replace("%1", label).replace("%2", reason).replace("%3", str(aside)))

    def question_box(self, copy: RecoveryCopy) -> QMessageBox:
        """The question about one copy (恢复 / 丢弃 / 以后再说); ``ask`` shows it."""
        lines = [self.tr("File: %1").replace("%1", str(copy.original)) if copy.original
                 else self.tr("A new document that was never saved.")]
        if copy.department or copy.year:
            lines.append(self.tr("Department: %1    Year: %2")
                         .replace("%1", copy.department or "—").replace("%2", str(copy.year or "—")))
        lines.append("\n" + self.tr("A recovered document is shown as unsaved: check it, then save it. "
                                    "“Later” keeps the recovery copy for next time."))
        text = (self.tr("perfdesk was not closed normally last time. Unsaved changes to “%1” were found "
                        "(saved at %2). Recover them?")
                .replace("%1", self._label(copy)).replace("%2", copy.saved_at_text()))
        return question(self.window, "recoveryQuestion", self.tr("Recover unsaved changes"), text, "\n".join(lines),
                        [("recover", self.tr("&Recover"), QMessageBox.ButtonRole.AcceptRole),
                         ("discard", self.tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole),
                         ("later", self.tr("&Later"), QMessageBox.ButtonRole.RejectRole)],
                        default="recover", escape="later", icon=QMessageBox.Icon.Question)

    def ask(self, copy: RecoveryCopy) -> str:
        return {"recover": RESTORE, "discard": DISCARD}.get(answer(self.question_box(copy)), LATER)
