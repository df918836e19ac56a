"""The review dock: grouped findings, severity filter, double-click to the cell, live
re-checks after edits (debounced), one-click fixes as undoable steps, the export question."""

from __future__ import annotations

from decimal import Decimal

from expected_samples import fengrun_2022, funing_2024
from main_window_support import answers, settings_dir, window  # noqa: F401 - fixtures
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton
from unit.review_documents import clean_document, region_file

from perfdesk.fileio import save_document
from perfdesk.model import BudgetUnit
from perfdesk.qtmodels.findings_model import FindingRole, FindingsModel, GroupKeyRole
from perfdesk.review import Severity, check_document
from perfdesk.ui.review_panel import ReviewPanel
from perfdesk.undo import InsertCommand, MoveProjectCommand, RemoveCommand, ReplaceDocumentCommand, UpdateCommand


def group_titles(model):
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def finding_rows(model, group_row):
    group = model.index(group_row, 0)
    return [model.index(r, 0, group).data(FindingRole) for r in range(model.rowCount(group))]


def select(panel, rule, number):
    model = panel.model
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        for r in range(model.rowCount(group)):
            finding = model.index(r, 0, group).data(FindingRole)
            if finding.rule == rule and finding.number == number:
                index = model.index(r, 0, group)
                panel.view.setCurrentIndex(index)
                return index
    raise AssertionError(f"{rule} on project {number} not listed")


def test_model_passes_the_model_tester(qtmodeltester):
    document = funing_2024.build()
    model = FindingsModel(document)
    model.set_findings(check_document(document))
    qtmodeltester.check(model)  # the tester stays attached and checks every change below
    document.update_indicator(0, 1, 6, value="≤1.87万元")   # one group shrinks
    model.set_findings(check_document(document))
    document.update(reviewed_by="XXX")                    # a group appears at the top
    document.update_project(0, 9, goals=["目标内容1"])     # …and one grows at the end
    model.set_findings(check_document(document))
    document.remove_project(0, 4)                          # groups renumber and shift
    model.set_findings(check_document(document))
    qtmodeltester.check(model)
    model.set_visible_severities({Severity.ERROR})
    qtmodeltester.check(model)
    model.set_findings([])
    qtmodeltester.check(model)


def test_incremental_updates_match_a_fresh_model(qapp):
    document = funing_2024.build()
    model = FindingsModel(document)
    model.set_findings(check_document(document))
    edits = [lambda: document.update_indicator(0, 1, 6, value="≤1.87万元"),
             lambda: document.update(reviewed_by="XXX"), lambda: document.update_project(0, 9, goals=["目标内容1"]),
             lambda: document.remove_project(0, 4), lambda: document.move_project(0, 0, 0, 7),
             lambda: document.update_project(0, 2, goals=["清除后的目标"])]
    for edit in edits:
        edit()
        findings = check_document(document)
        model.set_findings(findings)
        fresh = FindingsModel(document)
        fresh.set_findings(findings)
        assert group_titles(model) == group_titles(fresh)
        for g in range(model.rowCount()):
            assert [f.key() for f in finding_rows(model, g)] == [f.key() for f in finding_rows(fresh, g)]


def test_findings_grouped_by_project_in_print_order(panel):
    titles = group_titles(panel.model)
    assert titles[0] == "1. 2024年改制企业相关费用（2）"
    assert titles[1].startswith("2. 拨付邓庆久等人参照行政退休人员待遇资金（")
    assert len(titles) == 10
    first = finding_rows(panel.model, 1)
    assert first[0].rule == "cost-above-budget"  # errors lead their group
    assert panel.findChild(type(panel.view), "reviewFindings") is panel.view
    assert panel.objectName() == "reviewPanel"
    assert panel.error_count() == 6


def test_severity_filter_hides_hints(panel, qtbot):
    box = panel._filters[Severity.HINT]
    assert box.text() == "Hints (30)"
    box.click()
    shown = [f for g in range(panel.model.rowCount()) for f in finding_rows(panel.model, g)]
    assert shown and all(f.severity is not Severity.HINT for f in shown)
    assert len(shown) == 6 + 13
    panel._filters[Severity.WARNING].click()
    assert {f.severity for g in range(panel.model.rowCount()) for f in finding_rows(panel.model, g)} == {Severity.ERROR}
    assert panel.error_count() == 6  # the filter hides, it does not forget


def test_double_click_goes_to_the_cell(panel, qtbot):
    index = select(panel, "cost-above-budget", 2)
    panel.view.scrollTo(index)
    rect = panel.view.visualRect(index)
    # An item view acts on a double-click only after the press that selected the item.
    QTest.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    with qtbot.waitSignal(panel.findingActivated, timeout=2000) as signal:
        QTest.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                          rect.center())
    assert signal.args == [0, 1, 6, "value"]


