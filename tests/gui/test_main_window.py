"""The main window driven offscreen as a clerk would: select, type, undo, redo, rows, paste."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QTreeView, QWidget

from main_window_support import FUNING_TOTAL, answers, settings_dir, type_text, window  # noqa: F401 - fixtures
from perfdesk.model import INDICATOR_FIELDS

VALUE = INDICATOR_FIELDS.index("value")


def select_project(qtbot, win, unit: int, project: int) -> None:
    """Click the project's row in the tree (what a clerk does)."""
    tree = win.tree
    index = tree.tree_model().index_of("project", unit, project)
    rect = tree.visualRect(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def type_into_cell(qtbot, win, row: int, column: int, text: str) -> None:
    view = win.grid.view
    index = view.model().index(row, column)
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not view, "F2 opens an editor on the cell"
    editor.selectAll()
    type_text(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits through a queued call


def test_names_for_tests_and_accessibility_tools(window):
    assert isinstance(window.findChild(QTreeView, "departmentTree"), QTreeView)
    assert window.findChild(QWidget, "projectEditor") is window.project_editor
    assert window.findChild(QWidget, "indicatorGrid") is window.grid.view
    assert window.findChild(QWidget, "reviewPanel") is window.review


def test_selecting_a_project_shows_it_in_the_editor(qtbot, window):
    select_project(qtbot, window, 0, 1)
    editor = window.project_editor
    assert window.editors.currentWidget() is editor
    # From the sample: table 2, 拨付邓庆久等人参照行政退休人员待遇资金, 预算数 1.87, 4 人.
    assert editor.title.text() == "2.拨付邓庆久等人参照行政退休人员待遇资金绩效目标表"
    assert editor.budget_total.text() == "1.87"
    assert window.grid.view.model().index(0, VALUE).data() == "4人"


def test_typing_a_value_then_undo_and_redo(qtbot, window):
    select_project(qtbot, window, 0, 1)
    type_into_cell(qtbot, window, 0, VALUE, "≥5人")
    indicator = window.document.project(0, 1).indicators[0]
    assert indicator.value == "≥5人"
    assert window.isWindowModified()

    window.undo_action.trigger()
    assert window.document.project(0, 1).indicators[0].value == "4人"
    assert window.grid.view.model().index(0, VALUE).data() == "4人"
    assert not window.isWindowModified()

    window.redo_action.trigger()
    assert window.document.project(0, 1).indicators[0].value == "≥5人"
    assert window.isWindowModified()


def test_ctrl_z_in_a_text_field_undoes_through_the_stack(qtbot, window):
    select_project(qtbot, window, 0, 1)
    name = window.project_editor.name
    name.setFocus()
    name.end(False)
    type_text(name, "（续）")
    assert window.document.project(0, 1).name == "拨付邓庆久等人参照行政退休人员待遇资金（续）"
    qtbot.keyClick(name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    # One undo step reverts the whole field edit, and the field shows it at once.
    assert window.document.project(0, 1).name == "拨付邓庆久等人参照行政退休人员待遇资金"
    assert name.text() == "拨付邓庆久等人参照行政退休人员待遇资金"
    assert window.undo_stack.isClean()


def test_add_delete_and_move_indicator_rows(qtbot, window):
    select_project(qtbot, window, 0, 1)
    grid, project = window.grid, window.document.project(0, 1)
    assert len(project.indicators) == 9
    grid.view.setCurrentIndex(grid.view.model().index(0, 2))
    grid.insert_row_action.trigger()
    assert len(project.indicators) == 10
    assert project.indicators[1].level2 == "数量指标"  # a new row takes the levels of the row above
    window.undo_action.trigger()
    assert len(project.indicators) == 9 and window.undo_stack.isClean()

    grid.view.setCurrentIndex(grid.view.model().index(8, 2))
    grid.delete_rows_action.trigger()
    assert [i.level3 for i in project.indicators][-1] == "社会效益提升%"
    window.undo_action.trigger()
    assert project.indicators[8].level3 == "群众满意度"

    grid.view.setCurrentIndex(grid.view.model().index(1, 2))
    grid.move_down_action.trigger()
    assert [i.level3 for i in project.indicators[:3]] == ["拨付人数", "护理费", "生活补贴"]
    window.undo_action.trigger()
    assert [i.level3 for i in project.indicators[:3]] == ["拨付人数", "生活补贴", "护理费"]
    assert window.undo_stack.isClean()


def test_paste_three_tab_separated_rows_is_one_step(qtbot, window):
    select_project(qtbot, window, 0, 2)
    grid, project = window.grid, window.document.project(0, 2)
    before = len(project.indicators)
    text = ("产出指标\t数量指标\t培训人次\t开展企业培训人次\t≥50人次\t工作计划\n"
            "产出指标\t时效指标\t完成时间\t年底前完成\t年底前\t工作计划\n"
            "满意度指标\t服务对象满意度指标\t企业满意度\t服务企业满意度\t≥95%\t问卷调查\n")
    QApplication.clipboard().setText(text)
    grid.view.setFocus()
    grid.view.setCurrentIndex(QModelIndex())
    grid.paste_action.trigger()
    assert len(project.indicators) == before + 3
    added = [i.cells() for i in project.indicators if i.level3 in ("培训人次", "完成时间", "企业满意度")]
    assert added == [
        ("产出指标", "数量指标", "培训人次", "开展企业培训人次", "≥50人次", "工作计划"),
        ("产出指标", "时效指标", "完成时间", "年底前完成", "年底前", "工作计划"),
        ("满意度指标", "服务对象满意度指标", "企业满意度", "服务企业满意度", "≥95%", "问卷调查"),
    ]
    window.undo_action.trigger()
    assert len(project.indicators) == before
    assert window.undo_stack.isClean()


def test_status_bar_shows_totals_and_follows_edits(qtbot, window):
    assert FUNING_TOTAL in window.totals.text()
    assert "10" in window.totals.text()
    select_project(qtbot, window, 0, 2)  # 预算数 2.00
    field = window.project_editor.budget_total
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "3")
    assert "737.79" in window.totals.text()  # 736.79 - 2.00 + 3.00
    window.undo_action.trigger()
    assert FUNING_TOTAL in window.totals.text()


def test_title_shows_unsaved_marker_from_the_stack(qtbot, window):
    assert "[*]" in window.windowTitle() and not window.isWindowModified()
    window.cover_editor.department.setText("x")  # programmatic: not an edit
    assert not window.isWindowModified()
    select_project(qtbot, window, 0, 0)
    type_into_cell(qtbot, window, 0, VALUE, "≥600万元")
    assert window.isWindowModified()
    window.undo_action.trigger()
    assert not window.isWindowModified()


def test_deleting_the_shown_project_goes_back_to_the_cover_and_undo_returns(qtbot, window):
    select_project(qtbot, window, 0, 3)
    shown = window.document.project(0, 3)
    window.tree.setFocus()
    answers_before = window.document.project_count()
    window.undo_stack.push(__import__("perfdesk.undo", fromlist=["RemoveCommand"]).RemoveCommand(
        window.document, "project", 3, unit=0))
    assert window.document.project_count() == answers_before - 1
    assert window.project_editor.current() is not shown
    window.undo_action.trigger()
    assert window.document.project(0, 3) is shown


def test_moving_the_shown_project_keeps_it_in_the_editor(qtbot, window):
    from perfdesk.undo import MoveProjectCommand

    select_project(qtbot, window, 0, 1)
    shown = window.document.project(0, 1)
    window.undo_stack.push(MoveProjectCommand(window.document, 0, 1, 0, 5))
    assert window.node == ("project", 0, 5)
    assert window.project_editor.current() is shown
    assert window.project_editor.title.text().startswith("6.")
    window.undo_action.trigger()
    assert window.node == ("project", 0, 1)
    assert window.project_editor.title.text().startswith("2.")


def test_activating_a_finding_goes_to_its_cell(qtbot, window):
    from perfdesk.review.findings import Finding, Severity

    # 2.拨付邓庆久… row 7 (成本指标 ≥30.75万元) is larger than the budget 1.87: a finding on 指标值.
    finding = Finding(rule="cost-exceeds-budget", severity=Severity.ERROR, message="成本", field="value",
                      unit=0, project=1, number=2, row=6)
    window.review.activate(finding)
    assert window.node == ("project", 0, 1)
    current = window.grid.view.currentIndex()
    assert (current.row(), current.column()) == (6, 4)
    assert current.data() == "≥30.75万元"

    window.review.activate(Finding(rule="x", severity=Severity.WARNING, message="m", field="measures"))
    assert window.node[0] == "part1" and window.part1_editor.tabs.currentIndex() == 2
    window.review.activate(Finding(rule="x", severity=Severity.ERROR, message="m", field="year"))
    assert window.node[0] == "document"


def test_the_unit_editor_lists_its_projects_under_headings_and_a_click_opens_one(qtbot, window):
    from PySide6.QtCore import QUrl

    window.select("unit", 0)
    listing = window.unit_editor.projects
    cells = [line for line in listing.toPlainText().splitlines() if line]  # one cell a line
    assert cells[:4] == ["No.", "Project code", "Project name", "Budget (10,000 yuan)"]
    # 8.提前下达2023年支持市县科技创新和科学普及专项资金, 10.00, as in the sample.
    row = cells.index("8.")
    assert cells[row:row + 4] == ["8.", "13030623P000009100017", "提前下达2023年支持市县科技创新和科学普及专项资金", "10.00"]
    listing.anchorClicked.emit(QUrl("project:7"))  # what clicking the 8th name does
    assert window.node == ("project", 0, 7)
    assert window.editors.currentWidget() is window.project_editor
    assert window.project_editor.title.text() == "8.提前下达2023年支持市县科技创新和科学普及专项资金绩效目标表"


def test_print_preview_fits_on_a_small_screen(qtbot, window):
    window.preview_action.trigger()
    dialog = window.files.preview
    qtbot.addWidget(dialog)
    available = dialog.screen().availableGeometry()
    assert dialog.height() <= available.height() and dialog.width() <= available.width()
    dialog.close()
