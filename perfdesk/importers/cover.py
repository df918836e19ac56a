"""The front of the text: the cover (department, year, status, 编制, 审核) and the 目录.

Everything before the first heading of the body is front matter. 目录 lines (headings or
table titles followed by a page number) are skipped; the rest is read as the cover. A cover
printed twice is read once and the repeat is noted; cover text that fits no field is noted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from perfdesk.importers.context import (
    PAGE_NUMBER, PART1, PART1_TITLE, PART2, SECTION, TITLE, TITLE_START, TOC, Context, block_key, first_cell,
    is_toc_entry,
)
from perfdesk.importers.part1 import starts_part2
from perfdesk.importers.source import Block
from perfdesk.model import DocumentStatus
from perfdesk.model.labels import labels

YEAR_TITLE = re.compile(r"^(.*?)(\d{4})\s*年度?\s*部门预算绩效(?:文本|目标)?\s*(.*)$")
STATUS = re.compile(r"^[（(]\s*(草案|正式|送审稿|征求意见稿)\s*[)）]$")
PREPARED = re.compile(r"^(.+?)\s*编制$")
REVIEWED = re.compile(r"^(.+?)\s*审核$")
TABLE_LABELS = ("项目编码", "项目编号", "项目名称")
LABELED = re.compile(r"^\s*([^:：\d]{1,8}?)\s*[:：]\s*(.*)$", re.S)  # 单位名称：某某局


@dataclass
class Cover:
    department: str = ""
    year: int | None = None
    status: DocumentStatus | None = None
    prepared_by: str = ""
    reviewed_by: str = ""
    found: bool = False
    toc_titles: list[str] = field(default_factory=list)


def starts_body(block: Block) -> bool:
    """Whether a front-matter block is the first one of the body (Part 1 or a project)."""
    if block.is_row:
        return first_cell(block) in TABLE_LABELS
    key = block_key(block)
    return bool(PART1.match(key) or PART1_TITLE.match(key) or PART2.match(key) or SECTION.match(key)
                or TITLE.match(key))


def read_front(blocks: list[Block], ctx: Context) -> tuple[int, Cover]:
    """Read the cover and 目录; return the index of the first body block and the cover."""
    cover = Cover()
    lines: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        key = block_key(block)
        if TOC.match(key) or PAGE_NUMBER.match(key):
            index += 1
            continue
        if is_toc_entry(block) or _toc_heading(blocks, index):
            if is_toc_entry(block) and _toc_text(block).endswith("绩效目标表"):
                cover.toc_titles.append(_toc_text(block))
            index += 1
            continue
        if starts_body(block) or starts_part2(blocks, index, ctx):
            break
        lines.append(block)
        index += 1
    _read_cover(lines, cover, ctx)
    return index, cover


def _toc_text(block: Block) -> str:
    text = " ".join(c for c in block.cells if c.strip()) if block.is_row else block.text
    return re.sub(r"(?:\t|\s|[.…·・-]{2,})\s*\d{1,3}\s*$", "", text.strip())


def _toc_heading(blocks: list[Block], index: int) -> bool:
    # In a 目录 the part headings and wrapped titles carry no page number: they belong to it
    # when the next line is a 目录 entry.
    block = blocks[index]
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    if following is None or block.is_row or not is_toc_entry(following):
        return False
    key = block_key(block)
    return bool(PART1.match(key) or PART2.match(key) or SECTION.match(key) or TITLE_START.match(key))


def _read_cover(lines: list[Block], cover: Cover, ctx: Context) -> None:
    pending: list[Block] = []
    duplicate = False
    for block in lines:
        text = ctx.clean(block.raw())
        if block.is_row:
            text = ctx.clean(" ".join(c.strip() for c in block.cells if c.strip()))
        match = YEAR_TITLE.match(text)
        if match:
            department = "".join(ctx.clean(b.raw()) for b in pending) + match.group(1).strip()
            if cover.year is None:
                cover.found, cover.year, cover.department = True, int(match.group(2)), department
                _status(match.group(3), block, cover, ctx)
            else:
                duplicate = True
                ctx.note(block.line, text, "封面重复出现，已按第一份封面读取，这一份略过")
                if department and department != cover.department:
                    ctx.note((pending[0] if pending else block).line, department, "重复的封面上部门名称与第一份不同，未采用")
            pending = []
            continue
        if STATUS.match(text) and _status(text, block, cover, ctx, duplicate):
            continue
        if _labelled(text, block, cover, ctx):
            continue
        for pattern, name in ((PREPARED, "prepared_by"), (REVIEWED, "reviewed_by")):
            found = pattern.match(text)
            if found:
                if not getattr(cover, name):
                    setattr(cover, name, found.group(1).strip())
                    cover.found = True
                elif getattr(cover, name) != found.group(1).strip():
                    ctx.note(block.line, text, "封面上又出现一个不同的编制/审核单位，未采用")
                break
        else:
            pending.append(block)
    for block in pending:
        ctx.note(block.line, ctx.clean(block.raw()), "封面或目录中无法识别的文字，未导入")


def cover_field(label: str) -> str | None:
    """The cover field a label names (``"department"`` for 单位名称), from the label data."""
    return labels().field("cover", label)


def _labelled(text: str, block: Block, cover: Cover, ctx: Context) -> bool:
    """A cover line written as label and value: 单位名称：某某局, 预算年度：2025年, 状态：草案."""
    match = LABELED.match(text)
    field = cover_field(match.group(1)) if match else None
    if field is None or field == "framework":
        return False
    value = match.group(2).strip()
    if field == "year":
        year = re.fullmatch(r"(\d{4})\s*年?度?", value)
        if year:
            cover.year, cover.found = int(year.group(1)), True
        elif value:
            ctx.note(block.line, text, "预算年度不是四位数的年份，未导入")
    elif field == "status":
        return _status(value if STATUS.match(value) else f"（{value}）", block, cover, ctx) or bool(value)
    elif value and not getattr(cover, field):
        setattr(cover, field, value)
        cover.found = True
    return True


def _status(text: str, block: Block, cover: Cover, ctx: Context, duplicate: bool = False) -> bool:
    text = text.strip()
    if not text:
        return False
    match = STATUS.match(text)
    if not match:
        ctx.note(block.line, text, "封面标题后的文字无法识别，未导入")
        return False
    status = DocumentStatus.FINAL if match.group(1) == "正式" else DocumentStatus.DRAFT
    if match.group(1) not in ("草案", "正式"):
        ctx.note(block.line, text, f"封面状态“{match.group(1)}”记为“草案”")
    if cover.status is None:
        cover.status = status
    elif cover.status != status and not duplicate:
        ctx.note(block.line, text, "封面上的状态出现两次且不同，按第一次的读取")
    return True