def test_document_finding_activates_with_minus_one(qapp):
    document = funing_2024.build()
    document.update(reviewed_by="XXX财政局")
    stack = QUndoStack()
    widget = ReviewPanel(document, stack)
    try:
        assert group_titles(widget.model)[0] == "Document (cover, Part 1, units)（1）"
        finding = finding_rows(widget.model, 0)[0]
        seen = []
        widget.findingActivated.connect(lambda *args: seen.append(args))
        widget.activate(finding)
        assert seen == [(-1, -1, -1, "cover")]
    finally:
        widget.detach()


def test_edits_are_followed_after_a_pause(panel, qtbot):
    document = panel._document
    panel.stack.push(UpdateCommand(document, "indicator", {"value": "≤1.87万元"}, 6, 0, 1))
    assert panel._timer.isActive()  # not re-checked while the clerk is typing
    with qtbot.waitSignal(panel.countsChanged, timeout=2000) as signal:
        pass
    assert signal.args[0] == 5
    assert panel._live.checked_last == 1
    assert not [f for f in panel.findings() if f.rule == "cost-above-budget"]
    panel.stack.undo()
    assert panel.error_count() == 6  # a pending re-check is done before answering


def test_typing_burst_rechecks_once(panel, qtbot):
    document = panel._document
    checks = []
    panel.countsChanged.connect(lambda *counts: checks.append(counts))
    for text in ("≤3", "≤30", "≤30.", "≤30.7", "≤30.75万元"):
        panel.stack.push(UpdateCommand(document, "indicator", {"value": text}, 6, 0, 1, merge=True))
    qtbot.waitUntil(lambda: bool(checks), timeout=2000)
    qtbot.wait(300)
    assert len(checks) == 1


def test_fix_button_applies_one_undoable_step(panel, qtbot):
    document = panel._document
    finding = select(panel, "markup", 3).data(FindingRole)
    assert panel.fix_button.isEnabled() and panel.fix_button.toolTip() == "清除标记"
    goal = document.project(0, 2).goals[finding.item]
    assert "<p>" in goal
    panel.fix_button.click()
    assert "<p>" not in document.project(0, 2).goals[finding.item]
    assert panel.stack.count() == 1 and panel.stack.undoText() == "清除标记"
    assert len([f for f in panel.findings() if f.rule == "markup"]) == 2
    panel.stack.undo()
    assert document.project(0, 2).goals[finding.item] == goal


def test_budget_fix_from_the_context_action(panel):
    document = panel._document
    panel.stack.push(UpdateCommand(document, "project", {"budget_fiscal": Decimal("500.00"),
                                                         "budget_other": Decimal("14.00")}, 0, 0))
    panel.refresh_now()
    finding = select(panel, "budget-sum", 1).data(FindingRole)
    assert finding.fix.label == "财政资金改为 550.00（预算数 − 其他资金）"
    # the panel asks which figure is wrong: the clerk answers 改财政资金
    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        box.findChild(QPushButton, "fixBudgetFiscal").click()

    QTimer.singleShot(0, answer)
    assert panel.apply_fix(finding)
    assert document.project(0, 0).budget_fiscal == Decimal("550.00")
    assert not [f for f in panel.findings() if f.rule == "budget-sum"]


def test_expanded_state_survives_a_recheck(panel):
    group = panel.model.index(2, 0)
    key = group.data(GroupKeyRole)
    panel.view.collapse(group)
    panel.stack.push(UpdateCommand(panel._document, "indicator", {"value": "≤1.87万元"}, 6, 0, 1))
    panel.refresh_now()
    group = panel.model.group_index(key)
    assert not panel.view.isExpanded(group)
    assert panel.view.isExpanded(panel.model.index(0, 0))


