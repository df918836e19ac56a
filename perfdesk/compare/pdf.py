"""The 文本比较 as a paper: two versions of a document side by side, change by change.

A title naming the department, the two versions (file, year, 草案/正式), the date and the
counts; then the changes to the text as a whole (一、全文: cover, Part 1) and project by
project (二、项目) in the new version's order, removed projects last. Each change is a row
位置 | 原版本 | 新版本 | 变化; inside a changed text what the new version dropped is struck
through in grey and what it added is in the heading (Hei) font, which reads as bold.

A4 landscape: the two texts are the paper, and a goal or 资金用途 of a few hundred characters
is half as tall in a 98 mm column as in the 60 mm one portrait would leave. The paper itself
(fonts, page numbers, tables, atomic write) is :mod:`perfdesk.pdf.paper`'s.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import replace
from difflib import SequenceMatcher
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from perfdesk.compare.diff import ADDED, CHANGED, KIND_LABELS, REMOVED, Change, field_label
from perfdesk.model import Document
from perfdesk.pdf.fonts import FontPaths, FontSet
from perfdesk.pdf.linebreak import ChineseParagraph
from perfdesk.pdf.paper import (CELL_PADDING, PaperStyles, frame_width, kept_together, paper_date, paper_fonts,
                                paragraph, pdf_target, ruled, write_paper)

SAME = "两个版本内容相同。"
NO_CHANGE = "无变化。"
NOT_THERE = "—"  # the side of an addition or removal that has no text
BLANK = "（空）"  # a text the clerk left empty
# 位置 | 原版本 | 新版本 | 变化 fill the landscape frame (257 mm): 变化 holds two characters,
# 位置 a field and a 一级/二级/三级 on two or three lines, the two texts share the rest.
_WHERE, _KIND = 44 * mm, 17 * mm
_TEXT = (frame_width(landscape=True) - _WHERE - _KIND) / 2
COLUMNS = [_WHERE, _TEXT, _TEXT, _KIND]
PREVIEW_CHARS = 80  # about three lines of a text column: what must fit under a heading
GREY = "#6e6e6e"  # dark enough to read on a black-and-white printer, light enough to look gone
# A run of digits, Latin letters and their signs is one token (300.00, 95%, 2023): a number
# that changed is marked whole, never digit by digit.
_TOKEN = re.compile(r"[0-9A-Za-z.,%‰]+|.", re.S)


def _marked(old: str, new: str) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    """Both texts as (piece, marked) runs: old's pieces the new one dropped, new's pieces it added."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    runs = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    before: list[tuple[str, bool]] = []
    after: list[tuple[str, bool]] = []
    for k, (tag, i1, i2, j1, j2) in enumerate(runs):
        # One character kept between two changes (的, 和, a comma) is no real likeness: in a
        # rewritten text it would leave the marks in confetti, so it is marked with them.
        inside = 0 < k < len(runs) - 1 and i2 - i1 == 1 and len(a[i1]) == 1
        same = tag == "equal" and not inside
        for pieces, text in ((before, "".join(a[i1:i2])), (after, "".join(b[j1:j2]))):
            if not text:
                continue
            if pieces and pieces[-1][1] == (not same):
                pieces[-1] = (pieces[-1][0] + text, not same)
            else:
                pieces.append((text, not same))
    return before, after


class _Styles(PaperStyles):
    def __init__(self, fonts: FontSet) -> None:
        super().__init__(fonts)
        self.kind = ParagraphStyle("compare_kind", parent=self.cell_centre)
        self.absent = ParagraphStyle("compare_absent", parent=self.cell, textColor=GREY)


