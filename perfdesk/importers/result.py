"""What an import gives back: the document and the notes about what could not be placed.

A note names the line of the source text (for a .docx: the paragraph or table row, counted
the same way; for a PDF: the page and the line on it), the text itself and why it is
reported, so that the clerk can find it and decide; nothing read from the source is dropped
without a note.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from perfdesk.model import Document


@dataclass(frozen=True)
class ImportNote:
    line: int
    text: str
    reason: str
    page: int | None = None  # a PDF's page; ``line`` is then the line on that page

    def __str__(self) -> str:
        shown = self.text if len(self.text) <= 60 else self.text[:57] + "…"
        where = f"第 {self.page} 页第 {self.line} 行" if self.page is not None else f"第 {self.line} 行"
        return f"{where}：{self.reason}" + (f"：“{shown}”" if shown else "")


@dataclass
class ImportResult:
    document: Document
    notes: list[ImportNote] = field(default_factory=list)
    # Warnings that the import is far from complete (also the first notes): see text.py.
    warnings: list[str] = field(default_factory=list)
