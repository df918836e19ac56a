"""Part 1 (第一部分 部门整体绩效目标): the overall goal, the sub-goals and the measures.

Numbering is taken off (the model holds none): ``（一）``/``一、``/``1.`` before a sub-goal
title, ``一、`` before a group of measures, ``（一）``/``1.`` before a measure or an item of a
group. Lines without numbering continue the item above them, so lists wrapped over lines read
whole; a sub-goal title whose number Word's auto-numbering kept is known by the ``绩效目标：``
line under it.
"""

from __future__ import annotations

import re

from perfdesk.importers.context import (
    CN_HEADING, CN_ITEM, NUMBER_ITEM, PAGE_NUMBER, PART1, PART1_TITLE, PART2, TITLE, TITLE_START,
    UNIT_OF_MONEY, UNNUMBERED_TITLE, Context, block_key, first_cell, section_of,
)
from perfdesk.importers.source import Block, squeeze, unit_label  # noqa: F401 - unit_label re-exported
from perfdesk.model import Measure, Part1, SubGoal

TABLE_LABELS = ("项目编码", "项目编号", "项目名称")
GOAL_LABEL = re.compile(r"^绩效目标\s*[:：]\s*")
INDICATOR_LABEL = re.compile(r"^绩效指标\s*[:：]\s*")


def starts_part2(blocks: list[Block], index: int, ctx: Context) -> bool:
    block = blocks[index]
    if block.is_row:
        cells = [ctx.clean(c) for c in block.cells if c.strip()]
        if first_cell(block) in TABLE_LABELS:
            return True
        return bool(cells) and unit_label(cells[0]) is not None and all(
            UNIT_OF_MONEY.match(squeeze(c)) for c in cells[1:])
    key, text = block_key(block), ctx.clean(block.text)
    if PART2.match(key) or TITLE.match(text):
        return True
    following = blocks[index + 1: index + 4]
    if UNNUMBERED_TITLE.match(text) and following:
        # A title without its number opens Part 2 when a unit label or a table follows it.
        return any(b.is_row or unit_label(ctx.clean(b.text)) for b in following[:2])
    if TITLE_START.match(text) and following and not following[0].is_row:
        return ctx.clean(following[0].text).endswith("绩效目标表")
    if unit_label(text):
        return any(b.is_row or UNIT_OF_MONEY.match(block_key(b)) or TITLE.match(ctx.clean(b.raw()))
                   for b in following)
    return False


