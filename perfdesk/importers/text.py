"""Importing a published text: the cover and 目录, Part 1, then the project tables.

:func:`import_blocks` is shared by plain text (:func:`import_text`) and .docx files, which
are first turned into the same blocks. The result is a whole document or an error: a text
in which nothing of a budget performance text is found is refused with a clear message, and
a document whose tables could not be read, most of whose text became notes, or that has
fewer projects than the text has 项目编码 lines, is flagged with warnings at the head of the
notes. A text of more than :data:`MAX_PROJECTS` tables is refused (no department publishes
that many, and the workbook and the window are not made for them): a plain text as soon as
its labels are counted, any text once its tables are read.
"""

from __future__ import annotations

import re
from collections import Counter

from perfdesk.errors import FileFormatError
from perfdesk.importers.context import Context
from perfdesk.importers.cover import read_front
from perfdesk.importers.part1 import Part1Reader
from perfdesk.importers.result import ImportNote, ImportResult
from perfdesk.importers.source import CODE_LINE, MAX_TEXT_CHARS, Block, blocks_from_text, squeeze
from perfdesk.importers.tables import Part2Reader
from perfdesk.model import DEFAULT_FRAMEWORK, Document, DocumentStatus, Project, load_framework

MAX_PROJECTS = 3000  # the largest published texts hold a few hundred tables
NOT_A_TEXT = ("没有在文件中找到部门预算绩效文本的内容（封面、第一部分或项目绩效目标表）。"
              "请确认导入的是上年公开的绩效文本，从 Word 或 PDF 复制出的文字，或 .docx 文件")


def import_text(text: str, framework: str = DEFAULT_FRAMEWORK) -> ImportResult:
    """Import text copied or extracted from a published budget performance text."""
    if len(text) > MAX_TEXT_CHARS:
        raise FileFormatError("文字太长，不像是一份部门预算绩效文本")
    # Every table has a 项目编码 and a 项目名称: counting them costs one pass over the text,
    # reading thousands of tables to refuse them afterwards costs seconds.
    tables = max(text.count("项目编码") + text.count("项目编号"), text.count("项目名称"))
    if tables > MAX_PROJECTS:
        raise FileFormatError(too_many(tables))
    blocks, shape = blocks_from_text(text, load_framework(framework))
    ctx = Context(shape.rows, shape.artefacts)
    if shape.wrapped:
        ctx.wrapped, ctx.code_lines = True, shape.code_lines
    for line, shown, reason in shape.notes:
        ctx.note(line, shown, reason)
    return import_blocks(blocks, ctx, framework)


def import_blocks(blocks: list[Block], ctx: Context, framework: str = DEFAULT_FRAMEWORK) -> ImportResult:
    start, cover = read_front(blocks, ctx)
    part1_reader = Part1Reader(ctx)
    index = part1_reader.read(blocks, start)
    units = Part2Reader(ctx, load_framework(framework)).read(blocks, index)
    ctx.pieces.close()
    read = sum(len(unit.projects) for unit in units)
    if read > MAX_PROJECTS:
        raise FileFormatError(too_many(read))
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
    warnings = _incomplete(document, blocks, ctx)
    # The warnings head the list the clerk reads, before the notes they sum up.
    notes = [ImportNote(first_line, "", warning) for warning in warnings] + ctx.notes
    return ImportResult(document, notes, warnings)


def too_many(projects: int) -> str:
    return (f"读到 {projects} 个项目，不像是一份部门预算绩效文本（一份文本最多 {MAX_PROJECTS} 个项目）。"
            "请确认导入的是一个部门一年的绩效文本")


def _incomplete(document: Document, blocks: list[Block], ctx: Context) -> list[str]:
    """Loud warnings for an import that read the text's outline but little of its content.

    Such a result looks like success (projects are listed) while the tables were not read:
    typically a text whose layout was not recognised. The clerk must not take it as done.
    """
    warnings = []
    projects = [project for _, _, _, project in document.projects()]
    if projects and not any(project.indicators for project in projects):
        warnings.append(f"【导入不完整】读到 {len(projects)} 个项目，但没有读到任何一行绩效指标："
                        "表格的格式可能没有被识别，请对照原文件核对，或换一种方式复制文字后重新导入")
    dropped = sum(1 for note in ctx.notes if "未导入" in note.reason)
    if blocks and dropped * 2 > len(blocks):
        warnings.append(f"【导入不完整】原文 {len(blocks)} 行（段）中有 {dropped} 处未能导入（见下），"
                        "文字的格式可能没有被识别，请对照原文件核对")
    lines, total = _codes_not_read(blocks, projects, ctx.code_lines)
    if lines:
        shown = "、".join(str(line) for line in lines[:10]) + ("等" if len(lines) > 10 else "")
        warnings.append(f"【导入不完整】原文有 {total} 行项目编码，读到 {len(projects)} 个项目，"
                        f"第 {shown} 行的项目编码没有读成项目：这些表格的格式可能没有被识别，"
                        "请对照原文件核对，或换一种方式复制文字后重新导入")
    return warnings


_CODE_START = re.compile(r"[0-9A-Za-z]*")


def _codes_not_read(blocks: list[Block], projects: list[Project],
                    code_lines: list[tuple[int, str]] | None) -> tuple[list[int], int]:
    """The lines of the text's 项目编码 whose code no project read has, and how many such
    lines the text has: a table there was not recognised, even if its title made a project.
    A code is known by its start too: one printed in pieces (its line shows the first), or
    read with other characters in it (604002-B16)."""
    if code_lines is None:
        code_lines = []
        for block in blocks:
            key = squeeze(block.raw())
            if "项目编" in key:  # most lines have none: no need to look further
                code_lines += [(block.line, match.group(1)) for match in CODE_LINE.finditer(key)]
    starts = set()
    for project in projects:
        code = _CODE_START.match(project.code).group()
        starts.update(code[:end] for end in range(4, len(code) + 1))
    return [line for line, code in code_lines if code not in starts], len(code_lines)


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
