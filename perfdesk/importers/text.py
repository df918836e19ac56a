"""Importing a published text: the cover and 目录, Part 1, then the project tables.

:func:`import_blocks` is shared by plain text (:func:`import_text`) and .docx files, which
are first turned into the same blocks. The result is a whole document or an error: a text
in which nothing of a budget performance text is found is refused with a clear message.
"""

from __future__ import annotations

from collections import Counter

from perfdesk.errors import FileFormatError
from perfdesk.importers.context import Context
from perfdesk.importers.cover import read_front
from perfdesk.importers.part1 import Part1Reader
from perfdesk.importers.result import ImportResult
from perfdesk.importers.source import MAX_TEXT_CHARS, Block, blocks_from_text
from perfdesk.importers.tables import Part2Reader
from perfdesk.model import DEFAULT_FRAMEWORK, Document, DocumentStatus, load_framework

NOT_A_TEXT = ("没有在文件中找到部门预算绩效文本的内容（封面、第一部分或项目绩效目标表）。"
              "请确认导入的是上年公开的绩效文本，从 Word 或 PDF 复制出的文字，或 .docx 文件")


def import_text(text: str, framework: str = DEFAULT_FRAMEWORK) -> ImportResult:
    """Import text copied or extracted from a published budget performance text."""
    if len(text) > MAX_TEXT_CHARS:
        raise FileFormatError("文字太长，不像是一份部门预算绩效文本")
    blocks, pdf = blocks_from_text(text)
    return import_blocks(blocks, Context(pdf), framework)


def import_blocks(blocks: list[Block], ctx: Context, framework: str = DEFAULT_FRAMEWORK) -> ImportResult:
    start, cover = read_front(blocks, ctx)
    part1_reader = Part1Reader(ctx)
    index = part1_reader.read(blocks, start)
    units = Part2Reader(ctx, load_framework(framework)).read(blocks, index)
    part1 = part1_reader.part1
    has_part1 = bool(part1.overall_goal or part1.sub_goals or part1.measures)
    if not (units or has_part1 or cover.found):
        raise FileFormatError(NOT_A_TEXT)
    document = Document(
        department=cover.department, year=cover.year,
        status=cover.status or DocumentStatus.FINAL,
        prepared_by=cover.prepared_by, reviewed_by=cover.reviewed_by,
        framework=framework, part1=part1, units=units,
    )
    first_line = blocks[0].line if blocks else 1
    if not cover.found:
        _fill_cover(document, ctx, first_line)
    elif cover.status is None:
        ctx.note(first_line, "", "封面上没有“(草案)”或“(正式)”，按已公开的正式文本导入")
    listed = len(cover.toc_titles)
    if listed and listed != document.project_count():
        ctx.note(first_line, "", f"目录列出 {listed} 张绩效目标表，正文中读到 {document.project_count()} 张，请核对")
    ctx.notes.sort(key=lambda note: note.line)
    return ImportResult(document, ctx.notes)


def _fill_cover(document: Document, ctx: Context, line: int) -> None:
    """No cover: take the department from the first unit and the year from project codes."""
    reasons = ["没有封面"]
    if document.units and document.units[0].name:
        name = document.units[0].name
        document.department = name[: -len("本级")] if name.endswith("本级") else name
        reasons.append(f"部门名称取自预算单位“{document.department}”")
    years = Counter(p.code[6:8] for _, _, _, p in document.projects()
                    if len(p.code) >= 9 and p.code[6:8].isdigit() and p.code[8] == "P")
    if years:
        document.year = 2000 + int(years.most_common(1)[0][0])
        reasons.append(f"年度 {document.year} 取自项目编码")
    reasons.append("按已公开的正式文本导入，请在封面中核对")
    ctx.note(line, "", "，".join(reasons))
