"""Errors shown to a clerk: each carries a Chinese message and, where known, the place.

Every layer raises these (never a bare traceback) for input it cannot use; the command line
prints ``str(error)`` to stderr and exits with status 2, the window shows it in a dialog.
"""

from __future__ import annotations


class PerfdeskError(Exception):
    """Base of all errors meant for the user; ``message`` is Chinese and says what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class FileFormatError(PerfdeskError):
    """A file could not be read: not a workbook, corrupt, encrypted, too large, not understood.

    ``sheet`` and ``cell`` (e.g. ``"B7"``) or ``line`` point at the place when it is known.
    """

    def __init__(self, message: str, *, path: str | None = None, sheet: str | None = None,
                 cell: str | None = None, line: int | None = None) -> None:
        where = []
        if sheet:
            where.append(f"工作表“{sheet}”")
        if cell:
            where.append(f"单元格 {cell}")
        if line is not None:
            where.append(f"第 {line} 行")
        full = f"{'，'.join(where)}：{message}" if where else message
        if path:
            full = f"无法打开“{path}”。{full}"
        super().__init__(full)
        self.path, self.sheet, self.cell, self.line = path, sheet, cell, line
        self.detail = message


class SaveError(PerfdeskError):
    """Saving failed; the file on disk is as it was before."""


class FontMissingError(PerfdeskError):
    """No embeddable (TrueType) CJK font was found for the PDF export."""
