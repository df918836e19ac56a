"""IndicatorTableModel and the clipboard's tab-separated text (no widgets here)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from expected_samples import fengrun_2022, funing_2024
from perfdesk.model import Indicator, Project
from perfdesk.qtmodels.indicator_model import (
    COL_LEVEL1,
    COL_LEVEL2,
    COL_PREVIOUS,
    COL_VALUE,
    ContinuesAboveRole,
    ContinuesBelowRole,
    IndicatorTableModel,
    MissingNumberRole,
    ReadingRole,
    rows_from_tsv,
    rows_to_tsv,
)

TOOLTIP = Qt.ItemDataRole.ToolTipRole


def column(model, col):
    return [model.index(row, col).data() for row in range(model.rowCount())]


def test_model_shows_six_columns_of_the_project_and_last_years_value(document):
    model = IndicatorTableModel(document)
    assert model.rowCount() == 0
    model.set_project(0, 0)
    assert model.rowCount() == 7 and model.columnCount() == 7
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    # the tests' interface is English; the Chinese headers: tests/gui/test_english_and_fixes.py
    assert headers == ["Level 1", "Level 2", "Level 3", "Description", "Target value", "Basis", "Last year's value"]
    assert [model.index(0, c).data() for c in range(7)] == [
        "产出指标", "数量指标", "奖补数量", "优秀特派员奖励人数", "≥5人", "资金发放表", ""]
    # last year's value is shown, never edited nor cleared from the grid
    document.update_indicator(0, 0, 0, previous_value="≥4人")
    previous = model.index(0, COL_PREVIOUS)
    assert previous.data() == "≥4人"
    assert not previous.flags() & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(previous, "≥9人")
    model.clear_cells([(0, COL_PREVIOUS)])
    assert document.project(0, 0).indicators[0].previous_value == "≥4人"
    assert column(model, COL_VALUE)[1] == "≥95百分比"  # the clerk's text, not the reading


def test_qt_model_tester_through_edits_and_project_switch(qtmodeltester, document):
    model = IndicatorTableModel(document)
    model.set_project(0, 0)
    qtmodeltester.check(model)
    document.insert_indicator(0, 0, 2, Indicator(level1="产出指标", level3="新指标"))
    document.move_indicator(0, 0, 0, 5)
    document.update_indicator(0, 0, 3, value="100%")
    document.remove_indicator(0, 0, 7)
    model.set_project(1, 0)
    qtmodeltester.check(model)


def test_value_reading_in_tooltip_and_mark_where_a_number_is_missing(document):
    model = IndicatorTableModel(document)
    model.set_project(0, 0)
    quantity, timeliness = model.index(0, COL_VALUE), model.index(2, COL_VALUE)
    assert quantity.data(TOOLTIP) == "定量：≥ 5 人"
    assert quantity.data(ReadingRole).number == 5
    assert not quantity.data(MissingNumberRole)
    assert quantity.data(Qt.ItemDataRole.BackgroundRole) is None
    # 时效指标 "年底之前" names a deadline: what the review accepts, so no mark ...
    assert not timeliness.data(MissingNumberRole)
    assert timeliness.data(Qt.ItemDataRole.BackgroundRole) is None
    assert timeliness.data(TOOLTIP) == "定性（文字）"
    # ... but "及时" says no time at all: marked, and the tooltip asks for a deadline.
    document.update_indicator(0, 0, 2, value="及时")
    assert timeliness.data(MissingNumberRole)
    assert timeliness.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert timeliness.data(TOOLTIP) == "定性（文字）\nA 时效指标 should name a deadline or a rate, e.g. 年底前 or ≥95%."
    # A 质量指标 written as words: marked, with a number asked for.
    quality = model.index(1, COL_VALUE)
    document.update_indicator(0, 0, 1, value="稳步提升")
    assert quality.data(MissingNumberRole)
    assert quality.data(TOOLTIP).endswith("A 质量指标 should have a number, e.g. ≥5人 or 100%.")
    # A satisfaction or benefit row may well be qualitative: no mark.
    document.update_indicator(0, 0, 4, value="效果明显")
    assert not model.index(4, COL_VALUE).data(MissingNumberRole)
    # Fixing the values clears the marks.
    document.update_indicator(0, 0, 2, value="12月底前完成100%")
    document.update_indicator(0, 0, 1, value="合格率100%")
    assert not timeliness.data(MissingNumberRole) and not quality.data(MissingNumberRole)


@pytest.mark.parametrize("example", [funing_2024, fengrun_2022], ids=["funing-2024", "fengrun-2022"])
def test_the_grid_marks_exactly_the_values_the_review_finds_without_a_number(example):
    """The quiet mark and the review's value-not-numeric finding never disagree (both examples)."""
    from perfdesk.review import check_document

    example_document = example.build()
    findings = {(f.unit, f.project, f.row) for f in check_document(example_document)
                if f.rule in ("value-not-numeric", "value-empty") and f.row is not None}
    model = IndicatorTableModel(example_document)
    marked = set()
    for u, unit in enumerate(example_document.units):
        for p, project in enumerate(unit.projects):
            model.set_project(u, p)
            marked |= {(u, p, row) for row in range(model.rowCount())
                       if model.index(row, COL_VALUE).data(MissingNumberRole)}
    assert marked == findings
    assert marked or example is fengrun_2022  # 抚宁 has such values (及时, 按时提供 …), 丰润 none


