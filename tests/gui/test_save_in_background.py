"""Ctrl+S on a large document: the workbook is written by a worker from a snapshot while the
window answers; edits made meanwhile keep the document modified; closing waits for the save;
a failed save says so and keeps the document modified; findings name the saved cells."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from benchmarks.generate import generate_document
from benchmarks.gui_latency import Ticks  # the benchmark's 5 ms stall recorder
from main_window_support import answers, settings_dir, window  # noqa: F401 - fixtures
from perfdesk.fileio import load_document, open_document
from perfdesk.papers.locate import place_of
from perfdesk.ui.background import process_ready


def ctrl_s(window) -> None:
    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def type_into_the_name(qtbot, window, text: str) -> None:
    """Type at the end of the 项目名称 field of the project shown."""
    field = window.project_editor.name
    field.setFocus()
    field.end(False)
    qtbot.keyClicks(field, text)


def test_saving_300_projects_never_stalls_and_keeps_later_edits_unsaved(qtbot, window, tmp_path):
    document = generate_document(projects=300)
    last = document.project(len(document.units) - 1, len(document.units[-1].projects) - 1)
    assert last.indicators[4].value == "效果明显"  # value-vague: a finding on a row of the last table
    path = tmp_path / "三百个项目.xlsx"
    window.install(document, path, saved=False)
    names = [project.name for _, _, _, project in document.projects()]
    window.select("project", 0, 0)
    qtbot.waitUntil(process_ready, timeout=60_000)  # started when the document came in
    with Ticks() as ticks, qtbot.waitSignal(window.files.saveEnded, timeout=120_000) as ended:
        ctrl_s(window)
        assert window.files.saving is not None and window.files.busy.isVisible()
        qtbot.wait(300)
        type_into_the_name(qtbot, window, "X")  # typed while the file is written
        ctrl_s(window)  # a second Ctrl+S does not start a second write
        assert "Still saving" in window.statusBar().currentMessage()
    stall = ticks.longest_ms()
    assert ended.args == [True]
    assert stall < 200, f"the window stalled {stall:.0f} ms"
    assert window.isWindowModified() and window.files.saving is None and not window.files.busy.isVisible()

    saved = load_document(path)  # complete, and as it was when Ctrl+S was pressed
    assert [project.name for _, _, _, project in saved.projects()] == names
    assert window.document.project(0, 0).name == names[0] + "X"

    # The finding on the last table names the cell of the file as saved (as reopening it says).
    finding = next(f for f in window.review.findings() if f.project_in(window.document) is last and f.row == 4)
    reread = open_document(path)
    expected = place_of(finding, reread.document, reread.origins)
    assert expected is not None and expected.cell.startswith("F")  # 指标值 column
    assert window.review.model.place_text(finding).startswith(f"{expected.cell}（工作表“{expected.sheet}”）")

    ctrl_s(window)  # the edit made during the save is saved now
    qtbot.waitUntil(lambda: window.files.saving is None, timeout=120_000)
    assert not window.isWindowModified()
    assert load_document(path).project(0, 0).name == names[0] + "X"


def test_closing_during_a_save_waits_for_it(qtbot, window, tmp_path, answers):
    path = tmp_path / "三十个项目.xlsx"
    window.install(generate_document(projects=30), path, saved=False)
    ctrl_s(window)
    assert window.files.saving is not None
    assert window.close() is True  # waits for the write; nothing left to ask about
    assert answers.asked == [] and window.files.saving is None
    assert load_document(path).project_count() == 30


def test_a_failed_background_save_says_so_and_keeps_the_document_modified(qtbot, window, tmp_path, answers):
    path = tmp_path / "没有这个文件夹" / "三十个项目.xlsx"
    window.install(generate_document(projects=30), path, saved=False)
    with qtbot.waitSignal(window.files.saveEnded, timeout=60_000) as ended:
        ctrl_s(window)
    assert ended.args == [False]
    assert len(answers.warnings) == 1 and "Traceback" not in answers.warnings[0]
    assert window.isWindowModified() and not path.exists()
