"""The list models behind the editors pass Qt's model tester, also while the document changes;
and the interface language switches between Simplified Chinese and English."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from main_window_support import answers, settings_dir, window  # noqa: F401 - fixtures
from perfdesk.model import Measure, SubGoal
from perfdesk.model.numbering import chinese_number
from perfdesk.qtmodels.goals_model import GoalsModel, MeasuresModel, SubGoalsModel
from perfdesk.undo import InsertCommand, MoveCommand, RemoveCommand, ReplaceDocumentCommand, UpdateCommand


def test_goals_model_passes_the_model_tester_through_edits(qtmodeltester, document, undo_stack):
    model = GoalsModel(document, undo_stack, unit=0, project=0)
    qtmodeltester.check(model)
    undo_stack.push(InsertCommand(document, "goal", 1, "按时发放", unit=0, project=0))
    undo_stack.push(MoveCommand(document, "goal", 1, 0, unit=0, project=0))
    undo_stack.push(UpdateCommand(document, "goal", {"text": "足额发放"}, index=0, unit=0, project=0))
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["足额发放", "目标内容1"]
    assert [model.numbering(r) for r in range(2)] == ["1.", "2."]
    undo_stack.push(RemoveCommand(document, "goal", 0, unit=0, project=0))
    qtmodeltester.check(model)
    model.set_owner(0, 1)
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_part1_models_pass_the_model_tester(qtmodeltester, document, undo_stack):
    sub_goals, measures = SubGoalsModel(document, undo_stack), MeasuresModel(document, undo_stack)
    for n in range(3):
        undo_stack.push(InsertCommand(document, "sub_goal", n, SubGoal(title=f"目标{n + 1}")))
        undo_stack.push(InsertCommand(document, "measure", n, Measure(text=f"措施{n + 1}\n说明")))
    assert sub_goals.index(2, 0).data() == "目标3" and sub_goals.numbering(2) == "（三）"
    assert measures.index(0, 0).data() == "措施1" and measures.numbering(0) == "一、"
    qtmodeltester.check(sub_goals)
    qtmodeltester.check(measures)
    undo_stack.push(MoveCommand(document, "sub_goal", 0, 2))
    assert sub_goals.index(2, 0).data() == "目标1"
    qtmodeltester.check(sub_goals)


def test_replacing_the_document_resets_the_models(qtmodeltester, document, undo_stack):
    model = GoalsModel(document, undo_stack, unit=0, project=0)
    other = document.model_copy(deep=True)
    other.units[0].projects[0].goals = ["甲", "乙"]
    undo_stack.push(ReplaceDocumentCommand(document, other))
    assert model.rowCount() == 2 and not undo_stack.isClean()
    undo_stack.undo()
    assert model.rowCount() == 1 and undo_stack.isClean()
    qtmodeltester.check(model)


def test_chinese_numbers():
    assert [chinese_number(n) for n in (1, 9, 10, 11, 20, 23)] == ["一", "九", "十", "十一", "二十", "二十三"]


def test_interface_is_chinese_by_default_and_english_on_request(qtbot, window):
    from perfdesk.ui.app import set_language

    app = QApplication.instance()
    try:
        set_language(app, None)
        assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
        assert QCoreApplication.translate("ProjectEditor", "Spending plan (%):") == "资金支出计划（%）："
        # Qt's own dialogs come in Chinese too (qtbase_zh_CN): the standard "Cancel" button.
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
        set_language(app, "en")
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    finally:
        set_language(app, "en")


def test_every_string_of_the_window_is_translated():
    """The committed translation (made by tools/translations.py) leaves none of the window's strings in English."""
    from pathlib import Path
    import xml.etree.ElementTree as ET

    ts = Path(__file__).resolve().parents[2] / "resources" / "translations" / "perfdesk_zh_CN.ts"
    mine = {"MainWindow", "ProjectEditor", "CoverEditor", "UnitEditor", "Part1Editor", "_ListPane", "FileActions",
            "FontSettingsDialog", "PrintPreviewDialog"}
    untranslated = [
        (context.findtext("name"), message.findtext("source"))
        for context in ET.parse(ts).getroot().iter("context") if context.findtext("name") in mine
        for message in context.iter("message")
        if message.find("translation").get("type") == "unfinished"
    ]
    assert untranslated == []


def test_every_tr_string_in_the_sources_has_a_chinese_translation():
    """Every literal given to tr() in perfdesk/ui and perfdesk/qtmodels reached the translation
    finished: lupdate skips a tr() written inside an f-string, which then showed in English."""
    import ast
    import re
    import xml.etree.ElementTree as ET
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    literal = re.compile(r"""\btr\(\s*("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')\s*[,)]""")
    used = {ast.literal_eval(match.group(1))
            for folder in ("ui", "qtmodels") for path in sorted((root / "perfdesk" / folder).rglob("*.py"))
            for match in literal.finditer(path.read_text("utf-8"))}
    ts = ET.parse(root / "resources" / "translations" / "perfdesk_zh_CN.ts").getroot()
    translated = {message.findtext("source") for message in ts.iter("message")
                  if message.find("translation").get("type") not in ("unfinished", "obsolete", "vanished")}
    assert len(used) > 200
    assert sorted(used - translated) == []