def test_runs_of_equal_levels_are_marked_for_the_merged_look(document):
    model = IndicatorTableModel(document)
    model.set_project(0, 0)
    above = [model.index(r, COL_LEVEL1).data(ContinuesAboveRole) for r in range(7)]
    below = [model.index(r, COL_LEVEL1).data(ContinuesBelowRole) for r in range(7)]
    assert above == [False, True, True, True, False, True, False]
    assert below == [True, True, True, False, True, False, False]
    assert not any(model.index(r, COL_LEVEL2).data(ContinuesAboveRole) for r in range(7))
    document.update_indicator(0, 0, 1, level2="数量指标")
    assert model.index(1, COL_LEVEL2).data(ContinuesAboveRole)
    assert model.index(0, COL_LEVEL2).data(ContinuesBelowRole)
    # Empty cells never merge.
    document.insert_indicator(0, 0, 7, Indicator())
    document.insert_indicator(0, 0, 8, Indicator())
    assert not model.index(8, COL_LEVEL1).data(ContinuesAboveRole)


def test_level_edit_repaints_the_neighbours(qtbot, document):
    model = IndicatorTableModel(document)
    model.set_project(0, 0)
    with qtbot.waitSignal(model.dataChanged) as changed:
        document.update_indicator(0, 0, 4, level1="产出指标")
    top_left, bottom_right = changed.args[0], changed.args[1]
    assert (top_left.row(), bottom_right.row()) == (3, 5)
    assert top_left.column() == COL_LEVEL1


def test_framework_choices_limit_level2_to_its_level1(document):
    model = IndicatorTableModel(document)
    model.set_project(0, 0)
    assert model.level1_choices() == ["产出指标", "效益指标", "满意度指标"]
    assert model.level2_choices(0) == ["数量指标", "质量指标", "时效指标", "成本指标"]
    assert model.level2_choices(6) == ["服务对象满意度指标"]
    document.update_indicator(0, 0, 6, level1="其他")  # unknown: offer all of them
    assert len(model.level2_choices(6)) == 9
    assert "问卷调查" in model.basis_choices() and "资金发放表" in model.basis_choices()
    assert model.index(6, COL_LEVEL2).data(TOOLTIP) == "This second-level indicator does not belong under 其他."


def test_set_data_is_one_undo_step(qtbot, document, undo_stack):
    model = IndicatorTableModel(document, undo_stack)
    model.set_project(0, 0)
    assert model.setData(model.index(0, COL_VALUE), "≥6人")
    assert document.project(0, 0).indicators[0].value == "≥6人"
    assert not model.setData(model.index(0, COL_VALUE), "≥6人")
    assert undo_stack.count() == 1 and undo_stack.text(0) == "修改指标值"
    undo_stack.undo()
    assert model.index(0, COL_VALUE).data() == "≥5人"


