"""Importing a published PDF: its pages read back into paragraphs and table rows.

pdfplumber (imported only when a PDF is read) gives the characters of each page and the
tables found by their ruling lines. A table becomes row blocks in the convention of a .docx
(see files.py): cells follow the table's grid, a cell merged across columns is followed by
empty cells for the columns it covers, and a cell continuing a vertical merge is empty (its
text stands in the first row it covers). Text outside the tables becomes paragraph blocks,
in reading order with the rows, top to bottom.

A table continued on the next page is one table: its pieces share one grid (a page whose rows
all merge D:E would otherwise have a column less), and a row that Word cut at the page foot
(the rest of its cells at the top of the next page, nothing in the cells that were complete)
is put back together. A repeated header row is left to the table reader, which skips it.

A PDF keeps no paragraphs, only printed lines, so they are put back the way a reader does: a
line continues the one above when that one was full (the first characters of this line would
not have fitted after it) and nothing else says a new paragraph starts (another font or size,
a wider gap above, an indented first line, a 目录 line ending in its page number). Inside a
cell the same test on the cell's width tells a wrapped line from a line break the clerk typed,
which is kept, as a .docx cell keeps its paragraphs. Wrapped lines are joined without a space
next to Chinese and with one between Latin words. Page numbers and a running header or footer
(the same line at the top or foot of many pages) are page furniture and are left out. The
Symbol font's ≥ and ≤ (Word's Insert ▸ Symbol) come back as its private codes and are read
as the characters they show, as the .docx reader reads them.

Each block's ``line`` is a running number; :class:`PageLines` turns it into the page and the
line on that page (every printed line counts, a table row as one), which import notes show as
“第 3 页第 12 行”. A PDF that cannot be read (not a PDF, damaged, password-protected, a scan
without a text layer, far too big) is refused with a Chinese message.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import statistics
from bisect import bisect_right
from concurrent.futures import ProcessPoolExecutor
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from perfdesk.errors import FileFormatError, describe_error
from perfdesk.importers.context import Context
from perfdesk.importers.files import SYMBOL_FONT
from perfdesk.importers.result import ImportNote, ImportResult
from perfdesk.importers.source import PAGE_NUMBER, Block, squeeze

MAX_PDF_BYTES = 200 * 1024 * 1024
MAX_PDF_PAGES = 2000  # a county bureau's text runs to a few hundred pages at most

# Tables are found by their ruling lines (pdfplumber's "lines" strategy also takes the edges of
# thin filled rectangles, which some printers draw borders as). Measured on perfdesk's export
# (0.6 pt lines) and on Word files printed by LibreOffice (0.5 pt lines), every tolerance from
# 0.5 to 8 pt finds every cell, each merged cell as one; the defaults (3 pt) are kept for
# borders that two neighbouring cells each draw a little apart. What differs between pages is
# the grid itself (a page whose rows all merge D:E has six columns): see _build_tables.
TABLE_SETTINGS = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "intersection_tolerance": 3,
    "edge_min_length": 3,
}

# Characters that may not start or end a line (禁则): a layout moves them down together with
# their neighbour, so they belong to the next line's head.
CANNOT_START = frozenset("，。、；：？！…‥·・～—）》〉」』】〕〗〙〛｝］”’％‰℃°′″,.;:?!)]}%")
CANNOT_END = frozenset("（《〈「『【〔〖〘〚｛［“‘([{￥$")
_SPACES = frozenset(" \u00a0\u3000")
# A layout that would end a paragraph with a line of one character moves more down with it
# (perfdesk's export keeps two: 可持续影响/指标): such a short line may have fitted above.
SHORT_LAST_LINE = 3
FULL_TOLERANCE = 1.0  # pt: a line whose next word misses the right edge by less still counts as full
_ITEM_NUMBER = re.compile(r"^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、](?!\d))")
_TITLE_START = re.compile(r"^\s*\d{1,3}\s*[.．、]\s*\D")  # 12.<项目名称>…: a table title, in the 目录 too
_LEADER_AND_PAGE = re.compile(r"[.…·・．\-]{3,}\s*\d{1,3}$")  # a 目录 line: dot leader and page number


def _wide(char: str) -> bool:
    """A CJK character or full-width mark: joining never puts a space next to it."""
    return char >= "\u2e80"


def _character(text: str, font: str) -> str:
    # The Symbol font (OpenSymbol when LibreOffice prints) comes back as its private codes.
    if "\uf020" <= text <= "\uf0ff" and "symbol" in font.lower():
        return SYMBOL_FONT.get(ord(text) - 0xF000, text)
    return "\u0020" if text == "\u00a0" else text


# --------------------------------------------------------------------------------- lines
@dataclass
class _Char:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(eq=False)
class _Line:
    """One printed line: its characters left to right, and where it stands."""

    chars: list[_Char]
    page: int = 0
    place: int = 0           # the line's number on its page
    after_row: bool = False  # a table row came between this line and the text line before

    @cached_property
    def text(self) -> str:
        return _line_text(self.chars)

    @cached_property
    def x0(self) -> float:
        return self.chars[0].x0

    @cached_property
    def x1(self) -> float:
        return max(c.x1 for c in self.chars)

    @property
    def top(self) -> float:
        return min(c.top for c in self.chars)

    @property
    def bottom(self) -> float:
        return max(c.bottom for c in self.chars)

    @cached_property
    def visible(self) -> list[_Char]:
        return [c for c in self.chars if c.text not in _SPACES] or self.chars

    @cached_property
    def size(self) -> float:
        """The size most of its characters have (a fallback glyph may differ)."""
        return Counter(round(c.size * 2) / 2 for c in self.visible).most_common(1)[0][0]

    @cached_property
    def font(self) -> str | None:
        """The font most of its Chinese is set in; None for a line without Chinese, whose
        digits and dots a Chinese font often leaves to a Latin one (……11 under its title)."""
        fonts = Counter(c.font for c in self.visible if _wide(c.text))
        return fonts.most_common(1)[0][0] if fonts else None

    def head(self) -> float:
        """The width of what a wrapping layout moves to a line as one piece: its first
        character with the marks bound to it, or its first Latin word or number; all of a
        line of a few characters (moved down so that a paragraph does not end in one)."""
        chars = self.visible
        if len(chars) <= SHORT_LAST_LINE:
            return chars[-1].x1 - chars[0].x0
        if _ITEM_NUMBER.match(self.text.lstrip()):
            # （三）moves down whole, so a line ending three characters short of the edge might
            # have been full; but a line starting with an item's number starts the item.
            return chars[0].x1 - chars[0].x0
        end = 1
        if not _wide(chars[0].text):
            while end < len(chars) and not _wide(chars[end].text) and chars[end].x0 - chars[end - 1].x1 < 1:
                end += 1
        while end < len(chars) and chars[end - 1].text in CANNOT_END:
            end += 1
        while end < len(chars) and chars[end].text in CANNOT_START:
            end += 1
        return chars[end - 1].x1 - chars[0].x0


def _line_text(chars: list[_Char]) -> str:
    """The characters of one line as text: a space where the PDF has one, where Latin words
    stand apart without one (some writers leave it out), and in a wide gap (a tab stop: the
    unit at the left and 单位：万元 at the right); never between Chinese set a little apart.
    Gaps count beyond the line's usual spacing, so that justified or evenly spread text
    (分散对齐) reads as written."""
    gaps = [b.x0 - a.x1 for a, b in zip(chars, chars[1:]) if a.text not in _SPACES and b.text not in _SPACES]
    usual = max(0.0, statistics.median(gaps)) if gaps else 0.0
    parts: list[str] = []
    previous: _Char | None = None
    for char in chars:
        if previous is not None and char.text not in _SPACES and previous.text not in _SPACES:
            extra = char.x0 - previous.x1 - usual
            size = max(char.size, previous.size)
            if extra > 1.5 * size or (extra > 0.2 * size and not _wide(previous.text) and not _wide(char.text)):
                parts.append(" ")
        parts.append(char.text)
        previous = char
    return "".join(parts)


def _group_lines(chars: list[_Char]) -> list[_Line]:
    """Characters into lines (by their height on the page), each left to right."""
    lines: list[list[_Char]] = []
    middle = 0.0
    for char in sorted(chars, key=lambda c: (c.middle, c.x0)):
        if lines and abs(char.middle - middle) <= 0.4 * char.size:
            lines[-1].append(char)
        else:
            lines.append([char])
            middle = char.middle
    return [_Line(sorted(line, key=lambda c: c.x0)) for line in lines]


def _join(before: str, after: str) -> str:
    """Two pieces of one wrapped paragraph: a space between Latin words, none next to Chinese."""
    if not before or not after:
        return before + after
    if _wide(before[-1]) or _wide(after[0]) or before[-1] in _SPACES or after[0] in _SPACES:
        return before + after
    # A Latin word is cut only when it alone is longer than the line: a line of one word.
    return before + (" " if " " in before.strip() or any(_wide(c) for c in before) else "") + after


# -------------------------------------------------------------------------------- tables
def _cluster(values: list[float], tolerance: float = 1.5) -> list[float]:
    result: list[float] = []
    for value in sorted(values):
        if not result or value - result[-1] > tolerance:
            result.append(value)
    return result


def _nearest(edges: list[float], value: float) -> int:
    index = bisect_right(edges, value)
    if index == 0:
        return 0
    if index == len(edges):
        return len(edges) - 1
    return index if edges[index] - value < value - edges[index - 1] else index - 1


@dataclass(eq=False)
class _Row:
    cells: list[str]
    top: float
    page: int = 0
    place: int = 0
    joined: bool = False  # the rest of the row above, cut off by the page break: read with it
    # column → the cell's printed lines and the width they have, to see if a page cut a cell
    printed: dict[int, tuple[list[_Line], float]] = field(default_factory=dict)


class _Table:
    """One table (or the piece of one on a page): its cells as boxes, and their characters."""

    def __init__(self, found) -> None:  # noqa: ANN001 - a pdfplumber Table
        self.boxes = sorted({tuple(round(v, 2) for v in cell) for cell in found.cells})
        self.x0, self.top, self.x1, self.bottom = found.bbox
        self.xs = _cluster([b[0] for b in self.boxes] + [b[2] for b in self.boxes])
        self.ys = _cluster([b[1] for b in self.boxes] + [b[3] for b in self.boxes])
        self.at: dict[tuple[int, int], int] = {}  # grid position → the cell covering it
        for number, (x0, top, x1, bottom) in enumerate(self.boxes):
            for row in range(_nearest(self.ys, top), _nearest(self.ys, bottom)):
                for column in range(_nearest(self.xs, x0), _nearest(self.xs, x1)):
                    self.at.setdefault((row, column), number)
        self.chars: list[list[_Char]] = [[] for _ in self.boxes]
        self.rows: list[_Row] = []

    def take(self, char: _Char) -> bool:
        """Keep a character whose centre lies in one of the cells."""
        x, y = (char.x0 + char.x1) / 2, char.middle
        if not (self.xs[0] <= x < self.xs[-1] and self.ys[0] <= y < self.ys[-1]):
            return False
        number = self.at.get((bisect_right(self.ys, y) - 1, bisect_right(self.xs, x) - 1))
        if number is None:
            return False
        self.chars[number].append(char)
        return True

    def build(self, xs: list[float]) -> None:
        """The rows, on the column grid ``xs`` (shared by the pieces of one table)."""
        lines = [_group_lines(chars) for chars in self.chars]
        padding = self._padding(lines)
        rows = [_Row([""] * (len(xs) - 1), top) for top in self.ys[:-1]]
        for box, cell_lines in zip(self.boxes, lines):
            row, column = _nearest(self.ys, box[1]), _nearest(xs, box[0])
            if row < len(rows) and column < len(xs) - 1 and cell_lines:
                room = box[2] - box[0] - 2 * padding
                rows[row].cells[column] = _cell_text(cell_lines, room)
                rows[row].printed[column] = (cell_lines, room)
        self.rows = rows

    def _padding(self, lines: list[list[_Line]]) -> float:
        # Left-aligned text, and any line that fills its cell, starts at the cell padding;
        # the third-closest start ignores a stray glyph set further left.
        gaps = sorted(max(0.0, min(line.x0 for line in cell) - box[0])
                      for cell, box in zip(lines, self.boxes) if cell)
        return gaps[min(2, len(gaps) - 1)] if gaps else 0.0


def _wraps(previous: _Line, line: _Line, room: float) -> bool:
    """Whether ``line`` is the wrapped rest of ``previous`` in a cell ``room`` wide."""
    return (previous.x1 - previous.x0) + line.head() > room - FULL_TOLERANCE


def _cell_text(lines: list[_Line], room: float) -> str:
    """A cell's lines as its text: wrapped lines joined, the clerk's line breaks kept."""
    text = lines[0].text.strip()
    for previous, line in zip(lines, lines[1:]):
        text = _join(text, line.text.strip()) if _wraps(previous, line, room) else text + "\n" + line.text.strip()
    return text


def _continued(above: _Table, below: _Table) -> bool:
    """Whether ``below``, first on its page, goes on with ``above``, last on the page before."""
    return abs(above.x0 - below.x0) <= 3 and abs(above.x1 - below.x1) <= 3


def _build_tables(chains: list[list[_Table]]) -> None:
    for chain in chains:
        xs = _cluster([x for table in chain for x in table.xs])
        for table in chain:
            table.build(xs)
        for above, below in zip(chain, chain[1:]):
            if above.rows and below.rows and _cut(above.rows[-1], below.rows[0]):
                last, rest = above.rows[-1], below.rows[0]
                last.cells = [_join(a, b) if b else a for a, b in zip(last.cells, rest.cells)]
                rest.joined = True


def _cut(last: _Row, first: _Row) -> bool:
    """A row cut by the page break: the first row of the new page has text only in cells that
    hold text above the break, and each of those ended there in a full line that this text
    goes on from. A row of its own has text where the row above is empty (一级/二级 merged
    down), or cells above it that end short (特派员 under 榆关镇科技); so has a repeated header."""
    filled = [i for i, cell in enumerate(first.cells) if cell]
    if not filled:
        return False
    for column in filled:
        if column not in last.printed or column not in first.printed:
            return False
        (above, room), (below, _) = last.printed[column], first.printed[column]
        if not _wraps(above[-1], below[0], room):
            return False
    return True


# --------------------------------------------------------------------------------- pages
@dataclass
class _Page:
    number: int
    height: float = 0.0
    items: list[_Line | _Table] = field(default_factory=list)
    scanned: bool = False  # no text, only pictures: a scanned page


def _chars(page) -> list[_Char]:  # noqa: ANN001 - a pdfplumber Page
    chars = []
    seen: set[tuple[str, int, int]] = set()
    for c in page.chars:
        text = c["text"]
        if not text or text in "\r\n" or not c.get("upright", True):
            continue  # rotated text is a watermark (草案, 样本), not the document's
        # Text made bold by printing it twice, a little apart, comes back twice: the same
        # character within a point of itself is one. (pdfplumber's dedupe_chars is 10x slower.)
        x, y = round(c["x0"]), round(c["top"])
        if any((text, x + dx, y + dy) in seen for dx in (-1, 0, 1) for dy in (-1, 0, 1)):
            continue
        seen.add((text, x, y))
        font = c["fontname"].split("+", 1)[-1]  # "AA+UMingCN" is a subset of UMingCN
        chars.append(_Char(_character(text, font), c["x0"], c["x1"], c["top"], c["bottom"], c["size"], font))
    return chars


def _read_page(page, number: int) -> _Page:  # noqa: ANN001 - a pdfplumber Page
    result = _Page(number, height=page.height)
    chars = _chars(page)
    if not chars:
        result.scanned = bool(page.images)
        return result
    # A ruled box of one cell (a frame around the cover) is no table.
    tables = [_Table(found) for found in page.find_tables(TABLE_SETTINGS) if len(found.cells) >= 2]
    outside = [char for char in chars if not any(table.take(char) for table in tables)]
    result.items = sorted([*_group_lines(outside), *tables], key=lambda item: item.top)
    return result


# ------------------------------------------------------------------------ page furniture
_DIGITS = re.compile(r"\d+")
_NUMBERED = re.compile(r"^(?:\d{1,3}|[（(]?[一二三四五六七八九十]+[)）]?)[.．、)）]")


def _furniture(pages: list[_Page]) -> set[int]:
    """ids of the lines that are page numbers, or a header or footer repeated on many pages."""
    edges = [(page, item) for page in pages if page.items
             for item in {id(i): i for i in (page.items[0], page.items[-1])}.values() if isinstance(item, _Line)]
    repeated = Counter(_DIGITS.sub("#", squeeze(line.text)) for _, line in edges)
    dropped = set()
    for page, line in edges:
        key = squeeze(line.text)
        if PAGE_NUMBER.match(key):
            dropped.add(id(line))
        elif (repeated[_DIGITS.sub("#", key)] >= max(3, len(pages) // 2) and not _NUMBERED.match(key)
              and "绩效目标表" not in key and (line.top < page.height * 0.15 or line.bottom > page.height * 0.85)):
            # Project titles may differ only in their numbers (N.唐财教（2021）NN号…): a
            # numbered line or a title is never taken for a header.
            dropped.add(id(line))
    return dropped


def _chains(pages: list[_Page], dropped: set[int]) -> list[list[_Table]]:
    """The tables, pieces continued over a page break put together."""
    chains: list[list[_Table]] = []
    last: _Line | _Table | None = None
    for page in pages:
        kept = [item for item in page.items if id(item) not in dropped]
        for index, item in enumerate(kept):
            if isinstance(item, _Table):
                if index == 0 and isinstance(last, _Table) and _continued(last, item):
                    chains[-1].append(item)
                else:
                    chains.append([item])
        last = kept[-1] if kept else last
    return chains


# ---------------------------------------------------------------------------- paragraphs
@dataclass
class _Measure:
    """The text frame as the lines show it, for telling paragraphs apart."""

    right: float               # where full lines end
    gaps: dict[float, float]   # font size → the usual gap between two lines of a paragraph
    body_font: str | None
    body_size: float

    @classmethod
    def of(cls, lines: list[_Line]) -> _Measure:
        if not lines:
            return cls(0.0, {}, None, 0.0)
        left = Counter(round(line.x0) for line in lines).most_common(1)[0][0]
        fonts = Counter(line.font for line in lines if line.font)
        body_font = fonts.most_common(1)[0][0] if fonts else None
        body_size = Counter(line.size for line in lines).most_common(1)[0][0]
        return cls(_right_edge(lines, left), _usual_gaps(lines), body_font, body_size)

    def continues(self, previous: _Line, line: _Line) -> bool:
        """Whether ``line`` is the wrapped rest of the paragraph ``previous`` ends."""
        size = line.size
        if line.after_row or previous.size != size:
            return False
        if previous.font and line.font and previous.font != line.font:
            return False  # a heading and its text: another typeface
        if (_LEADER_AND_PAGE.search(line.text) and _TITLE_START.match(previous.text)
                and not _LEADER_AND_PAGE.search(previous.text) and abs(line.x0 - previous.x0) <= 0.5 * size):
            return True  # a 目录 entry wrapped before its page number, which keeps the room
        if previous.x1 + line.head() <= self.right - FULL_TOLERANCE:
            return False  # the line above ended short: its paragraph ended there
        if _LEADER_AND_PAGE.search(previous.text):
            return False  # a 目录 line ends with its page number
        if line.x0 > previous.x0 + 0.5 * size and not self._centred_heading(previous, line):
            return False  # an indented first line
        if previous.page == line.page:
            usual = self.gaps.get(size)
            gap = line.top - previous.bottom
            if gap < -0.5 * size or (usual is not None and gap > usual + max(2.0, 0.2 * size)):
                return False
        return True

    def _centred_heading(self, previous: _Line, line: _Line) -> bool:
        # A title wrapped in the middle of the page: the second line is shorter, not indented.
        # Told from body text by its typeface or size (a printer may set all in one face).
        middle = (line.x0 + line.x1) / 2
        heading = line.font != self.body_font or line.size != self.body_size
        return heading and abs(middle - (previous.x0 + previous.x1) / 2) <= line.size


def _right_edge(lines: list[_Line], left: float) -> float:
    """Where full lines end: the commonest end among the long lines. Not the widest: Word lets
    a closing mark hang into the margin (…共同发展；), and a line a character short (a mark
    moved down by 禁则) still counts as full through the next line's head."""
    widest = max(line.x1 for line in lines)
    ends = sorted(line.x1 for line in lines if line.x1 >= left + 0.5 * (widest - left))
    best, count = widest, 0
    for index, end in enumerate(ends):
        last = bisect_right(ends, end + 1.5) - 1  # the lines ending within 1.5 pt after this one
        if last + 1 - index > count or (last + 1 - index == count and ends[last] > best):
            best, count = ends[last], last + 1 - index
    return best if count >= 3 else widest


