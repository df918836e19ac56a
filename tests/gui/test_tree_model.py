"""DocumentTreeModel: what the department tree shows and how it follows the document."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from perfdesk.model import BudgetUnit, Indicator, Project
from perfdesk.qtmodels.tree_model import MIME_TYPE, DocumentTreeModel, KindRole, LocationRole, NumberRole
from perfdesk.undo import InsertCommand, MoveCommand, MoveProjectCommand, RemoveCommand, UpdateCommand

DISPLAY = Qt.ItemDataRole.DisplayRole


def labels(model: DocumentTreeModel) -> list[str]:
    out = []
    for row in range(model.rowCount()):
        top = model.index(row, 0)
        out.append(model.label(top))
        out.extend("  " + model.label(model.index(r, 0, top)) for r in range(model.rowCount(top)))
    return out


def test_tree_shows_cover_part1_units_and_numbered_projects(document):
    model = DocumentTreeModel(document)
    assert labels(model) == [
        "唐山市丰润区科学技术局2022年部门预算绩效文本",
        "Part 1: department-wide goals",
        "339003 唐山市丰润区科学技术局",
        "  1. 优秀科技特派员奖励（2021年借款）  1.00",
        "  2. 科技创新扶持资金  300.00",
        "339004 唐山市丰润区科学技术协会",
        "  3. 科普活动经费  12.50",
    ]
    project = model.index_of("project", 1, 0)
    assert project.data(KindRole) == "project"
    assert project.data(LocationRole) == (1, 0)
    assert project.data(NumberRole) == 3
    assert project.data(DISPLAY) == "科普活动经费  12.50"
    assert project.data(Qt.ItemDataRole.EditRole) == "科普活动经费"
    assert model.node(model.index_of("part1")) == ("part1", -1, -1)


def test_model_passes_qt_model_tester_through_edits(qtmodeltester, document):
    model = DocumentTreeModel(document)
    qtmodeltester.check(model)
    # The tester stays connected and checks every signal of the edits below.
    document.insert_unit(1, BudgetUnit(code="339005", name="新单位"))
    document.move_project(0, 0, 1, 0)
    document.move_project(1, 0, 0, 1)
    document.move_unit(2, 0)
    document.remove_unit(1)
    qtmodeltester.check(model)


def test_project_without_amount_or_name_still_reads(document):
    document.insert_project(1, 1, Project())
    model = DocumentTreeModel(document)
    assert model.label(model.index_of("project", 1, 1)) == "4. (unnamed project)"


def test_indicator_edit_leaves_tree_alone(qtbot, document):
    model = DocumentTreeModel(document)
    signals = []
    for signal in (model.modelReset, model.dataChanged, model.rowsInserted, model.layoutChanged):
        signal.connect(lambda *args, s=signal: signals.append(s))
    document.update_indicator(0, 0, 0, value="≥6人")
    document.insert_indicator(0, 0, 0, Indicator(level3="新指标"))
    assert signals == []


def test_inserting_a_project_inserts_one_row_and_renumbers_later_ones(qtbot, document):
    model = DocumentTreeModel(document)
    resets = []
    model.modelReset.connect(lambda: resets.append(True))
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        document.insert_project(0, 0, Project(name="新项目", budget_total="5"))
    parent, first, last = inserted.args
    assert (parent.row(), first, last) == (2, 0, 0)
    assert resets == []
    assert model.label(model.index_of("project", 0, 0)) == "1. 新项目  5.00"
    assert model.label(model.index_of("project", 1, 0)) == "4. 科普活动经费  12.50"


def test_moving_a_project_to_another_unit_moves_its_row(qtbot, document):
    model = DocumentTreeModel(document)
    persistent = QPersistentModelIndex(model.index_of("project", 0, 1))
    with qtbot.waitSignal(model.rowsMoved):
        document.move_project(0, 1, 1, 1)
    assert persistent.parent().row() == 3 and persistent.row() == 1
    assert model.label(QModelIndex(persistent)) == "3. 科技创新扶持资金  300.00"
    assert model.label(model.index_of("project", 1, 0)) == "2. 科普活动经费  12.50"


def test_projects_keep_their_parent_when_units_are_reordered(document):
    model = DocumentTreeModel(document)
    persistent = QPersistentModelIndex(model.index_of("project", 1, 0))
    document.move_unit(1, 0)
    assert persistent.parent().row() == 2
    assert model.node(QModelIndex(persistent)) == ("project", 0, 0)
    assert model.label(QModelIndex(persistent)) == "1. 科普活动经费  12.50"


def test_renaming_in_place_is_one_undoable_command(qtbot, document, undo_stack):
    model = DocumentTreeModel(document, undo_stack)
    index = model.index_of("project", 0, 1)
    assert model.setData(index, "科技创新扶持资金（2022年）")
    assert document.units[0].projects[1].name == "科技创新扶持资金（2022年）"
    assert model.label(index) == "2. 科技创新扶持资金（2022年）  300.00"
    assert not model.setData(index, "科技创新扶持资金（2022年）")  # unchanged: no empty step
    assert undo_stack.count() == 1
    undo_stack.undo()
    assert model.label(index) == "2. 科技创新扶持资金  300.00"
    assert model.setData(model.index_of("unit", 1), "丰润区科协")
    assert model.label(model.index_of("unit", 1)) == "339004 丰润区科协"
    assert not model.flags(model.index_of("part1")) & Qt.ItemFlag.ItemIsEditable


def test_amount_change_relabels_the_project(document):
    model = DocumentTreeModel(document)
    document.update_project(0, 1, budget_total=Decimal("280.5"))
    assert model.label(model.index_of("project", 0, 1)) == "2. 科技创新扶持资金  280.50"
    document.update(department="丰润区科技局")
    assert model.label(model.index_of("document")) == "丰润区科技局2022年部门预算绩效文本"


def drop(model, node_index, row, parent):
    data = model.mimeData([node_index])
    assert data.hasFormat(MIME_TYPE)
    if not model.canDropMimeData(data, Qt.DropAction.MoveAction, row, 0, parent):
        return False
    return model.dropMimeData(data, Qt.DropAction.MoveAction, row, 0, parent)


def test_drop_project_between_projects_of_another_unit(document, undo_stack):
    model = DocumentTreeModel(document, undo_stack)
    assert drop(model, model.index_of("project", 0, 0), 0, model.index_of("unit", 1))
    assert [p.name for p in document.units[1].projects] == ["优秀科技特派员奖励（2021年借款）", "科普活动经费"]
    assert isinstance(undo_stack.command(0), MoveProjectCommand)
    undo_stack.undo()
    assert [p.name for p in document.units[0].projects][0] == "优秀科技特派员奖励（2021年借款）"


def test_drop_project_below_its_own_position_and_onto_unit(document, undo_stack):
    model = DocumentTreeModel(document, undo_stack)
    # Dropped between projects 2 and the end of its own unit: it lands last.
    assert drop(model, model.index_of("project", 0, 0), 2, model.index_of("unit", 0))
    assert [p.name for p in document.units[0].projects] == ["科技创新扶持资金", "优秀科技特派员奖励（2021年借款）"]
    # Dropped onto a unit: appended to it.
    assert drop(model, model.index_of("project", 0, 0), -1, model.index_of("unit", 1))
    assert [p.name for p in document.units[1].projects] == ["科普活动经费", "科技创新扶持资金"]
    # Dropped where it already is: nothing to do, nothing on the stack.
    count = undo_stack.count()
    assert not drop(model, model.index_of("project", 0, 0), 0, model.index_of("unit", 0))
    assert undo_stack.count() == count


def test_units_reorder_by_drop_and_refuse_odd_places(document, undo_stack):
    model = DocumentTreeModel(document, undo_stack)
    assert drop(model, model.index_of("unit", 1), 2, QModelIndex())
    assert [u.code for u in document.units] == ["339004", "339003"]
    assert isinstance(undo_stack.command(0), MoveCommand)
    # A unit cannot go inside a unit, nor a project onto the cover.
    assert not drop(model, model.index_of("unit", 0), 0, model.index_of("unit", 1))
    assert not drop(model, model.index_of("project", 1, 0), -1, model.index_of("document"))
    assert model.mimeData([model.index_of("part1")]) is None


def test_tree_follows_undo_of_structural_commands(qtmodeltester, document, undo_stack):
    model = DocumentTreeModel(document, undo_stack)
    qtmodeltester.check(model)
    undo_stack.push(RemoveCommand(document, "unit", 0))
    assert labels(model)[2:] == ["339004 唐山市丰润区科学技术协会", "  1. 科普活动经费  12.50"]
    undo_stack.push(InsertCommand(document, "project", 0, Project(name="甲"), unit=0))
    undo_stack.push(UpdateCommand(document, "project", {"name": "乙"}, index=0, unit=0))
    while undo_stack.canUndo():
        undo_stack.undo()
    assert labels(model) == labels(DocumentTreeModel(document))
    assert model.rowCount(model.index_of("unit", 0)) == 2