def test_model_follows_its_project_through_moves_and_clears_when_it_goes(qtbot, document, undo_stack):
    model = IndicatorTableModel(document, undo_stack)
    model.set_project(0, 1)
    document.insert_project(0, 0, Project(name="新项目"))
    assert model.location == (0, 2)
    document.move_project(0, 2, 1, 0)
    assert model.location == (1, 0)
    assert model.setData(model.index(0, COL_VALUE), "≥12家")
    assert document.project(1, 0).indicators[0].value == "≥12家"
    with qtbot.waitSignal(model.modelReset):
        document.remove_unit(1)
    assert model.location == (-1, -1) and model.rowCount() == 0


def test_edits_of_other_projects_do_not_reach_the_model(qtbot, document):
    model = IndicatorTableModel(document)
    model.set_project(0, 0)
    seen = []
    model.rowsInserted.connect(lambda *args: seen.append(args))
    model.dataChanged.connect(lambda *args: seen.append(args))
    document.insert_indicator(0, 1, 0, Indicator())
    document.update_indicator(0, 1, 0, value="1")
    assert seen == []


def test_tsv_as_excel_writes_it():
    text = '产出指标\t数量指标\t"奖补\n数量"\t"他说""好"""\t≥5人\t资金发放表\r\n效益指标\t\t\t\t\t\r\n'
    assert rows_from_tsv(text) == [
        ["产出指标", "数量指标", "奖补\n数量", '他说"好"', "≥5人", "资金发放表"],
        ["效益指标", "", "", "", "", ""],
    ]
    assert rows_to_tsv(rows_from_tsv(text)) == text
    assert rows_from_tsv("") == [] and rows_from_tsv("\r\n") == []
    assert rows_from_tsv("≥5人") == [["≥5人"]]


def test_paste_whole_rows_inserts_below_current_row_as_one_step(document, undo_stack):
    model = IndicatorTableModel(document, undo_stack)
    model.set_project(0, 1)
    text = ("产出指标\t质量指标\t验收合格率\t扶持项目验收合格率\t≥90%\t行业标准\r\n"
            "产出指标\t时效指标\t完成时间\t\"资金拨付\n完成时间\"\t2022年12月底前\t工作计划\r\n")
    assert model.paste(text, 0, 3) == (1, 2)
    assert column(model, 2) == ["扶持企业数量", "验收合格率", "完成时间"]
    assert model.index(2, 3).data() == "资金拨付\n完成时间"
    assert undo_stack.count() == 1 and undo_stack.text(0) == "粘贴2行绩效指标"
    undo_stack.undo()
    assert model.rowCount() == 1


def test_paste_of_official_seven_column_rows_drops_the_merged_blank(document, undo_stack):
    model = IndicatorTableModel(document, undo_stack)
    model.set_project(1, 0)
    model.paste("满意度指标\t服务对象满意度指标\t参与群众满意度\t科普活动参与群众满意度\t\t≥90%\t问卷调查\r\n", 0, 0)
    assert [model.index(0, c).data() for c in range(6)] == [
        "满意度指标", "服务对象满意度指标", "参与群众满意度", "科普活动参与群众满意度", "≥90%", "问卷调查"]


def test_paste_narrow_block_overwrites_from_the_current_cell(document, undo_stack):
    model = IndicatorTableModel(document, undo_stack)
    model.set_project(0, 0)
    model.paste("≥6人\t资金发放表\r\n≥96%\t工作标准\r\n", 0, COL_VALUE)
    assert column(model, COL_VALUE)[:3] == ["≥6人", "≥96%", "年底之前"]
    assert column(model, 5)[:2] == ["资金发放表", "工作标准"]
    assert undo_stack.count() == 1 and undo_stack.command(0).childCount() == 2  # one step, two row edits
    # Past the last row the block adds rows.
    model.paste("a\r\nb\r\nc\r\n", 6, 2)
    assert model.rowCount() == 9 and column(model, 2)[6:] == ["a", "b", "c"]
    undo_stack.undo()
    undo_stack.undo()
    assert document.project(0, 0).indicators[0].value == "≥5人" and model.rowCount() == 7


def test_copy_rows_gives_the_cells_back(document):
    model = IndicatorTableModel(document)
    model.set_project(0, 0)
    assert model.copy_rows([2, 0], [COL_LEVEL2, COL_VALUE]) == "数量指标\t≥5人\r\n时效指标\t年底之前\r\n"
    assert model.index(0, 0, model.index(0, 0)) == QModelIndex()