def _usual_gaps(lines: list[_Line]) -> dict[float, float]:
    by_size: dict[float, list[float]] = {}
    for previous, line in zip(lines, lines[1:]):
        if previous.page == line.page and previous.size == line.size:
            gap = line.top - previous.bottom
            if 0 <= gap < 2 * line.size:
                by_size.setdefault(line.size, []).append(gap)
    return {size: statistics.median(gaps) for size, gaps in by_size.items()}


def _paragraphs(lines: list[_Line]) -> list[list[_Line]]:
    measure = _Measure.of(lines)
    paragraphs: list[list[_Line]] = []
    for line in lines:
        if paragraphs and measure.continues(paragraphs[-1][-1], line):
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return paragraphs


# ------------------------------------------------------------------------------- the map
@dataclass
class PageLines:
    """Where each running line number of the blocks stands: (page, line on that page)."""

    places: list[tuple[int, int]] = field(default_factory=list)
    # What the reader did on its own, for the clerk to check: notes with their page.
    notes: list[ImportNote] = field(default_factory=list)

    def add(self, page: int, place: int) -> int:
        self.places.append((page, place))
        return len(self.places)

    def note(self, note: ImportNote) -> ImportNote:
        """The note with its page and the line on that page."""
        if not 1 <= note.line <= len(self.places):
            return note
        page, place = self.places[note.line - 1]
        return ImportNote(place, note.text, note.reason, page=page)


