"""Undo commands: every edit a user makes is one QUndoCommand calling a document mutator."""

from perfdesk.undo.commands import (
    InsertCommand,
    MoveCommand,
    MoveProjectCommand,
    RemoveCommand,
    ReplaceDocumentCommand,
    UpdateCommand,
)

__all__ = ["InsertCommand", "MoveCommand", "MoveProjectCommand", "RemoveCommand",
           "ReplaceDocumentCommand", "UpdateCommand"]
