"""The department tree: the document's outline (cover, Part 1, units, projects) for navigation.

Selecting a node emits ``nodeSelected(kind, unit, project)``; the main window shows the
matching editor. The tree also edits the outline: add, delete (after asking), rename
inline (F2), move up/down (Ctrl+Up/Down, a project crossing into the neighbouring unit at
the ends), duplicate a project, move a project to another unit, and drag and drop. Every
edit is one undo command. The actions are public so the main window can put them in menus.

``set_filter(text)`` shows only the projects a search text finds
(:mod:`perfdesk.qtmodels.project_filter`), their units expanded, by hiding the other rows
(no proxy model: indexes, selection, drag and drop and ``select_node`` stay as they are). The
filter follows the document while it is on: renames, moves, undo. A row that appears while
filtering (an added or duplicated project, a deletion undone) shows until the text changes,
so that the clerk sees what was just added.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QMenu, QMessageBox, QTreeView, QWidget

from perfdesk.model import BudgetUnit, Document, Project
from perfdesk.qtmodels.project_filter import matching_projects, search_key, unit_matches
from perfdesk.qtmodels.tree_model import FIRST_UNIT_ROW, ROW_DOCUMENT, ROW_PART1, DocumentTreeModel
from perfdesk.ui.delegates import NumberedNodeDelegate
from perfdesk.undo import DuplicateProjectCommand, InsertCommand, MoveCommand, MoveProjectCommand, RemoveCommand


_TEXT_ROLES = frozenset({int(Qt.ItemDataRole.DisplayRole.value), int(Qt.ItemDataRole.EditRole.value)})


class DepartmentTree(QTreeView):
    nodeSelected = Signal(str, int, int)
    filterApplied = Signal(int)  # projects the filter finds, after each filtering; -1 with no filter

    def __init__(self, document: Document, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("departmentTree")
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)  # keeps a 300-project tree quick to lay out
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setItemDelegate(NumberedNodeDelegate(self))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._show_context_menu)

        self.add_unit_action = self._action(self.tr("Add budget unit"), self.add_unit)
        self.add_project_action = self._action(self.tr("Add project"), self.add_project, "Ins")
        self.delete_action = self._action(self.tr("Delete…"), self.delete_current, QKeySequence.StandardKey.Delete)
        self.rename_action = self._action(self.tr("Rename"), self.rename_current, "F2")
        self.move_up_action = self._action(self.tr("Move up"), self.move_up, "Ctrl+Up")
        self.move_down_action = self._action(self.tr("Move down"), self.move_down, "Ctrl+Down")
        self.duplicate_action = self._action(self.tr("Duplicate project"), self.duplicate_project, "Ctrl+D")
        self.move_to_unit_menu = QMenu(self.tr("Move to unit"), self)
        self.move_to_unit_menu.aboutToShow.connect(self._fill_move_to_unit_menu)

        self._model: DocumentTreeModel | None = None
        self._filter = ""
        self._filter_key = ""
        self._shown_anyway: list[QPersistentModelIndex] = []  # rows that appeared while filtering
        self.set_document(document, undo_stack)

    def _action(self, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            # Only while the tree has focus: the indicator grid uses Ctrl+Up/Down and Delete too.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # ------------------------------------------------------------------ public
    def set_document(self, document: Document, undo_stack: QUndoStack) -> None:
        old = self._model
        self.document, self.undo_stack = document, undo_stack
        self._model = DocumentTreeModel(document, undo_stack, self)
        self.setModel(self._model)
        self.selectionModel().currentChanged.connect(self._current_changed)
        for signal in (self._model.rowsInserted, self._model.rowsRemoved, self._model.rowsMoved,
                       self._model.modelReset):
            signal.connect(self._update_actions)
        self._model.modelReset.connect(self.expandAll)  # a replaced document shows its projects
        self._model.rowsInserted.connect(self._rows_appeared)
        for signal in (self._model.rowsRemoved, self._model.rowsMoved, self._model.modelReset,
                       self._model.layoutChanged):
            signal.connect(self._refilter)
        self._model.dataChanged.connect(self._data_changed)
        if old is not None:
            old.detach()
            old.deleteLater()
        self.expandAll()
        self._update_actions()
        self._shown_anyway.clear()
        if self._filter_key:
            self._apply_filter()

    def tree_model(self) -> DocumentTreeModel:
        return self._model

    def current_node(self) -> tuple[str, int, int]:
        return self._model.node(self.currentIndex())

    def select_node(self, kind: str, unit: int = -1, project: int = -1) -> None:
        index = self._model.index_of(kind, unit, project)
        if index.isValid():
            if self._filter_key and self._hidden(index):
                # A finding or a command went to a project the filter hides: show it anyway.
                self._shown_anyway.append(QPersistentModelIndex(index))
                self._apply_filter()
            self.setCurrentIndex(index)
            self.scrollTo(index)

    # ---------------------------------------------------------------- filter
    def set_filter(self, text: str) -> None:
        """Show only the projects ``text`` finds (and their units); empty text shows everything."""
        self._filter = text or ""
        self._filter_key = search_key(self._filter)
        self._shown_anyway.clear()
        self._apply_filter()
        if not self._filter_key and self.currentIndex().isValid():
            self.scrollTo(self.currentIndex())  # back to the whole tree: where the clerk is

    def filter_text(self) -> str:
        return self._filter

    def visible_projects(self) -> list[tuple[int, int]]:
        """(unit, project) of the projects the tree shows, top to bottom."""
        model, root = self._model, QModelIndex()
        shown: list[tuple[int, int]] = []
        for u, unit in enumerate(self.document.units):
            if self.isRowHidden(FIRST_UNIT_ROW + u, root):
                continue
            parent = model.index(FIRST_UNIT_ROW + u, 0)
            shown.extend((u, p) for p in range(len(unit.projects)) if not self.isRowHidden(p, parent))
        return shown

    def _apply_filter(self) -> None:
        model, root, units = self._model, QModelIndex(), self.document.units
        key = self._filter_key
        if not key:
            for row in range(model.rowCount()):
                self._show_row(row, root, True)
                if row >= FIRST_UNIT_ROW:
                    parent = model.index(row, 0)
                    for project in range(model.rowCount(parent)):
                        self._show_row(project, parent, True)
            self.filterApplied.emit(-1)
            return
        found = matching_projects(self.document, self._filter)
        by_unit: dict[int, set[int]] = {}
        for u, p in found:
            by_unit.setdefault(u, set()).add(p)
        forced_units: set[int] = set(unit_matches(self.document, self._filter))
        self._shown_anyway = [index for index in self._shown_anyway if index.isValid()]
        for index in self._shown_anyway:
            kind, u, p = model.node(model.index(index.row(), 0, index.parent()))
            if kind == "unit":
                forced_units.add(u)
            elif kind == "project":
                by_unit.setdefault(u, set()).add(p)
        for row in (ROW_DOCUMENT, ROW_PART1):
            self._show_row(row, root, key in search_key(model.index(row, 0).data()))
        for u, unit in enumerate(units):
            parent = model.index(FIRST_UNIT_ROW + u, 0)
            whole = u in forced_units
            rows = by_unit.get(u, ())
            self._show_row(FIRST_UNIT_ROW + u, root, whole or bool(rows))
            for p in range(len(unit.projects)):
                self._show_row(p, parent, whole or p in rows)
            if (whole or rows) and not self.isExpanded(parent):
                self.expand(parent)
        self.filterApplied.emit(len(found))

    def _hidden(self, index: QModelIndex) -> bool:
        while index.isValid():
            if self.isRowHidden(index.row(), index.parent()):
                return True
            index = index.parent()
        return False

    def _show_row(self, row: int, parent: QModelIndex, show: bool) -> None:
        if self.isRowHidden(row, parent) == show:
            self.setRowHidden(row, parent, not show)

    def _rows_appeared(self, parent: QModelIndex, first: int, last: int) -> None:
        if self._filter_key:
            self._shown_anyway.extend(QPersistentModelIndex(self._model.index(row, 0, parent))
                                      for row in range(first, last + 1))
            self._apply_filter()

    def _refilter(self, *_: object) -> None:
        if self._filter_key:
            self._apply_filter()

    def _data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles=()) -> None:
        # A rename or a new 项目编码 can change what the filter finds; a renumbering cannot
        # (the rows moved, and that has re-filtered already).
        if self._filter_key and (not roles or any(int(getattr(r, "value", r)) in _TEXT_ROLES for r in roles)):
            self._apply_filter()

    # ---------------------------------------------------------------- signals
    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._update_actions()
        kind, unit, project = self._model.node(current)
        if kind:
            self.nodeSelected.emit(kind, unit, project)

    def rowsInserted(self, parent: QModelIndex, first: int, last: int) -> None:  # noqa: N802 - Qt's name
        super().rowsInserted(parent, first, last)
        if not parent.isValid():
            for row in range(first, last + 1):  # a new or restored unit shows its projects
                self.expand(self._model.index(row, 0))

    def _update_actions(self, *_: object) -> None:
        kind, unit, project = self.current_node()
        units = self.document.units
        is_unit, is_project = kind == "unit", kind == "project"
        self.add_project_action.setEnabled(bool(units))
        self.delete_action.setEnabled(is_unit or is_project)
        self.rename_action.setEnabled(is_unit or is_project)
        self.duplicate_action.setEnabled(is_project)
        self.move_to_unit_menu.setEnabled(is_project and len(units) > 1)
        if is_unit:
            self.move_up_action.setEnabled(unit > 0)
            self.move_down_action.setEnabled(unit < len(units) - 1)
        elif is_project:
            self.move_up_action.setEnabled(project > 0 or unit > 0)
            self.move_down_action.setEnabled(project < len(units[unit].projects) - 1 or unit < len(units) - 1)
        else:
            self.move_up_action.setEnabled(False)
            self.move_down_action.setEnabled(False)

    def _show_context_menu(self, point: QPoint) -> None:
        index = self.indexAt(point)
        if index.isValid():
            self.setCurrentIndex(index)
        menu = self.build_context_menu()
        menu.exec(self.viewport().mapToGlobal(point))

    def build_context_menu(self) -> QMenu:
        """The context menu for the current node (built fresh, so it matches the node)."""
        menu = QMenu(self)
        kind = self.current_node()[0]
        menu.addAction(self.add_unit_action)
        menu.addAction(self.add_project_action)
        if kind in ("unit", "project"):
            menu.addSeparator()
            menu.addAction(self.rename_action)
            if kind == "project":
                menu.addAction(self.duplicate_action)
                menu.addMenu(self.move_to_unit_menu)
            menu.addAction(self.move_up_action)
            menu.addAction(self.move_down_action)
            menu.addSeparator()
            menu.addAction(self.delete_action)
        return menu

    def _fill_move_to_unit_menu(self) -> None:
        self.move_to_unit_menu.clear()
        kind, unit, project = self.current_node()
        if kind != "project":
            return
        for target, budget_unit in enumerate(self.document.units):
            if target == unit:
                continue
            label = " ".join(part for part in (budget_unit.code, budget_unit.name) if part) or str(target + 1)
            action = self.move_to_unit_menu.addAction(label)
            action.triggered.connect(lambda _=False, to=target: self.move_project_to_unit(to))

    # ---------------------------------------------------------------- edits
    def add_unit(self) -> None:
        kind, unit, _ = self.current_node()
        at = unit + 1 if kind in ("unit", "project") else len(self.document.units)
        self.undo_stack.push(InsertCommand(self.document, "unit", at, BudgetUnit(name=self.tr("New budget unit")),
                                           text="添加预算单位"))
        self.select_node("unit", at)
        self.edit(self.currentIndex())

    def add_project(self) -> None:
        kind, unit, project = self.current_node()
        if not self.document.units:
            return
        if kind == "project":
            at = project + 1
        else:
            unit = unit if kind == "unit" else len(self.document.units) - 1
            at = len(self.document.units[unit].projects)
        self.undo_stack.push(InsertCommand(self.document, "project", at, Project(name=self.tr("New project")),
                                           unit=unit, text="添加项目"))
        self.select_node("project", unit, at)
        self.edit(self.currentIndex())

    def delete_current(self) -> None:
        kind, unit, project = self.current_node()
        if kind == "unit":
            budget_unit = self.document.units[unit]
            name = budget_unit.label or self.tr("(unnamed unit)")
            question = self.tr("Delete the budget unit “%1” and its %2 projects?").replace(
                "%1", name).replace("%2", str(len(budget_unit.projects)))
        elif kind == "project":
            item = self.document.project(unit, project)
            question = self.tr("Delete the project “%1”?").replace("%1", item.name or self.tr("(unnamed project)"))
        else:
            return
        answer = QMessageBox.question(self, self.tr("Delete"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        if kind == "unit":
            self.undo_stack.push(RemoveCommand(self.document, "unit", unit, text="删除预算单位"))
        else:
            self.undo_stack.push(RemoveCommand(self.document, "project", project, unit=unit, text="删除项目"))

    def rename_current(self) -> None:
        if self.current_node()[0] in ("unit", "project"):
            self.edit(self.currentIndex())

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(1)

    def _move(self, step: int) -> None:
        kind, unit, project = self.current_node()
        units = self.document.units
        if kind == "unit":
            if 0 <= unit + step < len(units):
                self.undo_stack.push(MoveCommand(self.document, "unit", unit, unit + step, text="移动预算单位"))
                self.select_node("unit", unit + step)
            return
        if kind != "project":
            return
        to_unit, to_index = unit, project + step
        if to_index < 0:  # past the top of its unit: to the end of the unit above
            if unit == 0:
                return
            to_unit, to_index = unit - 1, len(units[unit - 1].projects)
        elif to_index >= len(units[unit].projects):  # past the bottom: to the top of the next
            if unit == len(units) - 1:
                return
            to_unit, to_index = unit + 1, 0
        self.undo_stack.push(MoveProjectCommand(self.document, unit, project, to_unit, to_index))
        self.select_node("project", to_unit, to_index)

    def duplicate_project(self) -> None:
        kind, unit, project = self.current_node()
        if kind != "project":
            return
        command = DuplicateProjectCommand(self.document, unit, project)
        self.undo_stack.push(command)
        self.select_node("project", unit, command.new_index)

    def move_project_to_unit(self, to_unit: int) -> None:
        """Move the current project to the end of another unit."""
        kind, unit, project = self.current_node()
        if kind != "project" or to_unit == unit or not 0 <= to_unit < len(self.document.units):
            return
        to_index = len(self.document.units[to_unit].projects)
        self.undo_stack.push(MoveProjectCommand(self.document, unit, project, to_unit, to_index))
        self.select_node("project", to_unit, to_index)
