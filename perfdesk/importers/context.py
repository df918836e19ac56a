"""Shared state of one import (notes, text shape) and the patterns that recognise headings.

The patterns follow the structure DOMAIN.md describes, not the exact strings of one county's
file: numbering may use ``1.``/``1、``/``（一）``/``(一)`` or be left to Word's auto-numbering
(and so be missing from the text), labels may carry stray spaces, and a heading may or may not
repeat on its own line or carry its text after a colon.
"""

from __future__ import annotations

import re

from perfdesk.importers.result import ImportNote
from perfdesk.importers.source import (  # noqa: F401 - page furniture and title patterns, re-exported
    PAGE_NUMBER, RUNNING_HEADER, TITLE, TITLE_START, UNIT, UNIT_OF_MONEY, UNNUMBERED_TITLE, Block, clean,
    has_markup, squeeze,
)

CN_NUMBERS = "一二三四五六七八九十"

TOC = re.compile(r"^目录$")
PART1 = re.compile(r"^(?:第一部分)(?:部门(?:整体|总体)绩效目标(?:及(?:工作)?保障措施)?)?$")
# Part 1's own title without 第一部分 ("部门整体绩效目标", "部门总体绩效目标及保障措施").
PART1_TITLE = re.compile(r"^部门(?:整体|总体)绩效目标(?:及(?:工作)?保障措施)?$")
PART2 = re.compile(r"^第二部分(预算项目绩效目标)?$")
# A section heading by what it says, numbered 一、/（一） or not; it may carry its text after a
# colon: "一、总体绩效目标：推动……" (group "text").
SECTION = re.compile(r"^(?:[一二三四][、.．]|[（(][一二三四][)）])?(?:(?P<overall>(?:部门)?(?:整体|总体)(?:绩效)?目标)"
                     r"|(?P<sub_goals>(?:分项|具体)(?:绩效)?目标)|(?P<measures>(?:工作)?保障措施))"
                     r"(?:[:：](?P<text>.*))?$", re.S)


def section_of(text: str) -> tuple[str, str | None] | None:
    """("overall" | "sub_goals" | "measures", the text after the colon or None) for a heading."""
    match = SECTION.match(text)
    if not match:
        return None
    name = next(name for name in ("overall", "sub_goals", "measures") if match.group(name))
    return name, match.group("text")


TOC_ENTRY = re.compile(r"(?:\t|\s|[.…·・-]{2,})\s*\d{1,3}\s*$")
CN_ITEM = re.compile(rf"^[（(]\s*[{CN_NUMBERS}]+\s*[)）]\s*")
CN_HEADING = re.compile(rf"^[{CN_NUMBERS}]+\s*[、.．]\s*")
NUMBER_ITEM = re.compile(r"^\d{1,2}\s*[.．、](?!\d)\s*")


class Pieces:
    """Text of the document's fields gathered piece by piece, written into them once.

    A PDF wraps a long cell over many lines, and every line is added to the cell's text.
    Adding each one to a ``str`` field copies all the text before it, so a cell of n lines
    cost n² (a text of 50,000 wrapped lines took many seconds); here the pieces wait in a
    list and :meth:`close` joins them. A field is an attribute (``owner.name``) or an item of
    a list (``owner[index]``).
    """

    def __init__(self) -> None:
        self._open: dict[tuple[int, str | int], tuple[object, str | int, list[str]]] = {}

    @staticmethod
    def _get(owner: object, name: str | int) -> str:
        return owner[name] if isinstance(name, int) else getattr(owner, name)  # type: ignore[index]

    def add(self, owner: object, name: str | int, text: str, joiner: str = "") -> None:
        """Append ``text`` to the field, with ``joiner`` between it and text already there."""
        key = (id(owner), name)
        entry = self._open.get(key)
        if entry is None:
            old = self._get(owner, name)
            entry = self._open[key] = (owner, name, [old] if old else [])
        parts = entry[2]
        if parts and text:
            parts.append(joiner)
        if text:
            parts.append(text)

    def filled(self, owner: object, name: str | int) -> bool:
        entry = self._open.get((id(owner), name))
        return bool(entry[2]) if entry is not None else bool(self._get(owner, name))

    def set(self, owner: object, name: str | int, text: str) -> None:
        """Replace the field's text, pieces waiting for it included."""
        self._open.pop((id(owner), name), None)
        if isinstance(name, int):
            owner[name] = text  # type: ignore[index]
        else:
            setattr(owner, name, text)

    def close(self) -> None:
        """Write every field's gathered text into it."""
        for owner, name, parts in self._open.values():
            text = "".join(parts)
            if isinstance(name, int):
                owner[name] = text  # type: ignore[index]
            else:
                setattr(owner, name, text)
        self._open.clear()


class Context:
    """One import's notes and text shape.

    ``pdf``: rows are one line each, and a line without a blank before it may be a wrapped
    piece of the line above. ``artefacts``: the text came from a PDF, its extraction spaces go
    (by default whenever ``pdf``; a Word table copied row by row keeps the clerk's spaces).
    """

    def __init__(self, pdf: bool, artefacts: bool | None = None) -> None:
        self.pdf = pdf
        self.artefacts = pdf if artefacts is None else artefacts
        self.notes: list[ImportNote] = []
        self._markup_noted: set[int] = set()
        self.pieces = Pieces()
        # A wrapped text (see source.py): its table rows were rebuilt whole from the source,
        # so no row is joined with the next; the source's 项目编码 lines (line, code) are kept
        # for the check that each became a project (None: the blocks show them).
        self.wrapped = False
        self.code_lines: list[tuple[int, str]] | None = None

    def clean(self, text: str) -> str:
        return clean(text, self.artefacts)

    def note(self, line: int, text: str, reason: str) -> None:
        self.notes.append(ImportNote(line, text.strip(), reason))

    def take(self, text: str, line: int) -> str:
        """Clean a piece of text that goes into the document, noting web markup once per line."""
        cleaned = self.clean(text)
        if has_markup(cleaned) and line not in self._markup_noted:
            self._markup_noted.add(line)
            self.note(line, cleaned, "含有网页标记（如 <p>），已按原文保留，审核时可一键去掉")
        return cleaned

    def joiner(self, blank_before: bool) -> str:
        # A PDF breaks lines where the page is full: such pieces belong together without a
        # break. A blank line, or a new paragraph copied from Word, is a real paragraph.
        return "" if self.pdf and not blank_before else "\n"


def is_toc_entry(block: Block) -> bool:
    """A 目录 line: a heading or table title followed by its page number."""
    if block.is_row:
        cells = [c.strip() for c in block.cells if c.strip()]
        return len(cells) >= 2 and cells[-1].isdigit() and len(cells[-1]) <= 3 and not cells[0].isdigit()
    text = block.text.strip()
    match = TOC_ENTRY.search(text)
    return bool(match) and bool(re.search(r"[\u4e00-\u9fff]", text[: match.start()]))


def block_key(block: Block) -> str:
    """The block's text without whitespace, for matching labels and headings."""
    if block.is_row:
        return squeeze("".join(block.cells))
    return squeeze(block.text)


def first_cell(block: Block) -> str:
    for cell in block.cells or []:
        if cell.strip():
            return squeeze(cell)
    return ""