class _Comparison:
    def __init__(self, old: Document, new: Document, changes: list[Change], old_name: str, new_name: str,
                 fonts: FontSet, date: datetime.date) -> None:
        self.old, self.new, self.changes = old, new, changes
        self.old_name, self.new_name, self.fonts, self.date = old_name, new_name, fonts, date
        self.s = _Styles(fonts)

    def text(self, text: str, style: ParagraphStyle) -> ChineseParagraph:
        return paragraph(self.fonts, text, style)

    def title(self) -> str:
        department = self.new.department.strip() or self.old.department.strip()
        return f"{department}文本比较"

    # ------------------------------------------------------------------ head
    def head(self) -> list:
        s = self.s
        lines = [self.text(self.title(), s.title),
                 self.text(f"原版本：{_version(self.old_name, self.old)}", s.line),
                 self.text(f"新版本：{_version(self.new_name, self.new)}", s.line),
                 self.text(f"比较日期：{paper_date(self.date)}", s.line)]
        if self.changes:
            count = {kind: sum(change.kind == kind for change in self.changes) for kind in (ADDED, REMOVED, CHANGED)}
            lines.append(self.text(f"新增 {count[ADDED]} 处，删除 {count[REMOVED]} 处，修改 {count[CHANGED]} 处。",
                                   s.line))
        return lines

    # ------------------------------------------------------------------ the table
    def cell(self, pieces: list[tuple[str, bool]], added: bool) -> ChineseParagraph:
        """A text with its marked pieces struck in grey (dropped) or in the heading font (added)."""
        fonts, body, hei = self.fonts, self.fonts.body, self.fonts.heading
        markup = []
        for piece, marked in pieces:
            if not marked:
                markup.append(fonts.markup(piece, body))
            elif added:
                markup.append(f'<font face="{hei}">{fonts.markup(piece, hei)}</font>')
            else:
                markup.append(f'<font color="{GREY}"><strike>{fonts.markup(piece, body)}</strike></font>')
        return ChineseParagraph("".join(markup), self.s.cell)

    def texts(self, change: Change) -> tuple[ChineseParagraph, ChineseParagraph]:
        old, new = change.old or "", change.new or ""
        if change.kind == CHANGED and old and new:
            before, after = _marked(old, new)
            return self.cell(before, False), self.cell(after, True)
        # Added, removed, filled in or emptied: the text that is there is all of the change.
        return self.whole(old, False, change.kind == ADDED), self.whole(new, True, change.kind == REMOVED)

    def whole(self, text: str, added: bool, absent: bool) -> ChineseParagraph:
        """A text marked whole; for none, — where the thing is not there, （空） where it is blank."""
        if text:
            return self.cell([(text, True)], added)
        return self.text(NOT_THERE if absent else BLANK, self.s.absent)

    def rows(self, changes: list[Change], clip: int | None = None) -> list[list]:
        s = self.s
        rows = [[self.text(word, s.header) for word in ("位置", "原版本", "新版本", "变化")]]
        for change in changes:
            if clip is not None:
                change = replace(change, old=_clipped(change.old, clip), new=_clipped(change.new, clip))
            before, after = self.texts(change)
            rows.append([self.text(self.where(change), s.cell), before, after,
                         self.text(KIND_LABELS.get(change.kind, change.kind), s.kind)])
        return rows

    def table(self, changes: list[Change], clip: int | None = None):
        # Texts are read from their first lines side by side; a text taller than a page runs
        # on over the page break rather than failing the whole paper.
        # TOP also because ReportLab splitting a row with a MIDDLE cell repeats the header
        # row on page after page; the rule under a split row closes the grid at the page foot.
        commands = [("VALIGN", (0, 1), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), 0.5, colors.black)]
        return ruled(self.rows(changes, clip), COLUMNS, self.fonts.body, commands, split_rows=True)

    def block(self, heads: list, changes: list[Change]) -> list:
        """Headings and their table (or 无变化), never left alone at the foot of a page."""
        if not changes:
            return kept_together(heads, self.text(NO_CHANGE, self.s.line))
        # The first rows' first lines: a row runs on over a page break, so a long first text
        # must not send its headings to the next page and leave this one empty.
        return kept_together(heads, self.table(changes), self.table(changes[:2], clip=PREVIEW_CHARS))

    def where(self, change: Change) -> str:
        """The field's heading, then the indicator row (一级/二级/三级) or the item's place."""
        label = field_label(change.field)
        if change.indicator:
            return f"{label}\n{self.path(change.indicator)}"
        if change.item is None:
            return label
        if change.field == "goals":
            return f"{label} 第 {change.item + 1} 条"
        if change.field == "spending_plan":
            checkpoint = self.checkpoint(change)
            return f"{label} {checkpoint}" if checkpoint else f"{label} 第 {change.item + 1} 列"
        return f"{label} 第 {change.item + 1} 项"

    def path(self, indicator: str) -> str:
        """``一级/二级/三级``, broken after a slash where it is too long for one line: 奖补数量
        cut as 奖补/数量 reads as two names."""
        style, room = self.s.cell, _WHERE - 2 * CELL_PADDING
        lines = [""]
        for part in re.findall(r"[^/]+/?|/", indicator):
            if lines[-1] and stringWidth(lines[-1] + part.rstrip("/"), style.fontName, style.fontSize) > room:
                lines.append("")
            lines[-1] += part
        return "\n".join(lines)

    def checkpoint(self, change: Change) -> str | None:
        """The spending plan's column as the clerk reads it (6月底), from the new version."""
        try:
            return self.new.project(change.unit, change.project).spending_plan.checkpoints[change.item].label
        except (IndexError, TypeError):
            return None

    # ------------------------------------------------------------------ projects
    def number(self, change: Change) -> int | None:
        """The project's number in the new version; None for one it no longer has."""
        if change.unit is None or change.project is None:
            return None
        try:
            self.new.project(change.unit, change.project)
        except IndexError:
            return None
        return self.new.project_number(change.unit, change.project)

    def projects(self) -> list[tuple[int | None, list[Change]]]:
        """The changes of each project, in the new version's order, removed projects last."""
        numbered: dict[int, list[Change]] = {}
        removed: dict[tuple, list[Change]] = {}
        for change in self.changes:
            if _whole(change):
                continue
            number = self.number(change)
            if number is not None:
                numbered.setdefault(number, []).append(change)
            else:
                removed.setdefault((change.project_code, change.project_name), []).append(change)
        return [(number, numbered[number]) for number in sorted(numbered)] + [(None, c) for c in removed.values()]

    def project_heads(self, number: int | None, changes: list[Change]) -> list:
        first = changes[0]
        where = f"第 {number} 个项目" if number is not None else "（已删除）"
        heading = " ".join(word for word in (where, (first.project_code or "").strip(),
                                             (first.project_name or "").strip()) if word)
        heads = [self.text(heading, self.s.project)]
        if number is not None and len(self.new.units) > 1:
            # A department of one unit has it on every table; naming it per project would be noise.
            heads.append(self.text(f"预算单位：{self.new.units[first.unit].label.strip()}", self.s.marks))
        return heads

    def story(self) -> list:
        s = self.s
        story = self.head()
        if not self.changes:
            story.append(self.text(SAME, s.section))
            return story
        whole = [change for change in self.changes if _whole(change)]
        story += self.block([self.text("一、全文", s.section)], whole)
        section = [self.text("二、项目", s.section)]
        projects = self.projects()
        if not projects:
            story += self.block(section, [])
        for number, changes in projects:
            # The section's heading goes with its first project, so that it never ends a page.
            heads, section = section + self.project_heads(number, changes), []
            story += self.block(heads, changes)
        return story


