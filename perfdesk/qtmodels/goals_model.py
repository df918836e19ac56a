"""List models over the short ordered lists of the document: a project's goals (绩效目标),
Part 1's sub-goals (分项绩效目标) and measures (工作保障措施).

The document stores no numbering; ``numbering(row)`` gives the prefix the printed text carries
("1." for goals, "（一）" for sub-goals, "一、" for measures) for the view's delegate to paint, so
that the data of a row stays the same when rows above it come and go. Editing a goal pushes an
UpdateCommand; the models follow the document's change events, so undo shows immediately.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QUndoStack

from perfdesk.model import Change, Document
from perfdesk.model.numbering import bracketed, ordinal
from perfdesk.undo import UpdateCommand



class _DocumentListModel(QAbstractListModel):
    """A list model over one list of the document named by (target, unit, project)."""

    target = ""

    def __init__(self, document: Document, undo_stack: QUndoStack, unit: int | None = None,
                 project: int | None = None, parent=None) -> None:
        super().__init__(parent)
        self.document, self.undo_stack = document, undo_stack
        self.unit, self.project = unit, project
        document.subscribe(self._after, self._before)

    def detach(self) -> None:
        """Stop following the document (the window is about to show another one)."""
        self.document.unsubscribe(self._after, self._before)

    def items(self) -> list:
        try:
            return self.document._list(self.target, self.unit, self.project)
        except (IndexError, TypeError):
            return []

    def set_owner(self, unit: int | None, project: int | None) -> None:
        if (unit, project) == (self.unit, self.project):
            return
        self.beginResetModel()
        self.unit, self.project = unit, project
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.items())

    def display(self, item: Any) -> str:
        raise NotImplementedError

    def numbering(self, row: int) -> str:
        raise NotImplementedError

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        items = self.items()
        if not index.isValid() or not 0 <= index.row() < len(items):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.display(items[index.row()])
        return None

    # --------------------------------------------------------- document events
    def _mine(self, change: Change) -> bool:
        return change.target == self.target and change.unit == self.unit and change.project == self.project

    def _before(self, change: Change) -> None:
        if change.action == "reset" or (change.target in ("unit", "project") and change.action != "updated"):
            self.beginResetModel()
            return
        if not self._mine(change):
            return
        if change.action == "inserted":
            self.beginInsertRows(QModelIndex(), change.index, change.index)
        elif change.action == "removed":
            self.beginRemoveRows(QModelIndex(), change.index, change.index)
        elif change.action == "moved":
            # Qt counts the destination before the row leaves; the document after.
            dest = change.to_index + 1 if change.to_index > change.index else change.to_index
            self.beginMoveRows(QModelIndex(), change.index, change.index, QModelIndex(), dest)

    def _after(self, change: Change) -> None:
        if change.action == "reset" or (change.target in ("unit", "project") and change.action != "updated"):
            self.endResetModel()
            return
        if change.target == "project" and change.unit == self.unit and change.index == self.project:
            if "goals" in change.fields:
                self.beginResetModel()
                self.endResetModel()
            return
        if not self._mine(change):
            return
        if change.action == "inserted":
            self.endInsertRows()
        elif change.action == "removed":
            self.endRemoveRows()
        elif change.action == "moved":
            self.endMoveRows()
        elif change.action == "updated":
            # Numbering of the rows below does not change on an update: one row is enough.
            index = self.index(change.index, 0)
            self.dataChanged.emit(index, index)


class GoalsModel(_DocumentListModel):
    """A project's 绩效目标, one per row, editable in place (EditRole is the bare text)."""

    target = "goal"

    def display(self, item: str) -> str:
        return item

    def numbering(self, row: int) -> str:
        return f"{row + 1}."

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole:
            items = self.items()
            if index.isValid() and 0 <= index.row() < len(items):
                return items[index.row()]
            return None
        return super().data(index, role)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.row() >= len(self.items()):
            return False
        text = str(value).strip()
        if text == self.items()[index.row()]:
            return False
        self.undo_stack.push(UpdateCommand(self.document, "goal", {"text": text}, index=index.row(),
                                           unit=self.unit, project=self.project))
        return True


class SubGoalsModel(_DocumentListModel):
    """Part 1's 分项绩效目标 titles as printed: （一）<title>."""

    target = "sub_goal"

    def display(self, item: Any) -> str:
        return item.title

    def numbering(self, row: int) -> str:
        return bracketed(row + 1)


class MeasuresModel(_DocumentListModel):
    """Part 1's 工作保障措施 as printed: 一、<text>."""

    target = "measure"

    def display(self, item: Any) -> str:
        return item.text.splitlines()[0] if item.text else ""

    def numbering(self, row: int) -> str:
        return ordinal(row + 1)
