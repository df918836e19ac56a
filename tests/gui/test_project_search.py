"""Finding a project: the "查找项目" field above the department tree filters it.

The window holds the Funing 2024 example (one unit, 471001 秦皇岛市抚宁区科技和工业信息化局本级,
ten projects). Expected names and codes are typed from tests/expected_samples/funing_2024.py:

 1 2024年改制企业相关费用                                  13030624P00530210007P
 2 拨付邓庆久等人参照行政退休人员待遇资金                   13030624P000011100023
 3 工业技改项目中小微企业发展项目跑办费                     13030624P00D2K010004P
 4 关于确认下达2023年支持市县科技创新和科学普及专项资金（高新技术企业认定奖补）预算的通知
                                                          13030623P00578710007E
 5 科技创新专项资金相关费用                                13030624P005547100032
 6 历史遗留人员及政府返聘人员所需费用                       13030624P00554910003D
 7 提前下达2023年支持工业互联网创新发展等项目资金           13030623P000009100042
 8 提前下达2023年支持市县科技创新和科学普及专项资金         13030623P000009100017
 9 提前下达2024年省级中小企业发展专项资金                   13030624P000009100150
10 提前下达2024年支持市县科技创新和科学普及专项资金         13030624P00000910009J
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from expected_samples.funing_2024 import build
from main_window_support import answers, settings_dir, type_text, window  # noqa: F401 - fixtures
from perfdesk.model import Project
from perfdesk.qtmodels.project_filter import matching_projects
from perfdesk.undo import InsertCommand

P1 = "2024年改制企业相关费用"
P2 = "拨付邓庆久等人参照行政退休人员待遇资金"
P3 = "工业技改项目中小微企业发展项目跑办费"
P4 = "关于确认下达2023年支持市县科技创新和科学普及专项资金（高新技术企业认定奖补）预算的通知"
P7 = "提前下达2023年支持工业互联网创新发展等项目资金"
P8 = "提前下达2023年支持市县科技创新和科学普及专项资金"
P9 = "提前下达2024年省级中小企业发展专项资金"
P10 = "提前下达2024年支持市县科技创新和科学普及专项资金"
ALL_TEN = 10
EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "funing-2024.xlsx"


def shown(window) -> list[str]:
    """Labels of the tree rows that are really laid out (a hidden row has no rectangle)."""
    tree, model = window.tree, window.tree.tree_model()
    QApplication.processEvents()
    labels = []

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if not tree.visualRect(index).isEmpty():
                labels.append(index.data(Qt.ItemDataRole.EditRole) or index.data())
                walk(index)

    walk(QModelIndex())
    return labels


def shown_projects(window) -> list[str]:
    tree, model = window.tree, window.tree.tree_model()
    return [window.document.project(u, p).name for u, p in
            ((model.node(i)[1], model.node(i)[2]) for i in _project_indexes(model))
            if not tree.visualRect(model.index_of("project", u, p)).isEmpty()]


def _project_indexes(model):
    for unit in range(model.rowCount() - 2):
        parent = model.index_of("unit", unit)
        for row in range(model.rowCount(parent)):
            yield model.index(row, 0, parent)


def search(window, text: str) -> QLineEdit:
    field = window.search
    field.setFocus()
    field.clear()
    type_text(field, text)
    QApplication.processEvents()
    return field


def count_text(window) -> str:
    label = window.tree_pane.count
    return label.text() if label.isVisible() else ""


# ------------------------------------------------------------ without widgets
def test_matching_without_widgets():
    document = build()

    def names(text: str) -> list[str]:
        return [document.project(u, p).name for u, p in matching_projects(document, text)]

    assert names("提前下达") == [P7, P8, P9, P10]
    assert names(" 提前 下达 ") == [P7, P8, P9, P10]  # spaces ignored
    assert names("p00d2k") == [P3]  # part of 13030624P00D2K010004P, any case
    assert names("２０２４年改制") == [P1]  # full-width digits
    assert names("3.") == [P3] and names("10、") == [P10]  # a number with its full stop is the number
    assert names("0007") == [P1, P4]  # …10007P, …10007E — not project 7
    assert names("本级") == [p.name for p in document.units[0].projects]  # the unit's name: all of it
    assert names("找不到的项目") == []
    assert len(names("")) == ALL_TEN


# ------------------------------------------------------------------ the window
def test_the_field_sits_above_the_tree_with_its_placeholder(qtbot, window):
    field = window.findChild(QLineEdit, "projectSearch")
    assert field is window.search and field.isVisible()
    assert field.placeholderText() == "Find project: name or code"
    assert field.isClearButtonEnabled()
    field_bottom = field.mapTo(window, field.rect().bottomLeft()).y()
    assert field_bottom < window.tree.mapTo(window, window.tree.rect().topLeft()).y()
    assert not window.tree_pane.count.isVisible()


def test_typing_part_of_a_name_shows_just_those_projects(qtbot, window):
    search(window, "提前下达")
    assert shown_projects(window) == [P7, P8, P9, P10]
    # The cover and 第一部分 do not match and hide; the unit stays, expanded.
    assert shown(window) == ["秦皇岛市抚宁区科技和工业信息化局本级", P7, P8, P9, P10]
    assert window.tree.isExpanded(window.tree.tree_model().index_of("unit", 0))
    assert count_text(window) == "4 project(s) found"
    search(window, "改制企业")
    assert shown_projects(window) == [P1]
    assert count_text(window) == "1 project(s) found"
    field = search(window, "没有这个项目")
    assert shown_projects(window) == [] and shown(window) == []
    assert count_text(window) == "No matching projects"
    qtbot.keyClick(field, Qt.Key.Key_Return)  # nothing to open: the cursor stays in the field
    assert QApplication.focusWidget() is field and window.editors.currentWidget() is window.cover_editor


def test_a_code_fragment_and_full_width_digits(qtbot, window):
    search(window, "p00d2k")
    assert shown_projects(window) == [P3]
    search(window, "0007")
    assert shown_projects(window) == [P1, P4]  # …10007P and …10007E, not project 7
    search(window, "２０２４")  # as a Chinese input method types digits
    assert shown_projects(window) == [P1, P9, P10]
    search(window, "１０．")
    assert shown_projects(window) == [P10]


def test_the_cover_and_part1_show_when_they_match(qtbot, window):
    search(window, "部门预算绩效文本")  # in the cover's title only
    labels = shown(window)
    assert len(labels) == 1 and labels[0].endswith("部门预算绩效文本")
    assert shown_projects(window) == []


def test_enter_opens_the_first_match_in_the_project_editor(qtbot, window):
    field = search(window, "科学普及")
    assert shown_projects(window) == [P4, P8, P10]
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.tree.current_node() == ("project", 0, 3)
    assert window.editors.currentWidget() is window.project_editor
    assert window.project_editor.name.text() == P4
    assert QApplication.focusWidget() is window.tree
    assert field.text() == "科学普及"  # the filter stays until cleared


def test_down_goes_into_the_tree_at_the_first_match(qtbot, window):
    field = search(window, "提前下达2024")
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is window.tree
    assert window.tree.current_node() == ("project", 0, 8)
    assert window.project_editor.name.text() == P9
    qtbot.keyClick(window.tree, Qt.Key.Key_Down)  # the arrow keys walk the matches only
    assert window.tree.current_node() == ("project", 0, 9)


def test_escape_clears_and_shows_everything(qtbot, window):
    field = search(window, "改制")
    assert shown(window) == ["秦皇岛市抚宁区科技和工业信息化局本级", P1]
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert field.text() == ""
    assert QApplication.focusWidget() is window.tree
    assert len(shown_projects(window)) == ALL_TEN
    assert len(shown(window)) == 2 + 1 + ALL_TEN  # cover, 第一部分, the unit, ten projects
    assert count_text(window) == ""


def test_adding_a_project_and_undo_while_filtering(qtbot, window):
    tree = window.tree
    search(window, "提前下达")
    window.select("project", 0, 6)
    tree.add_project_action.trigger()  # after project 7, its name ready to be typed
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor is not window.search
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    # What the clerk just added shows although it does not match; the rest stays filtered.
    assert shown_projects(window) == [P7, "New project", P8, P9, P10]
    assert count_text(window) == "4 project(s) found"
    window.undo_action.trigger()
    assert shown_projects(window) == [P7, P8, P9, P10]
    window.redo_action.trigger()
    assert shown_projects(window) == [P7, "New project", P8, P9, P10]
    window.undo_action.trigger()

    # A rename away from the text hides the project; undo brings it back.
    window.tree.tree_model().setData(window.tree.tree_model().index_of("project", 0, 8), "省级中小企业发展专项资金")
    assert shown_projects(window) == [P7, P8, P10]
    window.undo_action.trigger()
    assert shown_projects(window) == [P7, P8, P9, P10]

    # Typing again starts afresh: a project added earlier obeys the filter like any other.
    tree.select_node("project", 0, 0)
    tree.add_project_action.trigger()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert "New project" in shown_projects(window)
    search(window, "提前下达")
    assert shown_projects(window) == [P7, P8, P9, P10]


def test_a_number_follows_the_projects_when_one_is_inserted_above(qtbot, window):
    search(window, "8.")
    assert shown_projects(window) == [P8]
    window.undo_stack.push(InsertCommand(window.document, "project", 0, Project(name="新增项目"), unit=0))
    # 新增项目 is number 1 now and shows (it was just added); number 8 is the old number 7.
    assert shown_projects(window) == ["新增项目", P7]
    window.undo_action.trigger()
    assert shown_projects(window) == [P8]


def test_moving_a_project_keeps_the_filter(qtbot, window):
    search(window, "提前下达")
    window.select("project", 0, 9)
    window.tree.move_up_action.trigger()  # 10 swaps with 9, both match
    assert shown_projects(window) == [P7, P8, P10, P9]
    window.undo_action.trigger()
    assert shown_projects(window) == [P7, P8, P9, P10]


def test_ctrl_f_focuses_the_field_and_selects_its_text(qtbot, window):
    search(window, "改制")
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search
    assert window.search.selectedText() == "改制"
    edit_menu = window.menuBar().actions()[1].menu()
    assert window.find_action in edit_menu.actions()


def test_opening_the_bundled_workbook_keeps_the_text_and_filters_it(qtbot, window):
    search(window, "提前下达")
    assert window.files.open(EXAMPLE)  # resources/examples/funing-2024.xlsx, as File ▸ Open does
    assert window.path == EXAMPLE
    assert shown_projects(window) == [P7, P8, P9, P10]
    search(window, "13030624p00000910009j")
    assert shown_projects(window) == [P10]


@pytest.mark.parametrize("source, chinese", [
    ("Find project: name or code", "查找项目：名称或编码"),
    ("No matching projects", "没有找到匹配的项目"),
])
def test_the_strings_are_translated(qapp, source, chinese):
    from perfdesk.ui.app import set_language

    try:
        set_language(qapp, None)
        context = "ProjectSearchField" if source.startswith("Find") else "ProjectSearchPane"
        assert QCoreApplication.translate(context, source) == chinese
        assert QCoreApplication.translate("ProjectSearchPane", "%n project(s) found", "", 3) == "找到 3 个项目"
        assert QCoreApplication.translate("MainWindow", "&Find project…") == "查找项目(&F)…"
    finally:
        set_language(qapp, "en")


def test_a_finding_for_a_project_the_filter_hides_shows_that_project(qtbot, window):
    search(window, "改制企业")
    assert shown_projects(window) == [P1]
    window.show_finding(0, 1, 0, "value")  # project 2, 拨付邓庆久…, first indicator row
    assert window.editors.currentWidget() is window.project_editor
    assert shown_projects(window) == [P1, P2]  # the text stays; the project gone to is shown too
    assert window.search.text() == "改制企业"
