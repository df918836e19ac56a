"""One workbook, two windows, other programs: the window takes Excel's owner file (~$name.xlsx)
when it opens a workbook and removes it when it closes or moves on; a workbook someone else
holds opens only read-only (or not at all); a file changed on disk since it was read is never
overwritten without the question 覆盖 / 另存为 / 取消."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton

from expected_samples.funing_2024 import build
from main_window_support import answers, settings_dir, window  # noqa: F401 - fixtures
from perfdesk.fileio import load_document, save_document
from perfdesk.fileio.owner_file import owner_file_path

ROOT = Path(__file__).resolve().parents[2]


class Answer:
    """Clicks a button (by object name) of the next question box, as the clerk would."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.asked: list[tuple[str, str, list[str]]] = []

    def next_with(self, button: str) -> None:
        QTimer.singleShot(0, lambda: self._click(button))

    def _click(self, name: str) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            return
        self.asked.append((box.objectName(), box.text(), [b.objectName() for b in box.buttons()]))
        self.qtbot.mouseClick(box.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


@pytest.fixture
def answer(qtbot) -> Answer:
    return Answer(qtbot)


@pytest.fixture
def workbook(tmp_path) -> Path:
    path = tmp_path / "抚宁2024.xlsx"
    save_document(build(), path)
    return path


@pytest.fixture
def second(qtbot, settings_dir):
    from perfdesk.ui.main_window import MainWindow

    other = MainWindow()
    qtbot.addWidget(other)
    other.show()
    yield other
    other.undo_stack.setClean()
    other.close()


def edit_a_value(window, text: str) -> None:
    window.select("project", 0, 1)
    model = window.grid.view.model()
    model.setData(model.index(0, 4), text)


def ctrl_s(qtbot, window) -> None:
    """Ctrl+S in ``window``, made the active one first (shortcuts go to the active window; the
    offscreen platform has no window manager to hand activation back after a message box)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.tree, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def holder_seen_by_another_process(path: Path) -> str:
    """What a second perfdesk (another process) sees beside the workbook."""
    code = ("import sys; from perfdesk.fileio.owner_file import holder; h = holder(sys.argv[1]); "
            "print('nobody' if h is None else f'{h.perfdesk} {h}')")
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                          cwd=ROOT, timeout=60, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_owner_file_is_there_while_the_workbook_is_open_and_another_perfdesk_sees_it(qtbot, window, workbook):
    assert window.files.open(workbook)
    assert owner_file_path(workbook).is_file()
    seen = holder_seen_by_another_process(workbook)
    assert seen.startswith("True ") and "本机 perfdesk" in seen
    window.new_action.trigger()  # another document: the workbook is free again
    assert not owner_file_path(workbook).exists()
    assert holder_seen_by_another_process(workbook) == "nobody"
    assert window.files.open(workbook)
    window.close()
    assert not owner_file_path(workbook).exists()


def test_a_second_window_is_told_who_holds_the_workbook_and_may_cancel(qtbot, window, second, workbook, answer):
    assert window.files.open(workbook)
    before = second.document
    answer.next_with("cancel")
    assert second.files.open(workbook) is False
    assert [(name, set(buttons)) for name, _, buttons in answer.asked] == [("heldQuestion", {"read_only", "cancel"})]
    assert "抚宁2024.xlsx" in answer.asked[0][1] and "perfdesk" in answer.asked[0][1]
    assert second.document is before and second.path is None


def test_the_second_window_opens_read_only_and_cannot_wipe_the_first_windows_edit(
        qtbot, window, second, workbook, answer, tmp_path, monkeypatch):
    assert window.files.open(workbook)
    answer.next_with("read_only")
    assert second.files.open(workbook) is True
    assert second.read_only and "(read-only)" in second.windowTitle()

    edit_a_value(window, "≥7人")  # the first window saves its edit
    ctrl_s(qtbot, window)
    assert load_document(workbook).project(0, 1).indicators[0].value == "≥7人"

    edit_a_value(second, "≥9人")  # the second window's Ctrl+S asks for another name
    copy = tmp_path / "我的副本.xlsx"
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append("save as") or (str(copy), ""))
    ctrl_s(qtbot, second)
    assert asked == ["save as"]
    assert load_document(workbook).project(0, 1).indicators[0].value == "≥7人"  # not wiped
    assert load_document(copy).project(0, 1).indicators[0].value == "≥9人"
    assert not second.read_only and second.path == copy and "(read-only)" not in second.windowTitle()
    assert owner_file_path(copy).is_file() and owner_file_path(workbook).is_file()
    second.close()
    assert not owner_file_path(copy).exists() and owner_file_path(workbook).is_file()  # still the first's


def rewrite_on_disk(path: Path) -> None:
    """Another program changes the workbook (a cell of the cover sheet) and saves it later."""
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    sheet["H1"] = "别人改过"
    book.save(path)
    later = path.stat().st_mtime + 10
    os.utime(path, (later, later))


@pytest.mark.parametrize("choice", ["overwrite", "save_as", "cancel"])
def test_a_file_changed_on_disk_is_never_overwritten_without_asking(
        qtbot, window, workbook, answer, tmp_path, monkeypatch, choice):
    assert window.files.open(workbook)
    rewrite_on_disk(workbook)
    theirs = workbook.read_bytes()
    edit_a_value(window, "≥7人")
    copy = tmp_path / "另存的.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(copy), ""))
    answer.next_with(choice)
    ctrl_s(qtbot, window)
    assert [(name, set(buttons)) for name, _, buttons in answer.asked] == [
        ("changedOnDiskQuestion", {"overwrite", "save_as", "cancel"})]
    if choice == "overwrite":
        assert load_document(workbook).project(0, 1).indicators[0].value == "≥7人"
        assert not window.isWindowModified()
        edit_a_value(window, "≥8人")  # the file is the window's own again: no second question
        ctrl_s(qtbot, window)
        assert len(answer.asked) == 1 and load_document(workbook).project(0, 1).indicators[0].value == "≥8人"
    elif choice == "save_as":
        assert workbook.read_bytes() == theirs and window.path == copy and not window.isWindowModified()
        assert load_document(copy).project(0, 1).indicators[0].value == "≥7人"
    else:
        assert workbook.read_bytes() == theirs and window.path == workbook and window.isWindowModified()
        assert not copy.exists()


def test_the_save_question_defaults_to_save_as(window, workbook):
    box = window.files.changed_question(workbook)
    assert box.defaultButton().objectName() == "save_as" and box.escapeButton().objectName() == "cancel"
    box.deleteLater()
