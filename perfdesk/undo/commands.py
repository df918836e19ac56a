"""The undo commands. Each calls only :class:`~perfdesk.model.Document` mutators.

``target`` is the kind of item as in :class:`perfdesk.model.Change` (unit, project, goal,
indicator, sub_goal, measure, part1, document); ``unit``/``project`` locate the owner.
Several edits that form one user action (a paste of rows) go in ``QUndoStack.beginMacro``.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtGui import QUndoCommand

from perfdesk.model import Document

_NAMES = {
    "document": "封面", "part1": "第一部分", "sub_goal": "分项绩效目标", "measure": "保障措施",
    "unit": "预算单位", "project": "项目", "goal": "绩效目标", "indicator": "绩效指标",
}


def _name(target: str) -> str:
    return _NAMES.get(target, target)


class InsertCommand(QUndoCommand):
    def __init__(self, document: Document, target: str, index: int, item: Any,
                 unit: int | None = None, project: int | None = None, text: str | None = None) -> None:
        super().__init__(text or f"添加{_name(target)}")
        self.document, self.target, self.index, self.unit, self.project = document, target, index, unit, project
        self.item = item

    def redo(self) -> None:
        # A copy goes in, so that redo after undo never shares an object with the stack.
        self.document.insert_item(self.target, self.index, copy.deepcopy(self.item), self.unit, self.project)

    def undo(self) -> None:
        self.document.remove_item(self.target, self.index, self.unit, self.project)


class RemoveCommand(QUndoCommand):
    def __init__(self, document: Document, target: str, index: int,
                 unit: int | None = None, project: int | None = None, text: str | None = None) -> None:
        super().__init__(text or f"删除{_name(target)}")
        self.document, self.target, self.index, self.unit, self.project = document, target, index, unit, project
        self.item: Any = None

    def redo(self) -> None:
        self.item = self.document.remove_item(self.target, self.index, self.unit, self.project)

    def undo(self) -> None:
        self.document.insert_item(self.target, self.index, self.item, self.unit, self.project)


class MoveCommand(QUndoCommand):
    def __init__(self, document: Document, target: str, index: int, to_index: int,
                 unit: int | None = None, project: int | None = None, text: str | None = None) -> None:
        super().__init__(text or f"移动{_name(target)}")
        self.document, self.target, self.unit, self.project = document, target, unit, project
        self.index, self.to_index = index, to_index

    def redo(self) -> None:
        self.document.move_item(self.target, self.index, self.to_index, self.unit, self.project)

    def undo(self) -> None:
        self.document.move_item(self.target, self.to_index, self.index, self.unit, self.project)


class MoveProjectCommand(QUndoCommand):
    """Move a project within its unit or into another unit."""

    def __init__(self, document: Document, unit: int, index: int, to_unit: int, to_index: int,
                 text: str | None = None) -> None:
        super().__init__(text or "移动项目")
        self.document, self.unit, self.index, self.to_unit, self.to_index = document, unit, index, to_unit, to_index

    def redo(self) -> None:
        self.document.move_project(self.unit, self.index, self.to_unit, self.to_index)

    def undo(self) -> None:
        self.document.move_project(self.to_unit, self.to_index, self.unit, self.index)


class UpdateCommand(QUndoCommand):
    """Change fields of one item; consecutive edits of the same field merge into one step."""

    MERGE_ID = 0x5044

    def __init__(self, document: Document, target: str, fields: dict[str, Any], index: int | None = None,
                 unit: int | None = None, project: int | None = None, text: str | None = None,
                 merge: bool = False) -> None:
        super().__init__(text or f"修改{_name(target)}")
        self.document, self.target, self.index, self.unit, self.project = document, target, index, unit, project
        self.fields = dict(fields)
        self.old: dict[str, Any] = {}
        self.merge = merge

    def id(self) -> int:
        return self.MERGE_ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, UpdateCommand) or not other.merge:
            return False
        same = (other.target, other.index, other.unit, other.project, set(other.fields)) == (
            self.target, self.index, self.unit, self.project, set(self.fields))
        if same:
            self.fields = dict(other.fields)
        return same

    def redo(self) -> None:
        self.old = self.document.update_item(self.target, self.fields, self.index, self.unit, self.project)

    def undo(self) -> None:
        self.document.update_item(self.target, self.old, self.index, self.unit, self.project)


class ReplaceDocumentCommand(QUndoCommand):
    """Replace the whole contents (an import or a roll-forward done in the open window)."""

    def __init__(self, document: Document, new: Document, text: str = "替换文档") -> None:
        super().__init__(text)
        self.document = document
        self.new = new.model_copy(deep=True)
        self.old = document.model_copy(deep=True)

    def redo(self) -> None:
        self.document.replace_contents(self.new.model_copy(deep=True))

    def undo(self) -> None:
        self.document.replace_contents(self.old.model_copy(deep=True))
