"""Undo commands: every edit a user makes is one QUndoCommand calling a document mutator."""

from perfdesk.undo.commands import (
    InsertCommand,
    MoveCommand,
    MoveProjectCommand,
    RemoveCommand,
    ReplaceDocumentCommand,
    UpdateCommand,
)
from perfdesk.undo.project_commands import DuplicateProjectCommand

__all__ = ["DuplicateProjectCommand", "InsertCommand", "MoveCommand", "MoveProjectCommand", "RemoveCommand",
           "ReplaceDocumentCommand", "UpdateCommand"]
