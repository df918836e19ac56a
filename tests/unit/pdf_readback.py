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
PART_HEADING = re.compile(r"^第[一二三四五六七八九十]+部分\s")
TABLE_TITLE = re.compile(r"^\d+\.")
HEADER = ["一级指标", "二级指标", "三级指标", "绩效指标描述", None, "指标值", "指标值确定依据"]


def compact(text: str | None) -> str:
    """Cell text without the line breaks that wrapping put in."""
    return (text or "").replace("\n", "")


def page_text(page) -> str:
    # keep_blank_chars: the spaces printed are read as they are ("99号  关于" keeps its two).
    return page.extract_text(keep_blank_chars=True) or ""


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
        elif line and not PART_HEADING.match(line) and line not in ("目 录", "目　录", "目录"):
            pending += line
    return entries


def contents(pdf) -> list[tuple[str, int]]:
    """Every 目录 line of a whole document: the pages after the cover up to the first numbered one."""
    entries = []
    for page in pdf.pages[1:]:
        if printed_number(page) is not None:
            break
        entries += toc_entries(page)
    return entries


@dataclass
class CellLines:
    """The characters printed inside one ruled cell, line by line (each line left to right)."""

    box: tuple[float, float, float, float]  # x0, top, x1, bottom: the ruling lines around it
    lines: list[list[dict]]

    def texts(self) -> list[str]:
        return ["".join(char["text"] for char in line) for line in self.lines]


def cell_lines(page) -> list[CellLines]:
    """Each character goes to the table cell that holds its centre; lines are told apart by
    their height on the page."""
    boxes = [box for table in page.find_tables() for box in table.cells if box is not None]
    found: dict[tuple, list[dict]] = {}
    for char in page.chars:
        if not char["text"].strip():
            continue
        x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
        box = next((b for b in boxes if b[0] < x < b[2] and b[1] < y < b[3]), None)
        if box is not None:
            found.setdefault(box, []).append(char)
    cells = []
    for box, chars in found.items():
        lines: list[list[dict]] = []
        for char in sorted(chars, key=lambda c: (c["top"], c["x0"])):
            if lines and abs(char["top"] - lines[-1][0]["top"]) < 3:
                lines[-1].append(char)
            else:
                lines.append([char])
        cells.append(CellLines(box, [sorted(line, key=lambda c: c["x0"]) for line in lines]))
    return cells


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
            rows = [row[:4] + [None] + row[4:] if len(row) == 6 else row
                    for row in table.extract(keep_blank_chars=True)]
            above = page_text(page.crop((0, 0, page.width, table.bbox[1])))
            lines = [line.strip() for line in above.splitlines()]
            # The title may wrap over lines (even between 绩效目标 and 表); the unit line follows.
            first = next((i for i, line in enumerate(lines) if TABLE_TITLE.match(line)), None)
            title = None
            if first is not None:
                for last in range(first, len(lines)):
                    if "".join(lines[first:last + 1]).endswith("绩效目标表"):
                        title = "".join(lines[first:last + 1])
                        break
            if title is not None:
                current = TableRead()
                rest = lines[last + 1:]
                current.unit_line = rest[0] if rest else ""
                tables[title] = current
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


def read_paper(path) -> tuple[list[str], list[str]]:
    """A paper's (text of each page, text of every table cell with line breaks and spaces taken out)."""
    with pdfplumber.open(path) as pdf:
        pages = [page_text(page) for page in pdf.pages]
        cells = ["".join(cell.texts()).replace(" ", "") for page in pdf.pages for cell in cell_lines(page)]
    return pages, cells


def flat(pages: list[str]) -> str:
    """All pages' text as one string without any whitespace."""
    return re.sub(r"\s+", "", "".join(pages))


def pdf_fonts(path) -> tuple[dict, set[str]]:
    """(base font name → its font dictionary, as pypdf reads the pages' resources; the font
    names pdfplumber finds on the characters)."""
    from pypdf import PdfReader

    fonts = {}
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[str(font["/BaseFont"])] = font
    with pdfplumber.open(path) as pdf:
        used = {char["fontname"] for page in pdf.pages for char in page.chars}
    return fonts, used