# ------------------------------------------------------------------------------- reading
def read_pdf_blocks(path: str | Path) -> tuple[list[Block], PageLines]:
    """The blocks of a PDF (paragraphs and table rows, in reading order) and the page map."""
    path = Path(path)
    _check_file(path)
    pages = _read_pages(path)
    dropped = _furniture(pages)
    _build_tables(_chains(pages, dropped))
    notes = [ImportNote(1, "", "这一页是图片（扫描件），没有文字，未导入，请对照原件补上", page=page.number)
             for page in pages if page.scanned]
    items = _in_reading_order(pages, dropped, notes)
    places = PageLines(notes=sorted(notes, key=lambda note: (note.page, note.line)))
    return _blocks(items, places), places


def _in_reading_order(pages: list[_Page], dropped: set[int], notes: list[ImportNote]) -> list[_Line | _Row]:
    """Text lines and table rows page by page, each numbered on its page; furniture left out."""
    items: list[_Line | _Row] = []
    for page in pages:
        place = 0
        for item in page.items:
            for part in item.rows if isinstance(item, _Table) else [item]:
                place += 1  # every printed line counts, so the clerk can count them on the page
                part.page, part.place = page.number, place
                if isinstance(part, _Row) and part.joined:
                    notes.append(ImportNote(place, " ".join(c for c in part.cells if c),
                                            "表格的一行在分页处断开，这是它的后半，已接到上一页的那一行，请核对",
                                            page=page.number))
                elif id(part) not in dropped:
                    items.append(part)
    return items


