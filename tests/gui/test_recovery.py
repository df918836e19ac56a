"""Recovery copies and the crash handler, through the real window.

A copy is written on the timer while there are unsaved changes (and only then), removed by
saving or a decided close, offered again when the file is reopened after a run that ended
abnormally (here: a second Python process killed with ``os._exit`` right after the timer
wrote its copy), recovered as an *unsaved* document without touching the file, discarded on
request, set aside when unreadable; an uncaught exception is logged, the document copied and
the clerk told, without a traceback and without raising.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from main_window_support import answers, settings_dir, type_text, window  # noqa: F401 - fixtures
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from perfdesk.fileio.json_io import read_json
from perfdesk.ui.crash import CrashHandler, install_excepthook
from perfdesk.fileio.recovery_store import RecoveryStore

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "funing-2024.xlsx"
NAME = "拨付邓庆久等人参照行政退休人员待遇资金"  # project 2 of the Funing 2024 example
EDITED = NAME + "（续）"
DEPARTMENT = "秦皇岛市抚宁区科技和工业信息化局"


@pytest.fixture
def funing(tmp_path) -> Path:
    """A copy of the example workbook, last saved an hour ago."""
    target = tmp_path / "抚宁2024.xlsx"
    shutil.copyfile(EXAMPLE, target)
    an_hour_ago = time.time() - 3600
    os.utime(target, (an_hour_ago, an_hour_ago))
    return target


@pytest.fixture
def recovery_dir(settings_dir) -> Path:
    return settings_dir.parent / "appdata" / "recovery"  # PERFDESK_DATA_DIR of settings_dir


class Choices:
    """Stands in for the recovery question: clicks the button named ``answer``."""

    def __init__(self) -> None:
        self.answer = "recover"
        self.asked: list[str] = []

    def ask(self, box: QMessageBox) -> int:
        self.asked.append(box.text() + "\n" + box.informativeText())
        button = next(b for b in box.buttons() if b.objectName() == self.answer)
        button.click()
        return 0


@pytest.fixture
def choices(monkeypatch) -> Choices:
    choices = Choices()
    monkeypatch.setattr(QMessageBox, "exec", lambda box, *args: choices.ask(box))
    return choices


@pytest.fixture
def chinese(qapp):
    from perfdesk.ui.app import set_language

    set_language(qapp, None)
    yield
    set_language(qapp, "en")


def copies(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.json") if not p.name.endswith(".meta.json")) if folder.exists() else []


def rename_project(window, text: str = "（续）") -> None:
    window.select("project", 0, 1)
    name = window.project_editor.name
    name.setFocus()
    name.end(False)
    type_text(name, text)
    assert window.document.project(0, 1).name == NAME + text


def wait_for_copy(qtbot, window, folder: Path) -> Path:
    window.recovery.set_interval(30)
    qtbot.waitUntil(lambda: len(copies(folder)) == 1, timeout=3000)
    return copies(folder)[0]


CRASHING_RUN = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    from PySide6.QtCore import QEvent, QSettings, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, sys.argv[2])
    app = QApplication([])
    from perfdesk.ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    assert window.files.open(Path(sys.argv[1]))
    window.select("project", 0, 1)
    name = window.project_editor.name
    name.setFocus()
    name.end(False)
    for char in "（续）":  # typed as main_window_support.type_text does
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(name, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))
    assert window.document.project(0, 1).name.endswith("（续）")
    window.recovery.set_interval(20)
    folder = Path(os.environ["PERFDESK_DATA_DIR"]) / "recovery"
    deadline = time.time() + 30
    while not list(folder.glob("*.meta.json")) and time.time() < deadline:
        app.processEvents()
        time.sleep(0.01)
    os._exit(3)  # the power cut: no close, no question, no clean-up
""")


