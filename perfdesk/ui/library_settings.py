"""Settings ▸ 指标库: the folders the indicator library is built from, and the service that keeps
its index up to date for the window.

``LibraryService`` owns the index file (``<app data>/library/index.sqlite``). Updating runs
in a background thread with a SQLite connection of its own, so the window never waits for
workbooks to be read; the grid's completions and the 从指标库选择… dialog read through the
service's own connection and see each file's rows as soon as they are committed. With no
folders chosen no index file is made and only the shipped 通用共性指标 are offered.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from perfdesk.library import IndexReport, LibraryIndex, Suggestion, load_details, search


def default_index_path() -> Path:
    from perfdesk.ui.recovery import data_folder

    return data_folder() / "library" / "index.sqlite"


class LibraryService(QObject):
    """The window's indicator library: what to search, and keeping it up to date."""

    updated = Signal(object)           # the IndexReport of a finished update
    progress = Signal(int, int, str)   # file number, files, path

    def __init__(self, folders: list[str] | None = None, common: bool = True, index_path: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folders = [str(f) for f in folders or []]
        self.common = common
        self.index_path = Path(index_path) if index_path is not None else None
        self.last_report: IndexReport | None = None
        self._reader: LibraryIndex | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._again = False

    @classmethod
    def from_settings(cls, settings, parent: QObject | None = None) -> "LibraryService":
        return cls(settings.library_folders(), settings.library_common(), None, parent)

    def _path(self) -> Path:
        if self.index_path is None:
            self.index_path = default_index_path()
        return self.index_path

    # ------------------------------------------------------------------ reading
    def reader(self) -> LibraryIndex | None:
        """The window thread's connection to the index; None while no folder is chosen."""
        if not self.folders:
            return None
        if self._reader is None:
            try:
                self._reader = LibraryIndex(self._path())
            except sqlite3.Error:
                return None  # a damaged index: the background update makes a new one
        return self._reader

    def suggest(self, text: str, level2: str = "", only_level2: str = "", limit: int | None = 20) -> list[Suggestion]:
        try:
            return search(self.reader(), text, level2, only_level2=only_level2, common=self.common, limit=limit)
        except sqlite3.Error:
            # Typing must go on whatever happened to the index file; the shipped rows still help.
            return search(None, text, level2, only_level2=only_level2, common=self.common, limit=limit)

    def details(self, suggestion: Suggestion) -> Suggestion:
        """The suggestion with every wording and the files of each (the dialog's preview)."""
        return load_details(self.reader(), suggestion)

    def level2_names(self) -> list[str]:
        reader = self.reader()
        names = reader.level2_names() if reader is not None else []
        if self.common:
            from perfdesk.library import common_rows

            names += [row.level2 for row in common_rows() if row.level2 not in names]
        return list(dict.fromkeys(names))

    def counts(self) -> tuple[int, int]:
        """(files read, indicator rows) the index holds."""
        reader = self.reader()
        return (reader.file_count(), reader.row_count()) if reader is not None else (0, 0)

    def failures(self) -> list[tuple[str, str]]:
        reader = self.reader()
        return reader.failures() if reader is not None else []

    # ------------------------------------------------------------------ updating
    def configure(self, folders: list[str], common: bool) -> None:
        self.folders, self.common = [str(f) for f in folders], common
        self.update()

    def update(self) -> None:
        """Bring the index up to date in the background (again, if an update is running)."""
        if not self.folders and self.index_path is None:
            return  # nothing chosen, nothing indexed: no file in the app data folder
        if self._thread is not None and self._thread.is_alive():
            self._again = True
            return
        folders, path = list(self.folders), self._path()
        self._stop.clear()
        self._thread = threading.Thread(target=self._work, args=(folders, path), name="perfdesk-library",
                                        daemon=True)
        self._thread.start()

    def _work(self, folders: list[str], path: Path) -> None:
        try:
            index = LibraryIndex(path)  # this thread's own connection
            index.connection.execute("SELECT count(*) FROM groups").fetchone()
        except sqlite3.DatabaseError:
            # The index is a cache of the files: a damaged one is thrown away and built again.
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                leftover.unlink(missing_ok=True)
            index = LibraryIndex(path)
        try:
            report = index.update(folders, lambda n, total, file: self.progress.emit(n, total, file),
                                  self._stop.is_set)
        except Exception as error:  # noqa: BLE001 - an unusable index file must not end the window
            report = IndexReport(failed=[(str(path), f"指标库索引无法更新：{error}")])
        finally:
            index.close()
        self.last_report = report
        self.updated.emit(report)
        if self._again and not self._stop.is_set():
            self._again = False
            self._thread = None
            self.update()

    def wait(self, timeout: float = 60) -> bool:
        """Wait for a running update (tests, closing the window); True when none is left."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
            if self._thread is not thread:
                return self.wait(timeout)
        return self._thread is None or not self._thread.is_alive()

    def stop(self) -> None:
        """Stop after the file being read (the window is closing)."""
        self._stop.set()
        self.wait(10)
        if self._reader is not None:
            self._reader.close()
            self._reader = None


class LibrarySettingsDialog(QDialog):
    """Settings ▸ 指标库…: the folders of past documents, the common library, what was read."""

    def __init__(self, service: LibraryService, settings=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("librarySettings")
        self.service, self.settings = service, settings
        self.setWindowTitle(self.tr("Indicator library"))
        intro = QLabel(self.tr("Indicators are suggested from the bureau's own past documents (.xlsx, .json) "
                               "in these folders and below them. The library follows the files as they change."))
        intro.setWordWrap(True)
        self.folders = QListWidget()
        self.folders.setObjectName("libraryFolders")
        self.folders.addItems(service.folders)
        add = QPushButton(self.tr("Add folder…"))
        add.setObjectName("libraryAddFolder")
        add.clicked.connect(self._add)
        remove = QPushButton(self.tr("Remove"))
        remove.setObjectName("libraryRemoveFolder")
        remove.clicked.connect(self._remove)
        buttons_column = QVBoxLayout()
        buttons_column.addWidget(add)
        buttons_column.addWidget(remove)
        buttons_column.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.folders, 1)
        row.addLayout(buttons_column)
        self.common = QCheckBox(self.tr("Also offer the common indicators (通用共性指标), after the bureau's own"))
        self.common.setObjectName("libraryCommon")
        self.common.setChecked(service.common)
        self.status = QLabel()
        self.status.setObjectName("libraryStatus")
        self.status.setWordWrap(True)
        self.failed_label = QLabel(self.tr("Files that could not be read (skipped until they change):"))
        self.failed = QPlainTextEdit()
        self.failed.setObjectName("libraryFailures")
        self.failed.setReadOnly(True)
        self.failed.setMaximumHeight(90)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.common)
        layout.addWidget(self.status)
        layout.addWidget(self.failed_label)
        layout.addWidget(self.failed)
        layout.addWidget(box)
        self.resize(560, 380)
        service.updated.connect(self._show_state)
        self._show_state()

    def _show_state(self, *_: object) -> None:
        files, rows = self.service.counts()
        self.status.setText(self.tr("The library holds %1 indicator rows from %2 files.")
                            .replace("%1", str(rows)).replace("%2", str(files)))
        failures = self.service.failures()
        self.failed.setVisible(bool(failures))
        self.failed_label.setVisible(bool(failures))
        # The reason names the file already when the reader could say more than its name.
        self.failed.setPlainText("\n".join(reason if path in reason else f"{Path(path).name}：{reason}（{path}）"
                                           for path, reason in failures))

    def _add(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder of past documents"))
        if folder:
            self.add_folder(folder)

    def add_folder(self, folder: str) -> None:
        if folder not in self.chosen_folders():
            self.folders.addItem(folder)

    def _remove(self) -> None:
        for item in self.folders.selectedItems():
            self.folders.takeItem(self.folders.row(item))

    def chosen_folders(self) -> list[str]:
        return [self.folders.item(i).text() for i in range(self.folders.count())]

    def accept(self) -> None:
        if self.settings is not None:
            self.settings.set_library_folders(self.chosen_folders())
            self.settings.set_library_common(self.common.isChecked())
        self.service.configure(self.chosen_folders(), self.common.isChecked())
        super().accept()

    def done(self, result: int) -> None:
        try:
            self.service.updated.disconnect(self._show_state)
        except (RuntimeError, TypeError):
            pass
        super().done(result)
