"""打开说明 (Opening notes): what the reader saw in a workbook but could not place is listed
in a dock when the file opens — by every way of opening it — and saving back over that file
asks once first; another document empties the list.

The clerk's workbook is the Funing example with a 说明 sheet added (a sheet that is not Part 1,
the 目录 or a project table) and a remark beside an indicator row, as clerks write them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton

from main_window_support import answers, settings_dir, window  # noqa: F401 - fixtures
from perfdesk.fileio import load_document, open_document
from perfdesk.resources import resource_path
from perfdesk.ui.app import set_language
from perfdesk.ui.open_notes import COL_PLACE, COL_REASON, COL_TEXT, OpenNotesModel

EXAMPLE = resource_path("examples", "funing-2024.xlsx")
FIRST_TABLE = "1.2024年改制企业相关费用"


@pytest.fixture
def clerk_workbook(tmp_path) -> Path:
    """funing-2024.xlsx with a 说明 sheet perfdesk does not read and a remark in column H."""
    book = openpyxl.load_workbook(EXAMPLE)
    book[FIRST_TABLE]["H12"] = "按上年实际核定"
    sheet = book.create_sheet("说明")
    sheet["A1"] = "填表说明：金额单位为万元"
    sheet["B3"] = "联系人：张三"
    sheet["C5"] = 12
    path = tmp_path / "抚宁（科室填报）.xlsx"
    book.save(path)
    return path


@pytest.fixture
def clean_workbook(tmp_path) -> Path:
    path = tmp_path / "抚宁.xlsx"
    shutil.copy(EXAMPLE, path)
    return path


@pytest.fixture
def chinese_ui(qapp):
    """The default interface language (list it before ``window``, which is then made in it)."""
    set_language(qapp, None)
    yield
    set_language(qapp, "en")


def press(qtbot, window, key: Qt.Key, modifiers=Qt.KeyboardModifier.ControlModifier) -> None:
    qtbot.keyClick(window.tree, key, modifiers)


def open_with_ctrl_o(qtbot, window, monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    press(qtbot, window, Qt.Key.Key_O)


def rows(window) -> list[tuple[str, str, str]]:
    model = window.open_notes.view.model()
    return [tuple(model.index(r, c).data() for c in (COL_PLACE, COL_REASON, COL_TEXT)) for r in range(model.rowCount())]


def edit_a_value(window, text: str = "≥6人") -> None:
    window.select("project", 0, 1)
    model = window.grid.view.model()
    model.setData(model.index(0, 4), text)


class Question:
    """Clicks a button of the question that saving over the opened file asks, as the clerk
    would (a mouse click in the box once it is up), and records what it said."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.asked: list[tuple[str, set[str]]] = []

    def answer_with(self, name: str) -> None:
        QTimer.singleShot(0, lambda: self._click(name))

    def _click(self, name: str) -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            return  # nothing was asked: the test says so
        if box.objectName() != "lossesQuestion":
            self.asked.append((f"another window: {box.objectName()}", set()))
            box.close()  # never left hanging
            return
        self.asked.append((box.text(), {button.text() for button in box.buttons()}))
        button = box.findChild(QPushButton, name)
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def back_to(qtbot, window) -> None:
    """The offscreen platform has no window manager to hand activation back after a message box."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the box, gone
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


@pytest.fixture
def question(qtbot) -> Question:
    return Question(qtbot)


@pytest.fixture
def never_asked(monkeypatch):
    monkeypatch.setattr(QMessageBox, "exec", lambda box, *a: pytest.fail(f"asked: {box.text()}"))


def lost_count(path: Path) -> int:
    lost = len(open_document(path).lost)
    assert lost, "the test workbook should hold something a save does not write"
    return lost


# ---------------------------------------------------------------- the dock
def test_opening_a_clerks_workbook_lists_what_was_not_placed(qtbot, window, monkeypatch, clerk_workbook):
    assert not window.open_notes_dock.isVisible()  # the example itself has nothing to say
    assert not window.open_notes_action.isEnabled()
    open_with_ctrl_o(qtbot, window, monkeypatch, clerk_workbook)
    assert window.path == clerk_workbook
    dock = window.open_notes_dock
    assert dock.isVisible() and not dock.isFloating()
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert QApplication.activeModalWidget() is None  # the clerk goes on working
    listed = rows(window)
    notes = open_document(clerk_workbook).notes
    assert len(listed) == len(notes)
    sheet = next(note for note in notes if note.sheet == "说明")
    assert ("Sheet “说明”", sheet.reason, "填表说明：金额单位为万元") in listed and sheet.reason
    intro = window.open_notes.intro.text()
    assert "抚宁（科室填报）.xlsx" in intro
    lost = lost_count(clerk_workbook)
    assert f"{lost} item(s) in" in intro and "saving will not write them" in intro


def test_a_remark_beside_the_table_is_listed_with_its_cell(qtbot, window, monkeypatch, clerk_workbook):
    notes = open_document(clerk_workbook).notes
    if not any(note.cell == "H12" for note in notes):
        pytest.skip("this reader does not note cells beside the indicator table")
    open_with_ctrl_o(qtbot, window, monkeypatch, clerk_workbook)
    assert (f"Sheet “{FIRST_TABLE}” H12", "在指标表的栏目之外，未读入", "按上年实际核定") in rows(window)


def test_the_notes_can_be_closed_and_shown_again_from_the_view_menu(qtbot, window, monkeypatch, clerk_workbook):
    open_with_ctrl_o(qtbot, window, monkeypatch, clerk_workbook)
    dock = window.open_notes_dock
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert window.open_notes_action in view_menu.actions()
    assert window.open_notes_action.text() == "&Opening notes" and window.open_notes_action.isChecked()
    window.open_notes_action.trigger()
    assert not dock.isVisible()
    edit_a_value(window)  # working on: the notes are still there to come back to
    window.open_notes_action.trigger()
    assert dock.isVisible() and rows(window)


def test_another_document_empties_the_notes(qtbot, window, monkeypatch, clerk_workbook, clean_workbook):
    open_with_ctrl_o(qtbot, window, monkeypatch, clerk_workbook)
    assert window.open_notes_dock.isVisible()
    open_with_ctrl_o(qtbot, window, monkeypatch, clean_workbook)
    assert window.path == clean_workbook
    assert not window.open_notes_dock.isVisible() and not window.open_notes_action.isEnabled()
    assert rows(window) == [] and window.read_notes == []

    open_with_ctrl_o(qtbot, window, monkeypatch, clerk_workbook)
    assert window.open_notes_dock.isVisible()
    press(qtbot, window, Qt.Key.Key_N)  # File ▸ New
    assert window.path is None and rows(window) == [] and not window.open_notes_dock.isVisible()


def test_every_way_of_opening_shows_the_notes(qtbot, window, clerk_workbook, clean_workbook):
    data = QMimeData()  # a workbook dropped on the window
    data.setUrls([QUrl.fromLocalFile(str(clerk_workbook))])
    window.dropEvent(QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier))
    assert window.path == clerk_workbook and window.open_notes_dock.isVisible() and rows(window)

    assert window.files.open(clean_workbook)
    assert not window.open_notes_dock.isVisible()
    window.recent_menu.aboutToShow.emit()  # File ▸ Open recent
    entry = next(a for a in window.recent_menu.actions() if a.data() == str(clerk_workbook.resolve()))
    entry.trigger()
    assert window.path == clerk_workbook.resolve() and window.open_notes_dock.isVisible() and rows(window)


def test_perfdesk_file_opens_the_window_with_the_notes(qtbot, settings_dir, answers, clerk_workbook):
    from perfdesk.cli.main import main
    from perfdesk.ui.main_window import MainWindow

    seen = {}

    def look_and_close() -> None:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        seen["dock"], seen["rows"] = window.open_notes_dock.isVisible(), rows(window)
        window.close()

    QTimer.singleShot(300, look_and_close)
    font = QApplication.font()
    try:
        assert main([str(clerk_workbook), "--lang", "en"]) == 0
    finally:
        QApplication.setFont(font)
    assert seen["dock"] is True
    assert any(row[0] == "Sheet “说明”" for row in seen["rows"])


def test_a_file_with_nothing_to_say_shows_no_notes(qtbot, window, monkeypatch, clean_workbook):
    open_with_ctrl_o(qtbot, window, monkeypatch, clean_workbook)
    assert window.path == clean_workbook
    assert not window.open_notes_dock.isVisible() and rows(window) == []


def test_the_dock_speaks_chinese_by_default(qtbot, chinese_ui, window, monkeypatch, clerk_workbook):
    open_with_ctrl_o(qtbot, window, monkeypatch, clerk_workbook)
    assert window.open_notes_dock.windowTitle() == "打开说明"
    assert window.open_notes_action.text() == "打开说明(&O)"
    model = window.open_notes.view.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in (COL_PLACE, COL_REASON, COL_TEXT)]
    assert headers == ["位置", "说明", "内容"]
    assert any(row[0] == "工作表“说明”" for row in rows(window))
    lost = lost_count(clerk_workbook)
    assert f"“抚宁（科室填报）.xlsx”中有 {lost} 处内容打开时未能读入" in window.open_notes.intro.text()
    assert "保存时不会写入这些内容" in window.open_notes.intro.text()


def test_the_notes_model_passes_the_model_tester(qtmodeltester, clerk_workbook):
    model = OpenNotesModel()
    model.set_notes(open_document(clerk_workbook).notes)
    qtmodeltester.check(model)
    model.set_notes([])
    qtmodeltester.check(model)


# ---------------------------------------------------------------- saving over the file
def test_ctrl_s_over_the_opened_file_asks_and_cancel_leaves_it(qtbot, window, monkeypatch, question, clerk_workbook):
    open_with_ctrl_o(qtbot, window, monkeypatch, clerk_workbook)
    before = clerk_workbook.read_bytes()
    edit_a_value(window, "≥7人")
    question.answer_with("cancel")
    press(qtbot, window, Qt.Key.Key_S)
    lost = lost_count(clerk_workbook)
    assert question.asked == [(f"{lost} item(s) could not be read when the file was opened (see “Opening notes”); "
                               "once saved over the original file they will no longer be kept.",
                               {"Save", "Save as…", "Cancel"})]
    assert clerk_workbook.read_bytes() == before
    assert not clerk_workbook.with_name(clerk_workbook.stem + "~.xlsx").exists()
    assert window.isWindowModified()


def test_answering_save_writes_and_is_not_asked_again(qtbot, window, monkeypatch, question, clerk_workbook):
    open_with_ctrl_o(qtbot, window, monkeypatch, clerk_workbook)
    before = clerk_workbook.read_bytes()
    edit_a_value(window, "≥7人")
    question.answer_with("save")
    press(qtbot, window, Qt.Key.Key_S)
    assert len(question.asked) == 1
    assert clerk_workbook.read_bytes() != before and not window.isWindowModified()
    assert load_document(clerk_workbook).project(0, 1).indicators[0].value == "≥7人"

    edit_a_value(window, "≥8人")
    back_to(qtbot, window)
    monkeypatch.setattr(QMessageBox, "exec", lambda box, *a: pytest.fail("asked a second time"))
    press(qtbot, window, Qt.Key.Key_S)
    assert load_document(clerk_workbook).project(0, 1).indicators[0].value == "≥8人"


def test_save_as_another_file_does_not_ask(qtbot, window, monkeypatch, never_asked, clerk_workbook, tmp_path):
    open_with_ctrl_o(qtbot, window, monkeypatch, clerk_workbook)
    before = clerk_workbook.read_bytes()
    edit_a_value(window, "≥7人")
    target = tmp_path / "汇总用.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.save_as_action.trigger()
    assert load_document(target).project(0, 1).indicators[0].value == "≥7人"
    assert clerk_workbook.read_bytes() == before
    edit_a_value(window, "≥8人")
    press(qtbot, window, Qt.Key.Key_S)  # now over the copy: the clerk's own file is untouched
    assert load_document(target).project(0, 1).indicators[0].value == "≥8人"
    assert clerk_workbook.read_bytes() == before
    assert window.open_notes_dock.isVisible()  # still about the file the document came from


def test_answering_save_as_saves_elsewhere(qtbot, window, monkeypatch, question, clerk_workbook, tmp_path):
    open_with_ctrl_o(qtbot, window, monkeypatch, clerk_workbook)
    before = clerk_workbook.read_bytes()
    edit_a_value(window, "≥7人")
    target = tmp_path / "另一份.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    question.answer_with("save_as")
    press(qtbot, window, Qt.Key.Key_S)
    assert len(question.asked) == 1
    assert window.path == target and not window.isWindowModified()
    assert clerk_workbook.read_bytes() == before


def test_saving_a_file_without_notes_does_not_ask(qtbot, window, monkeypatch, never_asked, clean_workbook):
    open_with_ctrl_o(qtbot, window, monkeypatch, clean_workbook)
    edit_a_value(window, "≥7人")
    press(qtbot, window, Qt.Key.Key_S)
    assert load_document(clean_workbook).project(0, 1).indicators[0].value == "≥7人"


def test_the_question_speaks_chinese(qtbot, chinese_ui, window, monkeypatch, question, clerk_workbook):
    open_with_ctrl_o(qtbot, window, monkeypatch, clerk_workbook)
    edit_a_value(window, "≥7人")
    question.answer_with("cancel")
    press(qtbot, window, Qt.Key.Key_S)
    lost = lost_count(clerk_workbook)
    assert question.asked == [(f"打开时有 {lost} 处内容未能读入（见“打开说明”），保存到原文件后这些内容将不再保留。",
                               {"保存", "另存为…", "取消"})]
