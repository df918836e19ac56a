"""Shared state of one import (notes, text shape) and the patterns that recognise headings.

The patterns follow the structure DOMAIN.md describes, not the exact strings of one county's
file: numbering may use ``1.``/``1、``/``（一）``/``(一)`` or be left to Word's auto-numbering
(and so be missing from the text), labels may carry stray spaces, and a heading may or may not
repeat on its own line or carry its text after a colon.
"""

from __future__ import annotations

import re

from perfdesk.importers.result import ImportNote
from perfdesk.importers.source import (  # noqa: F401 - page furniture patterns, re-exported
    PAGE_NUMBER, RUNNING_HEADER, Block, clean, has_markup, squeeze,
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


TITLE = re.compile(r"^(\d{1,3})\s*[.．、]\s*(?P<name>.+?)\s*绩效目标表$")
# A title whose number Word's auto-numbering kept to itself, or a PDF left out: the name must
# not end a sentence ("详见附表。…") nor be only a kind of table ("项目绩效目标表").
UNNUMBERED_TITLE = re.compile(r"^(?P<name>[^。；;：:\t]{2,}?[^。；;：:\s])\s*绩效目标表$")
TITLE_START = re.compile(r"^(\d{1,3})\s*[.．、]\s*\S")
UNIT = re.compile(r"^(\d{6})\s*([^\d\s].*)$")
UNIT_OF_MONEY = re.compile(r"^单位[:：]\s*万元$")
TOC_ENTRY = re.compile(r"(?:\t|\s|[.…·・-]{2,})\s*\d{1,3}\s*$")
CN_ITEM = re.compile(rf"^[（(]\s*[{CN_NUMBERS}]+\s*[)）]\s*")
CN_HEADING = re.compile(rf"^[{CN_NUMBERS}]+\s*[、.．]\s*")
NUMBER_ITEM = re.compile(r"^\d{1,2}\s*[.．、](?!\d)\s*")


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
