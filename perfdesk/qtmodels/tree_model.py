"""The department tree as a Qt item model: cover, Part 1, budget units and their projects.

Top-level rows are the cover (the document itself), 第一部分 and then one row per budget
unit; a unit's children are its projects, shown as ``3. 科技创新扶持资金  300.00`` with the
number they print with. The number is a position, not content, so it comes in its own role
(``NumberRole``; the tree's delegate puts it in front) and the display text is
``科技创新扶持资金  300.00``: inserting a project then changes no other row's text.

The model follows the document's change notifications with insert/remove/move/dataChanged
signals; an indicator edit never touches it. Renames and drops are pushed onto the undo
stack as commands.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QByteArray, QMimeData, QModelIndex, Qt
from PySide6.QtGui import QFont, QUndoCommand, QUndoStack

from perfdesk.model import Change, Document, ReviewStatus, format_amount
from perfdesk.undo import MoveCommand, MoveProjectCommand, UpdateCommand

ROW_DOCUMENT = 0
ROW_PART1 = 1
FIRST_UNIT_ROW = 2
MIME_TYPE = "application/x-perfdesk-tree-node"

KindRole = Qt.ItemDataRole.UserRole + 1      # "document" | "part1" | "unit" | "project"
LocationRole = Qt.ItemDataRole.UserRole + 2  # (unit index, project index), -1 where not applicable
NumberRole = Qt.ItemDataRole.UserRole + 3    # a project's printed number (1-based across the document)
AmountRole = Qt.ItemDataRole.UserRole + 4    # a project's 预算数 as printed ("300.00"), or None
ReviewRole = Qt.ItemDataRole.UserRole + 5    # a project's review status ("需修改", "已通过"), None if 未审

# Roles as plain ints (cheaper to compare than PySide6 enum members; data() runs per row per paint).
_DISPLAY, _EDIT, _TOOLTIP, _FONT = (int(role.value) for role in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.FontRole))
_HANDLED_ROLES = frozenset({_DISPLAY, _EDIT, _TOOLTIP, _FONT, KindRole, LocationRole, NumberRole, AmountRole,
                            ReviewRole})
_NODE_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE_NODE_FLAGS = (_NODE_FLAGS | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled
                        | Qt.ItemFlag.ItemIsDropEnabled)

_TOP = 0  # internalId of top-level rows; a project's internalId is its unit's stable key
_PROJECT_DISPLAY_FIELDS = {"name", "budget_total", "code", "review"}


_UNIT_LABEL = re.compile(r"(\d{6})\s*(\S.*)")


def unit_fields_typed(text: str) -> dict[str, str]:
    """The unit fields a name typed in the tree stands for.

    The tree shows a unit as ``112003 承德…科学技术协会``, so clerks type it that way when
    renaming: a leading six-digit unit code goes to the code, the rest to the name.
    """
    match = _UNIT_LABEL.fullmatch(text.strip())
    if match:
        return {"code": match.group(1), "name": match.group(2).strip()}
    return {"name": text}


class DocumentTreeModel(QAbstractItemModel):
    def __init__(self, document: Document, undo_stack: QUndoStack | None = None, parent=None) -> None:
        super().__init__(parent)
        self._document = document
        self._undo_stack = undo_stack
        # Each unit gets a key that survives moves, so a project index knows its parent
        # even after the units above it were reordered.
        self._keys: list[int] = []
        self._row_of_key: dict[int, int] = {}
        self._next_key = 1
        self._moving: list[bool] = []
        self._bold: QFont | None = None  # made at first use: a QFont needs the application
        self._reset_keys()
        document.subscribe(self._after, self._before)

    @property
    def document(self) -> Document:
        return self._document

    def detach(self) -> None:
        """Stop following the document (call before dropping the model)."""
        self._document.unsubscribe(self._after, self._before)

    # ---------------------------------------------------------------- locating
    def _reset_keys(self) -> None:
        self._keys = list(range(self._next_key, self._next_key + len(self._document.units)))
        self._next_key += len(self._keys)
        self._reindex_keys()

    def _reindex_keys(self) -> None:
        self._row_of_key = {key: row for row, key in enumerate(self._keys)}

    def node(self, index: QModelIndex) -> tuple[str, int, int]:
        """(kind, unit, project) of an index; kind is "" for the invisible root."""
        if not index.isValid():
            return "", -1, -1
        key = index.internalId()
        if key != _TOP:
            return "project", self._row_of_key[key], index.row()
        if index.row() == ROW_DOCUMENT:
            return "document", -1, -1
        if index.row() == ROW_PART1:
            return "part1", -1, -1
        return "unit", index.row() - FIRST_UNIT_ROW, -1

    def index_of(self, kind: str, unit: int = -1, project: int = -1) -> QModelIndex:
        """The index showing a node, or an invalid index if there is none."""
        if kind == "document":
            return self.index(ROW_DOCUMENT, 0)
        if kind == "part1":
            return self.index(ROW_PART1, 0)
        if kind == "unit":
            return self.index(FIRST_UNIT_ROW + unit, 0)
        if kind == "project":
            return self.index(project, 0, self.index(FIRST_UNIT_ROW + unit, 0))
        return QModelIndex()

    def _unit_index(self, unit: int) -> QModelIndex:
        return self.createIndex(FIRST_UNIT_ROW + unit, 0, _TOP)

    # ------------------------------------------------------- the model proper
    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP)
        return self.createIndex(row, column, self._keys[parent.row() - FIRST_UNIT_ROW])

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self._unit_index(self._row_of_key[index.internalId()])

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return FIRST_UNIT_ROW + len(self._document.units)
        if parent.column() != 0:
            return 0
        kind, unit, _ = self.node(parent)
        return len(self._document.units[unit].projects) if kind == "unit" else 0

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 1

    def data(self, index: QModelIndex, role: int = _DISPLAY) -> Any:
        if role not in _HANDLED_ROLES or not index.isValid():
            return None
        kind, unit, project = self.node(index)
        if role == _DISPLAY:
            return self._label(kind, unit, project)
        if role == NumberRole:
            return self._document.project_number(unit, project) if kind == "project" else None
        if role == AmountRole:
            if kind != "project":
                return None
            total = self._document.project(unit, project).budget_total
            return None if total is None else format_amount(total)
        if role == ReviewRole:
            if kind != "project":
                return None
            status = self._document.project(unit, project).review.status
            return None if status is ReviewStatus.UNREVIEWED else status.value
        if role == KindRole:
            return kind
        if role == LocationRole:
            return (unit, project)
        if role == _EDIT:
            if kind == "unit":
                return self._document.units[unit].name
            if kind == "project":
                return self._document.project(unit, project).name
            return None
        if role == _TOOLTIP:
            return self._tooltip(kind, unit, project)
        if role == _FONT and kind != "project":
            if self._bold is None:
                self._bold = QFont()
                self._bold.setBold(True)
            return self._bold
        return None

    def _label(self, kind: str, unit: int, project: int) -> str:
        if kind == "document":
            document = self._document
            return document.title if document.department else self.tr("Cover")
        if kind == "part1":
            return self.tr("Part 1: department-wide goals")
        if kind == "unit":
            budget_unit = self._document.units[unit]
            label = " ".join(part for part in (budget_unit.code, budget_unit.name) if part)
            return label or self.tr("(unnamed unit)")
        item = self._document.project(unit, project)
        label = item.name or self.tr("(unnamed project)")
        if item.budget_total is not None:
            label += f"  {format_amount(item.budget_total)}"
        return label

    def label(self, index: QModelIndex) -> str:
        """The text as the tree shows it, a project with its number: ``3. 科技创新扶持资金  300.00``."""
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        number = index.data(NumberRole)
        return f"{number}. {text}" if number is not None else text

    def _tooltip(self, kind: str, unit: int, project: int) -> str | None:
        if kind == "unit":
            return self._document.units[unit].label or None
        if kind == "project":
            item = self._document.project(unit, project)
            number = self._document.project_number(unit, project)
            budget = (self.tr("Budget: %1 (10,000 yuan)").replace("%1", format_amount(item.budget_total))
                      if item.budget_total is not None else "")
            review = item.review
            verdict = "" if review.is_empty else (
                self.tr("Review: %1").replace("%1", review.status.value) + (f"\n{review.comment}" if review.comment else ""))
            return "\n".join(text for text in (f"{number}.{item.title}", item.code, budget, verdict) if text)
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # units are reordered by dropping on the root
        if index.internalId() != _TOP or index.row() >= FIRST_UNIT_ROW:
            return _EDITABLE_NODE_FLAGS
        return _NODE_FLAGS

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        kind, unit, project = self.node(index)
        name = "" if value is None else str(value)
        if kind == "unit":
            fields = unit_fields_typed(name)
            current = self._document.units[unit]
            if all(getattr(current, field) == text for field, text in fields.items()):
                return False
            self.push(UpdateCommand(self._document, "unit", fields, index=unit, text="重命名预算单位"))
            return True
        if kind == "project":
            if name == self._document.project(unit, project).name:
                return False
            self.push(UpdateCommand(self._document, "project", {"name": name}, index=project, unit=unit,
                                    text="重命名项目"))
            return True
        return False

    def push(self, command: QUndoCommand) -> None:
        """Run a command through the undo stack (or directly when the model has none)."""
        if self._undo_stack is not None:
            self._undo_stack.push(command)
        else:
            command.redo()

    # ----------------------------------------------------------- drag and drop
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData | None:
        for index in indexes:
            kind, unit, project = self.node(index)
            if kind in ("unit", "project"):
                data = QMimeData()
                data.setData(MIME_TYPE, QByteArray(f"{kind}:{unit}:{project}".encode("ascii")))
                return data
        return None

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: QModelIndex) -> bool:
        return self._drop_command(data, action, row, parent) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: QModelIndex) -> bool:
        command = self._drop_command(data, action, row, parent)
        if command is None:
            return False
        self.push(command)
        # True tells the view the drop happened; it then asks removeRows() to delete the
        # source, which this model refuses: the command already moved it.
        return True

    def _drop_command(self, data: QMimeData, action: Qt.DropAction, row: int,
                      parent: QModelIndex) -> QUndoCommand | None:
        if action != Qt.DropAction.MoveAction or data is None or not data.hasFormat(MIME_TYPE):
            return None
        try:
            kind, unit_text, project_text = bytes(data.data(MIME_TYPE).data()).decode("ascii").split(":")
            unit, project = int(unit_text), int(project_text)
        except ValueError:
            return None
        units = self._document.units
        target_kind, target_unit, target_project = self.node(parent)
        if kind == "project":
            if not (0 <= unit < len(units) and 0 <= project < len(units[unit].projects)):
                return None
            if target_kind == "unit":
                to_unit = target_unit
                to_index = row if row >= 0 else len(units[to_unit].projects)
            elif target_kind == "project":
                to_unit, to_index = target_unit, target_project
            else:
                return None
            if to_unit == unit and to_index > project:
                to_index -= 1  # the document counts the landing place after removal
            if (to_unit, to_index) == (unit, project):
                return None
            return MoveProjectCommand(self._document, unit, project, to_unit, to_index)
        if kind == "unit":
            if not 0 <= unit < len(units):
                return None
            if target_kind == "":
                to_index = len(units) if row < 0 else max(row - FIRST_UNIT_ROW, 0)
            elif target_kind == "unit":
                to_index = target_unit
            else:
                return None
            if to_index > unit:
                to_index -= 1
            to_index = min(to_index, len(units) - 1)
            if to_index == unit:
                return None
            return MoveCommand(self._document, "unit", unit, to_index, text="移动预算单位")
        return None

    # ------------------------------------------------- following the document
    def _before(self, change: Change) -> None:
        target, action, index = change.target, change.action, change.index
        if target == "document" and action == "reset":
            self.beginResetModel()
        elif target == "unit":
            row = FIRST_UNIT_ROW + index if index is not None else -1
            if action == "inserted":
                self.beginInsertRows(QModelIndex(), row, row)
            elif action == "removed":
                self.beginRemoveRows(QModelIndex(), row, row)
            elif action == "moved":
                destination = FIRST_UNIT_ROW + change.to_index + (1 if change.to_index > index else 0)
                self._begin_move(QModelIndex(), row, QModelIndex(), destination)
        elif target == "project":
            parent = self._unit_index(change.unit) if change.unit is not None else QModelIndex()
            if action == "inserted":
                self.beginInsertRows(parent, index, index)
            elif action == "removed":
                self.beginRemoveRows(parent, index, index)
            elif action == "moved":
                if change.to_unit == change.unit:
                    destination = change.to_index + (1 if change.to_index > index else 0)
                    self._begin_move(parent, index, parent, destination)
                else:
                    self._begin_move(parent, index, self._unit_index(change.to_unit), change.to_index)

    def _begin_move(self, source: QModelIndex, row: int, destination: QModelIndex, to_row: int) -> None:
        moved = self.beginMoveRows(source, row, row, destination, to_row)
        if not moved:  # Qt refuses no-op moves; fall back to a layout change
            self.layoutAboutToBeChanged.emit()
        self._moving.append(moved)

    def _end_move(self) -> None:
        if self._moving.pop():
            self.endMoveRows()
        else:
            self.changePersistentIndexList(self.persistentIndexList(), self.persistentIndexList())
            self.layoutChanged.emit()

    def _after(self, change: Change) -> None:
        target, action, index = change.target, change.action, change.index
        if target == "document":
            if action == "reset":
                self._reset_keys()
                self.endResetModel()
            else:
                self._changed(self.index(ROW_DOCUMENT, 0))
        elif target == "unit":
            if action == "updated":
                self._changed(self._unit_index(index))
                return
            if action == "inserted":
                self._keys.insert(index, self._next_key)
                self._next_key += 1
                self._reindex_keys()
                self.endInsertRows()
                self._renumber(index, 0)
            elif action == "removed":
                del self._keys[index]
                self._reindex_keys()
                self.endRemoveRows()
                self._renumber(index, 0)
            elif action == "moved":
                self._keys.insert(change.to_index, self._keys.pop(index))
                self._reindex_keys()
                self._end_move()
                self._renumber(min(index, change.to_index), 0)
        elif target == "project":
            if action == "updated":
                if _PROJECT_DISPLAY_FIELDS & set(change.fields):
                    self._changed(self.index_of("project", change.unit, index))
                return
            if action == "inserted":
                self.endInsertRows()
                self._renumber(change.unit, index)
            elif action == "removed":
                self.endRemoveRows()
                self._renumber(change.unit, index)
            elif action == "moved":
                self._end_move()
                if change.to_unit == change.unit:
                    self._renumber(change.unit, min(index, change.to_index))
                else:
                    first = min((change.unit, index), (change.to_unit, change.to_index))
                    self._renumber(*first)

    def _changed(self, index: QModelIndex) -> None:
        if index.isValid():
            self.dataChanged.emit(index, index)

    def _renumber(self, unit: int, project: int) -> None:
        """Projects print numbered across the document: relabel from (unit, project) on."""
        units = self._document.units
        roles = [NumberRole, Qt.ItemDataRole.ToolTipRole]
        for u in range(unit, len(units)):
            start = project if u == unit else 0
            count = len(units[u].projects)
            if start < count:
                parent = self._unit_index(u)
                self.dataChanged.emit(self.index(start, 0, parent), self.index(count - 1, 0, parent), roles)


__all__ = ["AmountRole", "DocumentTreeModel", "KindRole", "LocationRole", "MIME_TYPE", "NumberRole"]