def _blocks(items: list[_Line | _Row], places: PageLines) -> list[Block]:
    lines: list[_Line] = []
    previous_row = True
    for item in items:
        if isinstance(item, _Row):
            previous_row = True
        else:
            item.after_row, previous_row = previous_row, False
            lines.append(item)
    paragraphs = {id(paragraph[0]): paragraph for paragraph in _paragraphs(lines)}
    blocks: list[Block] = []
    for item in items:
        if isinstance(item, _Row):
            line = places.add(item.page, item.place)
            blocks.append(Block(line, cells=item.cells, lines=[line] * len(item.cells)))
        elif id(item) in paragraphs:
            paragraph = paragraphs[id(item)]
            text = paragraph[0].text.strip()
            for more in paragraph[1:]:
                text = _join(text, more.text.strip())
            if text:
                blocks.append(Block(places.add(item.page, item.place), text=text, blank_before=True))
    return blocks


NOT_PDF = "这不是 PDF 文件（可能是改了扩展名的其他文件）。请导入上年公开的 PDF、.docx 或 .txt 文件"
DAMAGED = "PDF 文件已损坏或不完整（可能没有下载或复制完），无法读取。请重新获取原文件后再导入"
ENCRYPTED = ("PDF 有密码保护，无法读取。请在 PDF 阅读器中输入密码后另存为没有密码的 PDF，"
             "或复制文字存为 .txt 后再导入")