class Part1Reader:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.part1 = Part1()
        self.section: str | None = None
        self.overall: list[list[str]] = []  # paragraphs, each as the pieces of its lines
        self.group = False  # the current measure is a heading (一、) with items under it
        self.field = ""
        self.title_style: str | None = None  # "cn" (（一）/一、) or "number" (1.), set by the first title
        self.following: Block | None = None  # the block after the one being read

    def read(self, blocks: list[Block], start: int) -> int:
        """Read from ``start`` up to where Part 2 begins; return that index."""
        index = start
        while index < len(blocks) and not starts_part2(blocks, index, self.ctx):
            block = blocks[index]
            index += 1
            self.following = blocks[index] if index < len(blocks) else None
            key = block_key(block)
            if PAGE_NUMBER.match(key) or PART1.match(key) or PART1_TITLE.match(key):
                continue
            section = section_of(key)
            if section and not block.is_row:
                self.section = section[0]
                if section[1]:
                    # "一、总体绩效目标：推动……": the heading's own line carries the first text.
                    text = re.split(r"[:：]", block.text, maxsplit=1)[1]
                    self._line(text, block.line, block.blank_before)
                continue
            if section:
                self.section = section[0]
                continue
            if block.is_row:
                self._row(block)
            else:
                self._line(block.text, block.line, block.blank_before)
        # Paragraphs gathered line by line, joined once (see Pieces in context.py for why).
        self.part1.overall_goal = "\n".join("".join(parts) for parts in self.overall)
        self.ctx.pieces.close()
        return index

    def _row(self, block: Block) -> None:
        # Part 1 laid out as a table: the left cell repeats the section name.
        cells = [(c, block.cell_line(i)) for i, c in enumerate(block.cells) if c.strip()]
        heading = section_of(squeeze(cells[0][0])) if cells else None
        if heading and heading[1] is None:
            self.section = heading[0]
            cells = cells[1:]
        for text, line in cells:
            for part in text.split("\n"):
                self._line(part, line, True)

    def _line(self, raw: str, line: int, blank_before: bool) -> None:
        text = self.ctx.take(raw, line)
        if not text:
            return
        if section_of(squeeze(text)) == (self.section, None):
            return  # the section name repeated as a label above its text
        if self.section is None:
            self.section = "overall"
        if self.section == "overall":
            self._append_paragraph(self.overall, text, blank_before)
        elif self.section == "sub_goals":
            self._sub_goal(text, line, blank_before)
        else:
            self._measure(text, line, blank_before)

    def _append_paragraph(self, paragraphs: list[list[str]], text: str, blank_before: bool) -> None:
        if paragraphs and self.ctx.joiner(blank_before) == "":
            paragraphs[-1].append(text)
        else:
            paragraphs.append([text])

    def _continue(self, obj: object, name: str | int, text: str, blank_before: bool) -> None:
        self.ctx.pieces.add(obj, name, text, self.ctx.joiner(blank_before))

    def _sub_goal(self, text: str, line: int, blank_before: bool) -> None:
        goals = self.part1.sub_goals
        title = self._title(text)
        if title is not None:
            goals.append(SubGoal(title=title))
            self.field = "title"
        elif GOAL_LABEL.match(text) and goals:
            self.ctx.pieces.set(goals[-1], "goal", GOAL_LABEL.sub("", text))
            self.field = "goal"
        elif INDICATOR_LABEL.match(text) and goals:
            self.ctx.pieces.set(goals[-1], "indicators", INDICATOR_LABEL.sub("", text))
            self.field = "indicators"
        elif goals:
            self._continue(goals[-1], self.field or "goal", text, blank_before)
        else:
            self.ctx.note(line, text, "在“分项绩效目标”下，但不属于任何分项（缺少“（一）”这样的标题），未导入")

    def _title(self, text: str) -> str | None:
        """The title of a new sub-goal, without its number, or None for a line that is none.

        Titles are numbered ``（一）``/``一、`` or ``1.``/``2、``; a line numbered the other way
        once the first title has set the style is text inside a sub-goal (a list under
        绩效指标). A title Word numbered by itself comes without a number: it is the line
        just before a ``绩效目标：`` line, not itself a labelled line.
        """
        for style, pattern in (("cn", CN_ITEM), ("cn", CN_HEADING), ("number", NUMBER_ITEM)):
            match = pattern.match(text)
            if match and self.title_style in (None, style) and not GOAL_LABEL.match(text[match.end():]):
                self.title_style = style
                return text[match.end():].strip()
        following = self.following
        if (following is not None and not following.is_row and GOAL_LABEL.match(self.ctx.clean(following.text))
                and not GOAL_LABEL.match(text) and not INDICATOR_LABEL.match(text)
                and (self.field in ("", "indicators") or not self.part1.sub_goals)):
            return text.strip()
        return None

    def _measure(self, text: str, line: int, blank_before: bool) -> None:
        measures = self.part1.measures
        heading, item = CN_HEADING.match(text), CN_ITEM.match(text) or NUMBER_ITEM.match(text)
        if heading:
            measures.append(Measure(text=text[heading.end():].strip()))
            self.group = True
        elif item and self.group and measures:
            measures[-1].items.append(text[item.end():].strip())
        elif item:
            measures.append(Measure(text=text[item.end():].strip()))
        elif measures and measures[-1].items:
            items = measures[-1].items
            self._continue(items, len(items) - 1, text, blank_before)
        elif measures:
            self._continue(measures[-1], "text", text, blank_before)
        else:
            measures.append(Measure(text=text))