def test_export_question_is_asked_once_and_only_with_errors(panel, monkeypatch):
    asked = []

    def answer(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    assert panel.confirm_export() is False
    assert len(asked) == 1 and "6" in asked[0]
    clean_stack = QUndoStack()
    clean = ReviewPanel(clean_document(), clean_stack)
    try:
        assert clean.confirm_export() is True and len(asked) == 1
        assert clean.status_label.text() == "No problems found."
    finally:
        clean.detach()


def test_switching_documents_stops_following_the_old_one(panel):
    old = panel._document
    panel.set_document(clean_document(), QUndoStack())
    assert panel.model.rowCount() == 0 and panel.error_count() == 0
    old.update_indicator(0, 1, 6, value="≤1.87万元")
    assert not panel._timer.isActive()


def test_screenshot(panel, tmp_path):
    select(panel, "plan-not-100", 3)
    image = panel.grab()
    assert image.width() == 900
    image.save(str(tmp_path / "review_panel.png"))


def test_unit_finding_activates_with_the_unit(qapp):
    document = funing_2024.build()
    document.insert_unit(1, BudgetUnit(code="47100", name="抚宁区科学技术协会"))
    widget = ReviewPanel(document, QUndoStack())
    try:
        rules = [f.rule for f in finding_rows(widget.model, 0)]
        assert rules == ["unit-incomplete", "unit-empty"]  # a warning before a hint
        finding = finding_rows(widget.model, 0)[0]
        seen = []
        widget.findingActivated.connect(lambda *args: seen.append(args))
        widget.activate(finding)
        assert seen == [(1, -1, -1, "unit")]
    finally:
        widget.detach()


# ------------------------------------------------------------------ removal fixes
def test_duplicate_row_fix_removes_the_row_in_one_undoable_step(panel):
    document = panel._document
    rows = list(document.project(0, 1).indicators)  # table 2: 9 rows, 拨付人数 4人 first
    panel.stack.push(InsertCommand(document, "indicator", 1, rows[0].model_copy(), 0, 1))
    panel.refresh_now()
    finding = select(panel, "row-duplicate", 2).data(FindingRole)
    assert finding.row == 1 and panel.fix_button.toolTip() == "删除重复的行"
    panel.fix_button.click()
    assert document.project(0, 1).indicators == rows
    assert panel.stack.undoText() == "删除重复的行"
    macro = panel.stack.command(panel.stack.count() - 1)
    assert [type(macro.child(i)) for i in range(macro.childCount())] == [RemoveCommand]
    assert not [f for f in panel.findings() if f.rule == "row-duplicate"]
    panel.stack.undo()
    assert len(document.project(0, 1).indicators) == 10
    assert [f.row for f in panel.findings() if f.rule == "row-duplicate"] == [1]
    panel.stack.redo()
    assert document.project(0, 1).indicators == rows


# --------------------------------------------------------- findings follow the document
def places(panel, rule):
    return [(f.unit, f.project, f.number) for f in panel.findings() if f.rule == rule]


def test_findings_follow_undo_and_redo(panel):
    document = panel._document
    panel.stack.push(UpdateCommand(document, "project", {"budget_fiscal": Decimal("500.00")}, 0, 0))
    assert places(panel, "budget-sum") == [(0, 0, 1)]  # 500.00 + blank ≠ 564.00
    panel.stack.undo()
    assert places(panel, "budget-sum") == []
    panel.stack.redo()
    assert places(panel, "budget-sum") == [(0, 0, 1)]
    assert panel.model.index(0, 0).data() == "1. 2024年改制企业相关费用（3）"


def test_findings_follow_a_project_into_another_unit_and_back(panel):
    document = panel._document
    panel.stack.push(InsertCommand(document, "unit", 1, BudgetUnit(code="471002", name="抚宁区科学技术协会")))
    panel.stack.push(MoveProjectCommand(document, 0, 1, 1, 0))  # table 2 becomes the last, number 10
    assert places(panel, "cost-above-budget") == [(1, 0, 10)]
    assert places(panel, "plan-not-100") == [(0, 1, 2), (0, 3, 4), (0, 5, 6), (0, 7, 8), (0, 8, 9)]
    titles = group_titles(panel.model)
    assert titles[-1].startswith("10. 拨付邓庆久等人参照行政退休人员待遇资金（")
    seen = []
    panel.findingActivated.connect(lambda *args: seen.append(args))
    panel.activate(next(f for f in panel.findings() if f.rule == "cost-above-budget"))
    assert seen == [(1, 0, 6, "value")]
    panel.stack.undo()
    panel.stack.undo()
    assert places(panel, "cost-above-budget") == [(0, 1, 2)]
    assert places(panel, "plan-not-100") == [(0, 2, 3), (0, 4, 5), (0, 6, 7), (0, 8, 9), (0, 9, 10)]


def test_deleting_a_project_drops_its_findings_and_renumbers_the_rest(panel):
    document = panel._document
    panel.stack.push(RemoveCommand(document, "project", 1, 0))  # table 2 with its 30.75万元 cost
    assert places(panel, "cost-above-budget") == []
    assert [n for _, _, n in places(panel, "plan-not-100")] == [2, 4, 6, 8, 9]
    assert panel.error_count() == 5 and panel.model.rowCount() == 9
    panel.stack.undo()
    assert places(panel, "cost-above-budget") == [(0, 1, 2)]
    assert panel.error_count() == 6 and panel.model.rowCount() == 10


def test_a_fix_after_a_move_changes_the_moved_project(panel):
    document = panel._document
    panel.stack.push(MoveProjectCommand(document, 0, 2, 0, 0))  # table 3 (<p> goals) to the top
    finding = next(f for f in panel.findings() if f.rule == "markup" and f.item == 0)
    assert (finding.unit, finding.project, finding.number) == (0, 0, 1)
    assert panel.apply_fix(finding)
    assert document.project(0, 0).goals[0].startswith("抚宁区工业和信息化局负责")


# ------------------------------------------------------------------ rule data


def test_another_regions_rule_data_rechecks_the_document(panel, tmp_path):
    # 抚宁 2024 satisfaction targets: ≥90% in tables 1, 2, 6, 7; ≥95% in 3, 4, 5, 8, 9.
    path = region_file(tmp_path, id="qinhuangdao", name="秦皇岛市审核规则", satisfaction_floor="92")
    assert places(panel, "satisfaction-below-floor") == []
    with_signal = []
    panel.rulesChanged.connect(with_signal.append)
    assert panel.set_rules_file(str(path))
    assert with_signal == [str(path)]
    assert [n for _, _, n in places(panel, "satisfaction-below-floor")] == [1, 2, 6, 7]
    assert "秦皇岛市审核规则" in panel.status_label.text()
    assert panel.default_rules_action.isEnabled()
    panel.set_document(funing_2024.build(), QUndoStack())  # another file keeps the chosen rules
    assert [n for _, _, n in places(panel, "satisfaction-below-floor")] == [1, 2, 6, 7]
    panel.default_rules_action.trigger()
    assert with_signal == [str(path), ""]
    assert places(panel, "satisfaction-below-floor") == [] and panel.rules().id == "hebei"


def test_unreadable_rule_data_is_explained_and_the_rules_stay(panel, tmp_path, monkeypatch):
    path = region_file(tmp_path, satisfaction_floor="92")
    panel.set_rules_file(str(path))
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: told.append(text))
    assert panel.set_rules_file(str(broken)) is False
    assert len(told) == 1 and "不是有效的 JSON" in told[0] and "broken.json" in told[0]
    assert panel.rules_path() == str(path)
    assert [n for _, _, n in places(panel, "satisfaction-below-floor")] == [1, 2, 6, 7]