SCANNED = "这是扫描件，没有文字层，无法导入。请找到原文件（Word 或能复制文字的 PDF），或把文字录入后再导入"
MISSING_READER = ("这个 perfdesk 缺少读取 PDF 的组件（pdfplumber），无法导入 PDF。"
                  "请在 PDF 阅读器中全选复制文字，存为 .txt 后再导入，并告诉维护人员")
NO_TEXT = "PDF 中没有可读取的文字，无法导入"
GARBLED = ("PDF 中的文字无法识别（字体没有附带字符编码，复制出来是乱码），无法导入。"
           "请找到原文件（Word），或用其他软件重新打印成 PDF 后再导入")


def _refuse(path: Path, message: str) -> FileFormatError:
    return FileFormatError(message, path=str(path))


def _check_file(path: Path) -> None:
    """Refuse what is no PDF, too big to be a budget text, or cut off before its end."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            start = handle.read(1024)
            handle.seek(max(0, size - 4096))
            end = handle.read()
    except OSError as error:
        raise _refuse(path, f"无法读取文件：{describe_error(error).rstrip('。')}") from None
    if b"%PDF-" not in start:
        raise _refuse(path, NOT_PDF)
    if size > MAX_PDF_BYTES:
        raise _refuse(path, f"PDF 文件有 {size // (1024 * 1024)} MB，太大，不像是一份部门预算绩效文本")
    if b"%%EOF" not in end:
        # Every complete PDF ends with %%EOF; a file cut off short may still half open and
        # would import its first pages without a word about the rest.
        raise _refuse(path, DAMAGED)


def _open_error(path: Path, error: Exception) -> FileFormatError:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect  # pdfplumber's parser

    inner = error.args[0] if error.args and isinstance(error.args[0], BaseException) else error
    if isinstance(inner, (PDFPasswordIncorrect, PDFEncryptionError)):
        return _refuse(path, ENCRYPTED)
    return _refuse(path, DAMAGED)


# Parsing a page's content is nine tenths of an import (pdfminer, in Python): a long PDF is
# read by one process per core, each taking a run of pages; a short one is not worth the
# processes' start (about a second each: they are spawned, never forked from the window).
PAGES_PER_WORKER = 24


def _pages_of(pdf, start: int, stop: int) -> list[_Page] | None:  # noqa: ANN001 - a pdfplumber PDF
    """Pages ``start`` to ``stop`` (0-based, stop excluded); None if one cannot be parsed."""
    pages = []
    for number in range(start, stop):
        page = pdf.pages[number]
        try:
            pages.append(_read_page(page, number + 1))
        except Exception:  # noqa: BLE001 - a page pdfminer cannot parse
            return None
        finally:
            page.close()  # let the page's parsed objects go: a long PDF would keep them all
    return pages


def _read_range(job: tuple[str, int, int]) -> list[_Page] | None:
    """A worker's run of pages (it opens the file itself: parsed pages do not travel)."""
    import pdfplumber

    path, start, stop = job
    try:
        with pdfplumber.open(path, raise_unicode_errors=False) as pdf:
            return _pages_of(pdf, start, stop)
    except Exception:  # noqa: BLE001 - the whole file opened once already: a page is bad
        return None


