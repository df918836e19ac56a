"""Reading a PDF written by perfdesk.pdf back, the way a person reads it: by pages and rulings.

Only pdfplumber/pypdf are used (never the bytes): tables are found by their ruling lines and
read cell by cell; the page number is the ``- N -`` printed in the footer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pdfplumber

FOOTER = re.compile(r"^-\s*(\d+)\s*-$")
TOC_LINE = re.compile(r"^(.*?)\s*\.{4,}\s*(\d+)$")
HEADER = ["一级指标", "二级指标", "三级指标", "绩效指标描述", None, "指标值", "指标值确定依据"]


def compact(text: str | None) -> str:
    """Cell text without the line breaks that wrapping put in."""
    return (text or "").replace("\n", "")


def page_text(page) -> str:
    return page.extract_text() or ""


def printed_number(page) -> int | None:
    lines = [line.strip() for line in page_text(page).splitlines() if line.strip()]
    if not lines:
        return None
    found = FOOTER.match(lines[-1])
    return int(found.group(1)) if found else None


def toc_entries(page) -> list[tuple[str, int]]:
    """(title, number) of every 目录 line on a page; a wrapped title is joined back."""
    entries, pending = [], ""
    for line in page_text(page).splitlines():
        line = line.strip()
        found = TOC_LINE.match(line)
        if found:
            entries.append((pending + found.group(1).strip(), int(found.group(2))))
            pending = ""
        elif line and not line.startswith("第") and line not in ("目 录", "目　录", "目录"):
            pending += line
    return entries


@dataclass
class TableRead:
    """One project's table as read from the PDF (all its pages put together)."""

    rows: list[list[str | None]] = field(default_factory=list)  # first page's top rows included
    pages: int = 0
    unit_line: str = ""  # the line between the title and the table: unit, then 单位：万元
    page_rows: list[list[list[str | None]]] = field(default_factory=list)  # raw rows, page by page
    header_on_every_page: bool = True


def read_project_tables(path) -> dict[str, TableRead]:
    """Tables by the title above them (``1.<名称>绩效目标表``); continuation pages appended."""
    tables: dict[str, TableRead] = {}
    current: TableRead | None = None
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            found = page.find_tables()
            if not found:
                current = None
                continue
            table = found[0]
            # A page with no row ruled between D and E (all rows merge D:E) reads as 6 columns.
            rows = [row[:4] + [None] + row[4:] if len(row) == 6 else row for row in table.extract()]
            above = page.crop((0, 0, page.width, table.bbox[1])).extract_text() or ""
            title = next((line for line in above.splitlines() if "绩效目标表" in line), None)
            if title is not None:
                # The title may wrap over lines; it ends with 绩效目标表 and the unit line follows.
                lines = [line.strip() for line in above.splitlines()]
                first = next(i for i, line in enumerate(lines) if re.match(r"^\d+\.", line))
                title_lines = []
                for line in lines[first:]:
                    title_lines.append(line)
                    if line.endswith("绩效目标表"):
                        break
                current = TableRead()
                rest = lines[first + len(title_lines):]
                current.unit_line = rest[0] if rest else ""
                tables["".join(title_lines)] = current
            elif current is None:
                continue
            else:
                current.header_on_every_page &= [compact(c) if c is not None else None for c in rows[0]] == HEADER
            current.page_rows.append(rows)
            current.rows += rows if title is not None else rows[1:]
            current.pages += 1
    return tables


def indicator_rows(table: TableRead) -> list[tuple[str, ...]]:
    """The indicator rows with merged 一级/二级 cells filled in: (l1, l2, l3, desc, value, basis)."""
    start = next(i for i, row in enumerate(table.rows)
                 if [compact(c) if c is not None else None for c in row] == HEADER) + 1
    result, level1, level2 = [], "", ""
    for row in table.rows[start:]:
        if row[0] is not None:
            level1 = compact(row[0])
        if row[1] is not None:
            level2 = compact(row[1])
        result.append((level1, level2, compact(row[2]), compact(row[3]), compact(row[5]), compact(row[6])))
    return result
