"""Issue 23: the review dock follows the tree, the 修正 column, plain words (生成下一年度草稿,
the code's placeholder), Qt's own dialogs in Chinese and the recent-files menu.

The window shows the Funing 2024 example, whose ten projects all have findings; the checks
leave no document-level finding in it (the unit node's group is absent)."""

from __future__ import annotations

from pathlib import Path

from main_window_support import answers, settings_dir, window  # noqa: F401 - fixtures
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QLabel

from perfdesk.qtmodels.findings_model import COL_FIX, COLUMN_COUNT, FindingRole


def click_tree(qtbot, win, kind: str, unit: int = -1, project: int = -1) -> None:
    """Click the node's row in the department tree, as the clerk does."""
    tree = win.tree
    index = tree.tree_model().index_of(kind, unit, project)
    tree.scrollTo(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center())


def shown_in_view(view, index) -> bool:
    return view.viewport().rect().intersects(view.visualRect(index))


# ----------------------------------------------------------------- 1. the dock follows
def test_selecting_a_project_in_the_tree_shows_its_findings_in_the_dock(qtbot, window):
    window.review_dock.raise_()
    window.review_dock.resize(window.review_dock.width(), 170)
    view, model = window.review.view, window.review.model
    for project in (8, 1, 9):  # down, back up, to the last one (scrolling each time)
        click_tree(qtbot, window, "project", 0, project)
        group = model.group_index((0, project))
        assert group.isValid()
        assert view.currentIndex() == group
        assert view.selectionModel().isSelected(group)  # highlighted
        assert shown_in_view(view, group)
        assert QApplication.focusWidget() is window.tree  # the clerk keeps typing in the tree
    # The unit node: the document's group would be the place, and there is none here; no other
    # project's group stays highlighted as if it were the unit's.
    click_tree(qtbot, window, "unit", 0)
    assert not view.currentIndex().isValid()
    assert not view.selectionModel().hasSelection()


def test_going_to_a_finding_keeps_that_finding_current_in_the_dock(qtbot, window):
    window.review_dock.raise_()
    view, model = window.review.view, window.review.model
    group = model.group_index((0, 4))
    finding_index = model.index(1, 0, group)
    finding = finding_index.data(FindingRole)
    view.scrollTo(finding_index)
    where = view.visualRect(finding_index).center()
    # An item view acts on a double-click only after the press that selected the item.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert window.node == ("project", 0, 4)  # the window went to the project ...
    assert window.review.current_finding() == finding  # ... and the dock did not jump to the group row


# -------------------------------------------------------------- 2. the 修正 column
def test_the_findings_say_what_fix_would_do_in_a_column(qtbot, window):
    model = window.review.model
    assert model.columnCount() == COLUMN_COUNT == 4
    assert model.headerData(COL_FIX, Qt.Orientation.Horizontal) == "Fix"
    labels, empty = [], 0
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        assert model.index(g, COL_FIX).data() is None  # group rows span the columns
        for r in range(model.rowCount(group)):
            finding = model.index(r, 0, group).data(FindingRole)
            text = model.index(r, COL_FIX, group).data()
            if finding.fix is None:
                assert text == ""
                empty += 1
            else:
                assert text == finding.fix.label
                labels.append(text)
    assert "改为“≤30.75万元”" in labels and "12月底填 100%" in labels  # the Funing 2024 fixes
    assert empty > 0
    assert not window.review.view.isColumnHidden(COL_FIX)
    assert window.review.view.header().sectionSize(COL_FIX) > 50


# -------------------------------------------------------------------- 3. words
def test_next_years_draft_is_named_as_a_draft_not_a_carry_over(qtbot, window, monkeypatch):
    assert window.rollover_action.text() == "Make next year's &draft…"
    seen = {}

    def answer():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        seen["title"], seen["label"] = dialog.windowTitle(), dialog.labelText()
        dialog.reject()

    QTimer.singleShot(0, answer)
    window.rollover_action.trigger()
    assert seen == {"title": "Make next year's draft", "label": "Budget year of the draft:"}
    assert window.document.year == 2024  # cancelled: nothing changed


def test_a_new_projects_code_field_explains_instead_of_showing_a_code(qtbot, window):
    click_tree(qtbot, window, "project", 0, 0)
    text = window.project_editor.code.placeholderText()
    assert "budget system" in text and not any(ch.isdigit() for ch in text.replace("21", ""))


def test_the_words_in_chinese(qtbot, window):
    from perfdesk.ui.app import set_language

    app = QApplication.instance()
    try:
        set_language(app, None)
        tr = QCoreApplication.translate
        assert tr("MainWindow", "Make next year's &draft…") == "生成下一年度草稿(&Y)…"
        assert tr("FileActions", "Make next year's draft") == "生成下一年度草稿"
        assert tr("FileActions", "Budget year of the draft:") == "草稿的预算年度："
        assert tr("ProjectEditor", "Project code from the budget system (21 characters)") == \
            "项目编码（预算系统中的 21 位编码）"
        assert tr("FindingsModel", "Fix") == "修正"
        assert "结转" not in tr("MainWindow", "Make next year's &draft…")
    finally:
        set_language(app, "en")


# ---------------------------------------------------- 4. Qt's own dialogs in Chinese
def test_qts_own_dialogs_speak_chinese_in_the_chinese_interface(qtbot):
    from perfdesk.ui.app import set_language

    app = QApplication.instance()
    try:
        set_language(app, None)
        assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
        dialog = QFileDialog(None, "", "")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own widgets, as on Linux
        qtbot.addWidget(dialog)
        # Qt 6's own label is "File &name:"; its "&Look in:" has no translation in the file.
        assert dialog.findChild(QLabel, "fileNameLabel").text() == "文件名称(&N)："
        set_language(app, "en")  # English again: Qt's translation is taken out too
        assert QCoreApplication.translate("QFileDialog", "Look in:") == "Look in:"
        dialog = QFileDialog(None, "", "")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        assert dialog.findChild(QLabel, "fileNameLabel").text() == "File &name:"
    finally:
        set_language(app, "en")


# ----------------------------------------------------------------- 5. recent files
def test_recent_files_have_numbers_names_and_short_folders(qtbot, window, tmp_path, monkeypatch):
    deep = tmp_path / "财政局" / "科室" / "2024"
    paths = [str(deep / f"抚宁{2016 + n}.xlsx") for n in range(8)]
    for path in reversed(paths):  # the last added comes first
        window.settings.add_recent(path)
    opened = []
    monkeypatch.setattr(window.files, "open", lambda path: opened.append(path))
    menu = window.recent_menu
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitUntil(menu.isVisible)
    actions = [a for a in menu.actions() if a.data()]
    assert [a.data() for a in actions] == paths  # the data stays the whole path
    sep = str(Path("a", "b"))[1]
    assert actions[0].text() == f"&1 抚宁2016.xlsx  —  …{sep}科室{sep}2024"
    assert [a.text()[:3] for a in actions] == [f"&{n} " for n in range(1, 9)]
    assert all(a.toolTip() == a.data() == a.statusTip() for a in actions)
    qtbot.keyClick(menu, Qt.Key.Key_3)  # the clerk presses 3
    assert opened == [paths[2]]


def test_an_ampersand_in_a_recent_file_name_is_shown_not_taken_as_a_mnemonic(qtbot, window, tmp_path):
    path = str(tmp_path / "A&B.xlsx")
    window.settings.add_recent(path)
    window.recent_menu.aboutToShow.emit()
    first = window.recent_menu.actions()[0]
    assert first.text().startswith("&1 A&&B.xlsx  —  ") and first.data() == path