def crash_while_editing(path: Path, tmp_path: Path) -> None:
    """Another perfdesk opens ``path``, renames project 2, and dies once its copy is written."""
    settings = tmp_path / "crashed-settings"
    settings.mkdir(exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", CRASHING_RUN, str(path), str(settings)], env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 3, result.stderr


# ---------------------------------------------------------------- writing
def test_an_edit_and_the_timer_write_a_copy_that_reads_back(qtbot, window, funing, recovery_dir):
    assert window.files.open(funing)
    rename_project(window)
    copy = wait_for_copy(qtbot, window, recovery_dir)
    assert copy.parent == recovery_dir and str(copy).startswith(str(recovery_dir.parent.parent))
    recovered = read_json(str(copy))
    assert recovered.project(0, 1).name == EDITED
    assert recovered == window.document
    meta = json.loads(copy.with_name(copy.name[:-5] + ".meta.json").read_text(encoding="utf-8"))
    assert (meta["original"], meta["department"], meta["year"]) == (str(funing), DEPARTMENT, 2024)
    assert abs(meta["saved_at"] - time.time()) < 60
    assert not list(recovery_dir.glob(".*.tmp"))  # the temporary file became the copy

    # The next edit is in the next copy: one file per window, rewritten.
    window.select("project", 0, 2)
    window.grid.view.model().setData(window.grid.view.model().index(0, 4), "≥9家")
    qtbot.waitUntil(lambda: read_json(str(copy)).project(0, 2).indicators[0].value == "≥9家", timeout=3000)
    assert copies(recovery_dir) == [copy]


def test_nothing_is_written_while_the_document_is_unchanged(qtbot, window, funing, recovery_dir):
    assert window.files.open(funing)
    window.recovery.set_interval(20)
    qtbot.wait(300)
    assert copies(recovery_dir) == []
    assert window.recovery.write_now() is None

    rename_project(window)
    wait_for_copy(qtbot, window, recovery_dir)
    window.undo_action.trigger()  # back to what is on disk: nothing to recover any more
    assert not window.isWindowModified()
    assert copies(recovery_dir) == []
    qtbot.wait(300)
    assert copies(recovery_dir) == [] and list(recovery_dir.iterdir()) == []


def test_saving_removes_the_copy(qtbot, window, funing, recovery_dir):
    assert window.files.open(funing)
    rename_project(window)
    wait_for_copy(qtbot, window, recovery_dir)
    window.save_action.trigger()
    assert not window.isWindowModified()
    assert copies(recovery_dir) == [] and list(recovery_dir.iterdir()) == []
    qtbot.wait(200)
    assert copies(recovery_dir) == []


def test_closing_without_saving_removes_the_copy_and_cancel_keeps_it(qtbot, window, funing, recovery_dir, answers):
    assert window.files.open(funing)
    rename_project(window)
    wait_for_copy(qtbot, window, recovery_dir)
    answers.answer = QMessageBox.StandardButton.Cancel
    assert window.close() is False
    assert len(copies(recovery_dir)) == 1  # still being edited
    answers.answer = QMessageBox.StandardButton.Discard
    assert window.close() is True
    assert copies(recovery_dir) == []
    assert not window.recovery.timer.isActive()  # a closed window writes nothing more


def test_a_new_document_after_deciding_removes_the_copy(qtbot, window, recovery_dir, answers):
    rename_project(window)  # the untitled Funing document of the fixture
    copy = wait_for_copy(qtbot, window, recovery_dir)
    assert copy.name.startswith("untitled-")
    assert json.loads(copy.with_name(copy.name[:-5] + ".meta.json").read_text(encoding="utf-8"))["original"] is None
    window.new_action.trigger()  # answered "don't save"
    assert len(answers.asked) == 1
    assert copies(recovery_dir) == []


def test_a_failing_write_is_said_once_in_the_status_bar(qtbot, window, recovery_dir):
    recovery_dir.parent.mkdir(parents=True)
    recovery_dir.write_text("a file where the folder should be")
    rename_project(window)
    window.recovery.set_interval(20)
    qtbot.waitUntil(lambda: window.recovery.last_error is not None, timeout=3000)
    message = window.statusBar().currentMessage()
    assert "recovery copy could not be written" in message
    window.statusBar().clearMessage()
    qtbot.wait(200)  # more failed attempts, no more messages
    assert window.statusBar().currentMessage() == ""
    assert window.isWindowModified() and window.document.project(0, 1).name == EDITED


# ------------------------------------------------------------- recovering
def test_reopening_after_a_crash_offers_the_copy_and_recovers_it_unsaved(
        qtbot, window, funing, recovery_dir, choices, tmp_path):
    before = (funing.read_bytes(), funing.stat().st_mtime_ns)
    crash_while_editing(funing, tmp_path)
    assert len(copies(recovery_dir)) == 1

    assert window.files.open(funing)
    assert len(choices.asked) == 1 and "抚宁2024.xlsx" in choices.asked[0] and DEPARTMENT in choices.asked[0]
    assert window.document.project(0, 1).name == EDITED
    assert window.path == funing
    assert window.isWindowModified() and window.windowTitle().startswith("抚宁2024.xlsx")
    window.select("project", 0, 1)
    assert window.project_editor.name.text() == EDITED
    assert (funing.read_bytes(), funing.stat().st_mtime_ns) == before  # the file on disk untouched

    # The copy now belongs to this window: written again by it, removed when it saves.
    qtbot.wait(50)
    window.recovery.tick()
    assert len(copies(recovery_dir)) == 1 and read_json(str(copies(recovery_dir)[0])).project(0, 1).name == EDITED
    window.save_action.trigger()
    assert copies(recovery_dir) == []
    from perfdesk.fileio import load_document

    assert load_document(funing).project(0, 1).name == EDITED


def test_discarding_the_offered_copy_removes_it(qtbot, window, funing, recovery_dir, choices, tmp_path):
    crash_while_editing(funing, tmp_path)
    choices.answer = "discard"
    assert window.files.open(funing)
    assert len(choices.asked) == 1
    assert window.document.project(0, 1).name == NAME and not window.isWindowModified()
    assert copies(recovery_dir) == [] and list(recovery_dir.iterdir()) == []


def test_later_keeps_the_copy_and_an_older_copy_is_not_offered(qtbot, window, funing, recovery_dir, choices, tmp_path):
    crash_while_editing(funing, tmp_path)
    choices.answer = "later"
    assert window.files.open(funing)
    assert len(choices.asked) == 1 and not window.isWindowModified()
    assert len(copies(recovery_dir)) == 1

    os.utime(funing)  # the file was saved again after the copy was made
    assert window.files.open(funing)
    assert len(choices.asked) == 1  # not asked again
    assert len(copies(recovery_dir)) == 1


def test_an_untitled_copy_is_offered_at_start(qtbot, window, recovery_dir, choices):
    from expected_samples.funing_2024 import build

    document = build()
    document.units[0].projects[1].name = EDITED
    RecoveryStore(recovery_dir).write("untitled-99999-1-dead", document, None)
    assert window.recovery.offer_at_start() is True
    assert "Untitled" in choices.asked[0]
    assert window.path is None and window.isWindowModified()
    assert window.document.project(0, 1).name == EDITED


def test_the_command_line_start_offers_copies_left_behind(qtbot, settings_dir, answers, choices, recovery_dir):
    from perfdesk.cli.main import main
    from perfdesk.model import Document
    from perfdesk.ui.main_window import MainWindow

    RecoveryStore(recovery_dir).write("untitled-99999-2-dead", Document(department="测试局", year=2026), None)
    seen = {}

    def look_and_close() -> None:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        seen["department"], seen["modified"] = window.document.department, window.isWindowModified()
        seen["hook"] = sys.excepthook
        window.close()  # answers "don't save": the recovered copy goes

    hook = sys.excepthook
    QTimer.singleShot(300, look_and_close)
    font = QApplication.font()
    try:
        assert main(["--lang", "en"]) == 0
    finally:
        QApplication.setFont(font)
    assert seen["department"] == "测试局" and seen["modified"] is True
    assert isinstance(seen["hook"], CrashHandler) and sys.excepthook is hook
    assert len(answers.asked) == 1  # the unsaved-changes question at close
    assert copies(recovery_dir) == []


def test_an_unreadable_copy_gives_a_message_and_is_set_aside(qtbot, window, funing, recovery_dir, answers,
                                                             choices, chinese):
    store = RecoveryStore(recovery_dir)
    copy = store.write("抚宁2024-cut", read_json(str(ROOT / "resources" / "examples" / "funing-2024.json")), funing)
    copy.document_path.write_bytes(copy.document_path.read_bytes()[:500])  # cut off
    assert window.files.open(funing)
    assert choices.asked == []  # nothing to ask about
    assert len(answers.warnings) == 1
    assert "无法读取“抚宁2024.xlsx”的恢复副本" in answers.warnings[0] and "JSON" in answers.warnings[0]
    assert str(recovery_dir / "抚宁2024-cut.json.bad") in answers.warnings[0]
    assert sorted(p.name for p in recovery_dir.iterdir()) == ["抚宁2024-cut.json.bad", "抚宁2024-cut.meta.json.bad"]
    assert window.document.project(0, 1).name == NAME and not window.isWindowModified()


def test_an_unreadable_record_at_start_is_set_aside_too(qtbot, window, recovery_dir, answers, choices, chinese):
    from perfdesk.model import Document

    copy = RecoveryStore(recovery_dir).write("untitled-1-1-x", Document(department="测试局"), None)
    copy.meta_path.write_text("{\"saved_at\": ", encoding="utf-8")
    assert window.recovery.offer_at_start() is False
    assert choices.asked == [] and len(answers.warnings) == 1 and "无法读取" in answers.warnings[0]
    assert sorted(p.name for p in recovery_dir.iterdir()) == ["untitled-1-1-x.json.bad", "untitled-1-1-x.meta.json.bad"]


def test_the_question_reads_in_chinese(qtbot, window, funing, recovery_dir, chinese):
    copy = RecoveryStore(recovery_dir).write("q", window.document, funing)
    box = window.recovery.question_box(copy)
    qtbot.addWidget(box)
    assert box.text() == f"上次未正常退出，发现“抚宁2024.xlsx”未保存的修改（保存于 {copy.saved_at_text()}）。是否恢复？"
    assert {b.objectName(): b.text() for b in box.buttons()} == {
        "recover": "恢复(&R)", "discard": "丢弃(&D)", "later": "以后再说(&L)"}
    assert f"部门：{window.document.department}" in box.informativeText()
    box.show()
    qtbot.waitExposed(box)
    assert not box.grab().isNull()
    box.close()


# ------------------------------------------------------------ the crash hook
def raised(error: BaseException):
    try:
        raise error
    except BaseException as caught:  # noqa: BLE001 - any error, as the hook gets it
        return type(caught), caught, caught.__traceback__


def log_file(settings_dir: Path) -> Path:
    return settings_dir.parent / "appdata" / "logs" / "perfdesk-errors.log"


@pytest.mark.parametrize("stderr_is_none", [False, True])
def test_the_excepthook_logs_copies_and_tells_without_raising(qtbot, window, settings_dir, recovery_dir, answers,
                                                              monkeypatch, chinese, stderr_is_none):
    if stderr_is_none:
        monkeypatch.setattr(sys, "stderr", None)  # the windowed Windows build has no console
    rename_project(window)
    handler = CrashHandler()
    handler(*raised(ZeroDivisionError("division by zero in test")))

    log = log_file(settings_dir)
    text = log.read_text(encoding="utf-8")
    assert "ZeroDivisionError: division by zero in test" in text and "Traceback" in text and "def raised" not in text
    assert "in raised" in text
    [copy] = copies(recovery_dir)
    assert read_json(str(copy)).project(0, 1).name == EDITED
    assert len(answers.warnings) == 1  # QMessageBox.critical, monkeypatched
    message = answers.warnings[0]
    assert message.startswith("perfdesk 遇到内部错误")
    assert "您的修改已保存为恢复副本，下次启动时可恢复" in message and str(log) in message
    assert "Traceback" not in message
    assert window.isVisible() and window.isWindowModified()  # keeps running


def test_an_exception_in_a_slot_reaches_the_hook_and_the_window_keeps_running(qtbot, window, settings_dir,
                                                                              recovery_dir, answers):
    previous = sys.excepthook
    install_excepthook()
    try:
        rename_project(window)

        def broken_slot() -> None:
            raise KeyError("no such node")

        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: len(answers.warnings) == 1, timeout=3000)
    finally:
        sys.excepthook = previous
    assert "internal error" in answers.warnings[0] and "Traceback" not in answers.warnings[0]
    assert "KeyError: 'no such node'" in log_file(settings_dir).read_text(encoding="utf-8")
    assert len(copies(recovery_dir)) == 1
    window.undo_action.trigger()  # still working
    assert window.document.project(0, 1).name == NAME


def test_an_exception_while_the_message_is_shown_is_only_logged(qtbot, window, settings_dir, monkeypatch):
    handler = CrashHandler()
    shown: list[str] = []

    def critical(parent, title, text, *args, **kwargs):
        shown.append(text)
        handler(*raised(RuntimeError("second failure")))  # e.g. a repaint fails under the box
        raise RuntimeError("the box itself failed")

    monkeypatch.setattr(QMessageBox, "critical", critical)
    monkeypatch.setattr(sys, "stderr", None)
    handler(*raised(ValueError("first failure")))  # does not raise
    assert len(shown) == 1
    text = log_file(settings_dir).read_text(encoding="utf-8")
    assert "ValueError: first failure" in text and "RuntimeError: second failure" in text
    assert "(while showing the previous error)" in text
    assert handler.busy is False
    handler(*raised(ValueError("third failure")))  # the next one is shown again
    assert len(shown) == 2


def test_without_unsaved_changes_the_message_says_so(qtbot, window, recovery_dir, answers):
    CrashHandler()(*raised(ValueError("x")))
    assert copies(recovery_dir) == []
    assert "no unsaved changes" in answers.warnings[0]
