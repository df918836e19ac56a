"""Shared set-up for the main-window and editor tests: settings in a temporary folder, the
Funing 2024 example document, and a window that closes without asking at the end."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from expected_samples.funing_2024 import build

# 预算数 of the ten Funing 2024 tables, read from tests/data/samples/funing-2024-pdf-extract.txt
FUNING_BUDGETS = ("564.00", "1.87", "2.00", "60.00", "20.00", "37.71", "34.61", "10.00", "1.60", "5.00")
FUNING_TOTAL = "736.79"  # their sum, worked out by hand


def point_settings_at(folder: Path) -> None:
    """All QSettings of this process go to ``folder`` (never the clerk's real settings)."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, str(folder))


@pytest.fixture
def settings_dir(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "settings"
    folder.mkdir()
    point_settings_at(folder)
    # Recovery copies and the error log too (perfdesk.ui.recovery.data_folder), never the clerk's.
    monkeypatch.setenv("PERFDESK_DATA_DIR", str(tmp_path / "appdata"))
    return folder


class Answers:
    """Stands in for QMessageBox's static questions; records what was asked."""

    def __init__(self, answer=QMessageBox.StandardButton.Discard) -> None:
        self.answer = answer
        self.asked: list[str] = []
        self.warnings: list[str] = []

    def question(self, parent, title, text, *args, **kwargs):
        self.asked.append(text)
        return self.answer

    def warning(self, parent, title, text, *args, **kwargs):
        self.warnings.append(text)
        return QMessageBox.StandardButton.Ok


@pytest.fixture
def answers(monkeypatch) -> Answers:
    answers = Answers()
    monkeypatch.setattr(QMessageBox, "question", answers.question)
    monkeypatch.setattr(QMessageBox, "warning", answers.warning)
    monkeypatch.setattr(QMessageBox, "critical", answers.warning)
    return answers


@pytest.fixture
def window(qtbot, settings_dir, answers):
    from perfdesk.ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.install(build(), None)
    win.resize(1366, 768)
    win.show()
    win.activateWindow()
    qtbot.waitActive(win)  # focus follows clicks only in the active window
    yield win
    win.undo_stack.setClean()  # nothing to ask about when the test ends
    win.close()


def focus_editor() -> object:
    return QApplication.focusWidget()


def type_text(widget, text: str) -> None:
    """Type ``text`` key by key, Chinese included (QTest's keyClicks only knows ASCII)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown if not char.isascii() else ord(char.upper()),
                                                     Qt.KeyboardModifier.NoModifier, char))