def _pages_in_parallel(path: Path, count: int, workers: int) -> list[_Page] | None:
    step = -(-count // workers)
    jobs = [(str(path), start, min(start + step, count)) for start in range(0, count, step)]
    with ProcessPoolExecutor(max_workers=len(jobs), mp_context=multiprocessing.get_context("spawn")) as pool:
        runs = list(pool.map(_read_range, jobs))
    if any(run is None for run in runs):
        return None
    return [page for run in runs for page in run]


def _read_pages(path: Path) -> list[_Page]:
    try:
        import pdfplumber
    except ImportError:  # a bundle built without it: say so rather than fail inside
        raise _refuse(path, MISSING_READER) from None
    try:
        pdf = pdfplumber.open(path, raise_unicode_errors=False)
    except Exception as error:  # noqa: BLE001 - pdfminer raises many kinds for a bad file
        raise _open_error(path, error) from None
    with pdf:
        try:
            count = len(pdf.pages)
        except Exception as error:  # noqa: BLE001
            raise _open_error(path, error) from None
        if count > MAX_PDF_PAGES:
            raise _refuse(path, f"PDF 有 {count} 页，太多，不像是一份部门预算绩效文本")
        workers = min(os.cpu_count() or 1, count // PAGES_PER_WORKER)
        if workers < 2:
            pages = _pages_of(pdf, 0, count)
    if workers >= 2:
        pages = _pages_in_parallel(path, count, workers)
    if pages is None:
        raise _refuse(path, DAMAGED)
    texts = [char.text for page in pages for item in page.items
             for char in (item.chars if isinstance(item, _Line) else [c for cell in item.chars for c in cell])]
    if not texts:
        raise _refuse(path, SCANNED if any(page.scanned for page in pages) else NO_TEXT)
    # A font without a character map comes back as "(cid:123)" for every glyph.
    if sum(1 for text in texts if text.startswith("(cid:")) * 2 > len(texts):
        raise _refuse(path, GARBLED)
    return pages


def import_pdf(path: str | Path) -> ImportResult:
    """Import a published PDF; raises FileFormatError with a Chinese message."""
    from perfdesk.importers.text import import_blocks

    path = Path(path)
    blocks, places = read_pdf_blocks(path)
    try:
        # The text as printed, spaces included: wrapped lines are already joined.
        result = import_blocks(blocks, Context(pdf=False))
    except FileFormatError as error:
        raise _refuse(path, error.detail) from None
    result.notes = [places.note(note) for note in result.notes]
    if places.notes:
        # The warnings stay at the head of the list; the rest go in page order.
        head = len(result.warnings)
        rest = sorted(result.notes[head:] + places.notes, key=lambda note: (note.page or 0, note.line))
        result.notes = result.notes[:head] + rest
    return result
