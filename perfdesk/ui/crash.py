"""What happens when perfdesk itself fails: an exception nobody caught (a defect of ours).

:func:`install_excepthook` (called by ``run_app``) replaces ``sys.excepthook``. The hook writes
the traceback to ``<app data>/logs/perfdesk-errors.log`` (see :func:`perfdesk.ui.recovery.data_folder`),
writes a recovery copy of every open document with unsaved changes at once, and tells the
clerk in a message box — in Chinese, with the log's path, never with a traceback. The
window keeps running (Qt calls the hook for an exception in a slot and carries on).

It works without a console (``sys.stderr`` is None in the windowed Windows build), and an
exception raised while the message is shown is only logged, not shown in a second box.
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMessageBox

from perfdesk import __version__
from perfdesk.ui.recovery import AutoSaver, data_folder

LOG_NAME = "perfdesk-errors.log"
MAX_LOG_BYTES = 1_000_000  # then the log starts afresh, the previous one kept as .1


def log_path() -> Path:
    return data_folder() / "logs" / LOG_NAME


class CrashHandler(QObject):
    """The ``sys.excepthook`` of the window (see the module's description)."""

    def __init__(self, previous=None) -> None:
        super().__init__()
        self.previous = previous
        self.busy = False
        self.last_log: Path | None = None

    def __call__(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        try:
            if issubclass(kind, KeyboardInterrupt) and self.previous is not None:
                self.previous(kind, error, trace)  # Ctrl+C at a developer's console
                return
        except BaseException:  # noqa: BLE001 - the hook never raises
            return
        text = "".join(traceback.format_exception(kind, error, trace))
        if self.busy:  # failed again while the message is shown: log it, ask nothing
            self._write_log(text, nested=True)
            return
        self.busy = True
        try:
            self._echo(text)
            log = self._write_log(text)
            saved, failed = self._save_documents()
            self._tell(error, log, saved, failed)
        except BaseException:  # noqa: BLE001, S110 - the hook never raises
            pass
        finally:
            self.busy = False

    # ----------------------------------------------------------------- log
    def _write_log(self, text: str, nested: bool = False) -> Path | None:
        header = (f"==== {time.strftime('%Y-%m-%d %H:%M:%S')}  perfdesk {__version__}  Python "
                  f"{platform.python_version()}  {platform.platform()}"
                  f"{'  (while showing the previous error)' if nested else ''} ====\n")
        for path in (log_path(), Path(tempfile.gettempdir()) / LOG_NAME):
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                if path.exists() and path.stat().st_size > MAX_LOG_BYTES:
                    os.replace(path, path.with_name(path.name + ".1"))
                with open(path, "a", encoding="utf-8") as stream:
                    stream.write(header + text + "\n")
                self.last_log = path
                return path
            except Exception:  # noqa: BLE001, S112 - try the next place
                continue
        return None

    @staticmethod
    def _echo(text: str) -> None:
        stream = sys.stderr
        if stream is None:  # windowed build: there is no console
            return
        try:
            stream.write(text)
            stream.flush()
        except Exception:  # noqa: BLE001, S110 - no console to write to
            pass

    # ------------------------------------------------------------ documents
    @staticmethod
    def _savers() -> list[AutoSaver]:
        app = QApplication.instance()
        if app is None:
            return []
        savers = []
        for widget in QApplication.topLevelWidgets():
            saver = getattr(widget, "recovery", None)
            if isinstance(saver, AutoSaver) and widget.isVisible():  # a closed window holds nothing
                savers.append(saver)
        return savers

    def _save_documents(self) -> tuple[int, int]:
        """Write a recovery copy of every document with unsaved changes: (written, failed)."""
        saved = failed = 0
        for saver in self._savers():
            try:
                if not saver.window.is_modified():
                    continue
                if saver.write_now() is not None:
                    saved += 1
                else:
                    failed += 1
            except Exception:  # noqa: BLE001
                failed += 1
        return saved, failed

    # ------------------------------------------------------------- message
    def message(self, error: BaseException, log: Path | None, saved: int, failed: int) -> str:
        parts = [self.tr("perfdesk ran into an internal error; what you just did may not have been completed.")]
        if failed:
            parts.append(self.tr("The recovery copy could not be written: please save your work now "
                                 "(File ▸ Save as if saving to the same file fails)."))
        elif saved:
            parts.append(self.tr("Your changes were saved as a recovery copy, which can be recovered at the next "
                                 "start; you can also simply save now and keep working."))
        else:
            parts.append(self.tr("There were no unsaved changes. You can keep working."))
        if log is not None:
            parts.append(self.tr("The details were written to %1; please send this file to your maintainer.")
                         .replace("%1", str(log)))
        else:
            parts.append(self.tr("The details could not be written to a log file: %1")
                         .replace("%1", f"{type(error).__name__}: {error}"))
        return "\n\n".join(parts)

    def _tell(self, error: BaseException, log: Path | None, saved: int, failed: int) -> None:
        if QApplication.instance() is None:
            return
        parent = QApplication.activeWindow()
        if parent is None:
            savers = self._savers()
            parent = savers[0].window if savers else None
        QMessageBox.critical(parent, self.tr("perfdesk: internal error"), self.message(error, log, saved, failed))


def install_excepthook() -> CrashHandler:
    """Make a :class:`CrashHandler` the ``sys.excepthook``; ``handler.previous`` is the one it replaced."""
    handler = CrashHandler(sys.excepthook)
    sys.excepthook = handler
    return handler