def _clipped(text: str | None, length: int) -> str | None:
    return text if text is None or len(text) <= length else text[:length]


def _whole(change: Change) -> bool:
    """A change to the text as a whole (cover, Part 1): it names no project."""
    return change.project_code is None and change.project_name is None and change.project is None


def _version(name: str, document: Document) -> str:
    """``丰润2023.xlsx（2023年，草案）``."""
    facts = [f"{document.year}年" if document.year else "", document.status.value]
    return f"{name}（{'，'.join(fact for fact in facts if fact)}）"


def write_comparison(old: Document, new: Document, changes: list[Change], target: Path, old_name: str,
                     new_name: str, fonts: FontPaths | None = None, date: datetime.date | None = None) -> None:
    """Write the comparison of ``old`` and ``new`` (``changes`` as compare_documents gives them)
    to ``target`` (a .pdf), dated ``date`` (default today). ``old_name``/``new_name`` name the
    two versions as the reader knows them (their file names).

    Raises SaveError for a target that is not a .pdf or cannot be written (the old file is
    left as it was), FontMissingError without a CJK TrueType font.
    """
    target = pdf_target(target, "文本比较")
    font_set = paper_fonts(fonts)
    comparison = _Comparison(old, new, changes, old_name, new_name, font_set, date or datetime.date.today())
    write_paper(target, comparison.story(), font_set, title=comparison.title(), subject="文本比较",
                landscape=True, item="变化")

