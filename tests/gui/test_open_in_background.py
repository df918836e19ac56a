"""Opening a large workbook: read by the worker process with a busy bar in the status bar while
the window answers; the document comes in whole when done, and a read that fails leaves the
open document as it was."""

from __future__ import annotations

from PySide6.QtCore import Qt

from expected_samples import fengrun_2022
from main_window_support import answers, settings_dir, window  # noqa: F401 - fixtures
from perfdesk.fileio import open_document, save_document


def test_a_workbook_read_in_the_background_comes_in_whole(qtbot, window, tmp_path):
    path = tmp_path / "丰润2022.xlsx"
    save_document(fengrun_2022.build(), path)
    before = window.document
    with qtbot.waitSignal(window.files.openEnded, timeout=60_000) as ended:
        assert window.files.open(path, background=True) is True
        assert window.document is before and window.files.busy.isVisible()  # the old one until read
        assert "丰润2022.xlsx" in window.statusBar().currentMessage()
    assert ended.args == [True]
    assert window.path == path and not window.isWindowModified() and not window.files.busy.isVisible()
    expected = open_document(path)
    assert window.document == expected.document  # the same as reading it at once
    # Findings name the workbook's cells, as with a file read at once.
    finding = next(f for f in window.review.findings() if f.row is not None)
    cell = window.review.model.place_text(finding)
    from perfdesk.papers.locate import place_of

    place = place_of(finding, expected.document, expected.origins)
    assert cell.startswith(f"{place.cell}（工作表“{place.sheet}”）")


def test_a_read_that_fails_leaves_the_open_document(qtbot, window, tmp_path, answers):
    path = tmp_path / "坏了.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    before, title = window.document, window.windowTitle()
    with qtbot.waitSignal(window.files.openEnded, timeout=60_000) as ended:
        assert window.files.open(path, background=True) is True
    assert ended.args == [False]
    assert window.document is before and window.windowTitle() == title
    assert len(answers.warnings) == 1 and "坏了.xlsx" in answers.warnings[0]
    assert "Traceback" not in answers.warnings[0] and not window.files.busy.isVisible()


def test_edits_made_while_reading_are_asked_about_before_the_file_comes_in(qtbot, window, tmp_path, answers):
    path = tmp_path / "丰润2022.xlsx"
    save_document(fengrun_2022.build(), path)
    answers.answer = answers.answer.Cancel  # "save your changes?" → Cancel: keep the edited document
    before = window.document
    with qtbot.waitSignal(window.files.openEnded, timeout=60_000) as ended:
        assert window.files.open(path, background=True)
        window.select("project", 0, 0)
        field = window.project_editor.name
        field.setFocus()
        field.end(False)
        qtbot.keyClick(field, Qt.Key.Key_X)
    assert ended.args == [False] and len(answers.asked) == 1
    assert window.document is before and window.document.project(0, 0).name.endswith("x")