def test_rule_data_chosen_from_the_menu(panel, tmp_path, monkeypatch):
    path = region_file(tmp_path, satisfaction_floor="92")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), "*.json"))
    panel.choose_rules_action.trigger()
    assert panel.rules_path() == str(path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    assert panel.choose_rules_file() is False and panel.rules_path() == str(path)  # cancelled


def test_replacing_the_whole_contents_rechecks_and_undo_brings_the_old_findings(panel):
    document = panel._document
    panel.stack.push(ReplaceDocumentCommand(document, fengrun_2022.build(), "导入上年文本"))
    # 丰润 2022: "目标内容1" as the only goal of tables 1, 8, 9, 10.
    assert [(f.number, f.rule) for f in panel.findings() if f.severity is Severity.ERROR] == [
        (1, "goal-placeholder"), (8, "goal-placeholder"), (9, "goal-placeholder"), (10, "goal-placeholder")]
    assert group_titles(panel.model)[1] == "1. 优秀科技特派员奖励（2021年借款）（2）"
    panel.stack.undo()
    assert panel.error_count() == 6 and places(panel, "cost-above-budget") == [(0, 1, 2)]


# ------------------------------------------------------------ in the main window
def test_opening_another_file_shows_its_findings_only(qtbot, window, tmp_path):
    path = tmp_path / "丰润2022.xlsx"
    save_document(fengrun_2022.build(), path)
    old = window.document
    assert window.files.open(path) is True
    assert window.review.error_count() == 4
    assert window.errors_label.text() == "Review: 4 error(s)"
    assert group_titles(window.review.model)[:2] == ["Document (cover, Part 1, units)（2）",
                                                     "1. 优秀科技特派员奖励（2021年借款）（2）"]
    old.update_indicator(0, 1, 6, value="≤1.87万元")  # the closed document no longer counts
    assert not window.review._timer.isActive() and window.review.error_count() == 4


def test_the_window_remembers_the_rule_data(qtbot, window, tmp_path, answers):
    from perfdesk.ui.main_window import MainWindow

    path = region_file(tmp_path, name="秦皇岛市审核规则", satisfaction_floor="92")
    assert window.review.set_rules_file(str(path))
    assert window.settings.review_rules() == str(path)
    again = MainWindow()
    qtbot.addWidget(again)
    again.install(funing_2024.build(), None)
    assert again.review.rules_path() == str(path)
    assert [n for _, _, n in places(again.review, "satisfaction-below-floor")] == [1, 2, 6, 7]
    path.unlink()  # e.g. a network drive not there: the bundled rules, quietly; the choice is kept
    third = MainWindow()
    qtbot.addWidget(third)
    assert third.review.rules_path() == "" and answers.warnings == []
    assert third.settings.review_rules() == str(path)
