"""Undo commands for whole projects that are more than one list edit: duplicating a project."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from perfdesk.model import Document

COPY_SUFFIX = "（副本）"


class DuplicateProjectCommand(QUndoCommand):
    """Insert a copy of a project right after it; the copy's name ends in （副本）.

    The code is kept as it is: the clerk usually copies a project to make next year's
    sibling and changes the code, and the review rules point out a duplicate code meanwhile.
    """

    def __init__(self, document: Document, unit: int, index: int, text: str = "复制项目") -> None:
        super().__init__(text)
        self.document, self.unit, self.index = document, unit, index
        source = document.project(unit, index)
        self.copy = source.model_copy(deep=True, update={"name": source.name + COPY_SUFFIX})

    @property
    def new_index(self) -> int:
        return self.index + 1

    def redo(self) -> None:
        self.document.insert_project(self.unit, self.new_index, self.copy.model_copy(deep=True))

    def undo(self) -> None:
        self.document.remove_project(self.unit, self.new_index)
