"""Turning extracted text into paragraphs and table rows, and cleaning what extraction adds.

Three shapes of text reach the importer (see tests/data/samples): copied from Word, every
table cell is a line of its own starting with a tab and a blank line ends a table row;
extracted from a PDF (or a Word table copied row by row), every table row is one line with
its cells separated by tabs; copied by a PDF viewer, there are no tabs and every cell too
long for its column goes on in the lines below ("wrapped", read back by
:class:`~perfdesk.importers.wrapped.WrappedTable`). :mod:`perfdesk.importers.shape` decides which, and repairs what
copying did to the whole text (tabs turned into spaces, double spacing). All shapes become
the same stream of :class:`Block` s, each remembering its line in the source so that import
notes can point at it. Cleaning strips Word bookmark markers, reads non-breaking spaces as
spaces and, only where the text shows it came from a PDF, removes the spaces the extractor
puts between two Chinese characters or between one and a digit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from perfdesk.errors import FileFormatError, describe_error
from perfdesk.importers.shape import (
    BOOKMARK, HAN, NBSP, Line, Shape, is_blank, read_shape, squeeze,
)
from perfdesk.model import DEFAULT_FRAMEWORK, Framework, load_framework

# PDF extractors put a space wherever glyphs sit apart; between Han characters, and between a
# Han character and a digit, such a space is never the clerk's.
_ARTEFACT_SPACE = re.compile(rf"(?<=[{HAN}])[ \u3000]+(?=[{HAN}0-9])|(?<=[0-9])[ \u3000]+(?=[{HAN}])")
_MARKUP = re.compile(r"</?\s*[a-zA-Z][a-zA-Z0-9]*\s*/?>")
# Page furniture, matched on text without whitespace: a page number ("— 5 —", "第5页共14页")
# and a running header repeating the document's title ("某某局2024年部门预算绩效文本").
PAGE_NUMBER = re.compile(r"^(?:[-—–]\s*)?\d{1,3}(?:\s*[-—–])?$|^第\d+页(?:[，,/]?共\d+页)?$")
RUNNING_HEADER = re.compile(r"^\D{2,40}?\d{4}年度?部门预算绩效(?:文本|目标)?$")
# The lines around a project table: its title (numbered up to four digits: a generated text
# of thousands of tables numbers them past 999), the budget unit and the unit of money.
TITLE = re.compile(r"^(\d{1,4})\s*[.．、]\s*(?P<name>.+?)\s*绩效目标表$")
# A title whose number Word's auto-numbering kept to itself, or a PDF left out: the name must
# not end a sentence ("详见附表。…") nor be only a kind of table ("项目绩效目标表").
UNNUMBERED_TITLE = re.compile(r"^(?P<name>[^。；;：:\t]{2,}?[^。；;：:\s])\s*绩效目标表$")
TITLE_START = re.compile(r"^(\d{1,4})\s*[.．、]\s*\S")
UNIT = re.compile(r"^(\d{6})\s*([^\d\s].*)$")
UNIT_OF_MONEY = re.compile(r"^单位[:：]\s*万元$")
# A 项目编码 label with a code after it, in a row or a line with its whitespace taken out.
CODE_LINE = re.compile(r"项目编[码号][:：]?([0-9A-Za-z]{4,})")

MAX_TEXT_CHARS = 20_000_000  # ~ a thousand pages; beyond that it is not a budget text


@dataclass
class Block:
    """A paragraph (``cells is None``) or a table row, with the source line of each part."""

    line: int
    text: str = ""
    cells: list[str] | None = None
    lines: list[int] = field(default_factory=list)
    blank_before: bool = False

    @property
    def is_row(self) -> bool:
        return self.cells is not None

    def cell_line(self, index: int) -> int:
        return self.lines[index] if index < len(self.lines) else self.line

    def raw(self) -> str:
        return "\t".join(self.cells) if self.cells is not None else self.text


def has_markup(text: str) -> bool:
    return bool(_MARKUP.search(text))


def clean(text: str, artefacts: bool) -> str:
    """The text as the clerk typed it: markers gone, PDF artefact spaces gone, ends trimmed."""
    # Called for every cell: each pass runs only when its mark can be in the text at all.
    if "[" in text:
        text = BOOKMARK.sub("", text)
    text = text.replace("\r", "")
    if not text.isascii():
        text = NBSP.sub(" ", text)
        if artefacts:
            text = _ARTEFACT_SPACE.sub("", text)
    return text.strip()


def unit_label(text: str) -> tuple[str, str] | None:
    """``339003唐山市丰润区科学技术局`` → (code, name), for a line that is a unit's label."""
    # The unit and "单位：万元" share one printed line; a .docx may keep them in one paragraph.
    text = re.sub(r"\s*单位[:：]\s*万元\s*$", "", text.strip())
    text = re.sub(r"^(?:预算单位|单位名称)\s*[:：]\s*", "", text)
    match = UNIT.match(text)
    if not match or not re.search(r"[\u4e00-\u9fff]", match.group(2)) or len(match.group(2)) > 60:
        return None
    if match.group(2).rstrip().endswith("绩效目标表"):
        return None
    return match.group(1), match.group(2).strip()


def is_page_furniture(text: str) -> bool:
    """A page number or a running header, which a copy of a whole document carries along."""
    key = squeeze(text)
    return bool(PAGE_NUMBER.match(key) or RUNNING_HEADER.match(key))


def blocks_from_text(text: str, framework: Framework | None = None) -> tuple[list[Block], Shape]:
    """Split text into blocks; also say how it was copied (see :mod:`~perfdesk.importers.shape`).

    The framework names the 一级/二级指标 that begin the indicator rows of a wrapped text."""
    lines, shape = read_shape(text)
    if shape.wrapped:
        from perfdesk.importers.wrapped import wrapped_blocks  # it builds on this module's Block

        return wrapped_blocks(lines, framework or load_framework(DEFAULT_FRAMEWORK), shape), shape
    return (_pdf_blocks(lines) if shape.rows else _word_blocks(lines)), shape


def _pdf_blocks(lines: list[Line]) -> list[Block]:
    blocks: list[Block] = []
    blank = False
    for number, line in lines:
        if "\t" in line:
            cells = line.split("\t")
            blocks.append(Block(number, cells=cells, lines=[number] * len(cells), blank_before=blank))
        elif is_blank(line):
            blank = True
            continue
        else:
            blocks.append(Block(number, text=line, blank_before=blank))
        blank = False
    return blocks


def _word_blocks(lines: list[Line]) -> list[Block]:
    blocks: list[Block] = []
    row: Block | None = None
    # The open row's cells, each as its paragraphs: joined when the row ends, since adding
    # every paragraph to the cell's string would copy the cell again for each one.
    parts: list[list[str]] = []
    blank = False
    for number, line in lines:
        if line.startswith("\t"):
            if row is None:
                row, parts = Block(number, cells=[], blank_before=blank), []
                blocks.append(row)
            parts.append([line[1:]])
            row.lines.append(number)
        elif is_blank(line):
            _close_row(row, parts)
            row, blank = None, True
            continue
        elif row is not None and parts and is_page_furniture(line):
            # A page number or running header printed inside a row: it belongs to the page,
            # not to the cell above it; the row goes on after it.
            blocks.append(Block(number, text=line))
        elif row is not None and parts:
            # A cell of several paragraphs: Word puts the later ones on lines of their own.
            parts[-1].append(line)
        else:
            blocks.append(Block(number, text=line, blank_before=blank))
        blank = False
    _close_row(row, parts)
    return blocks


def _close_row(row: Block | None, parts: list[list[str]]) -> None:
    if row is not None:
        row.cells = ["\n".join(paragraphs) for paragraphs in parts]


def read_text_file(path: Path) -> str:
    """Read a .txt in UTF-8 (with or without BOM), UTF-16 with BOM or GB18030; refuse what is not text."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise FileFormatError(f"无法读取文件：{describe_error(error)}", path=str(path)) from None
    if len(data) > MAX_TEXT_CHARS * 4:
        raise FileFormatError("文件太大，不像是一份部门预算绩效文本", path=str(path))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Notepad's "Unicode" / "Unicode big endian": UTF-16 with its byte order mark.
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise FileFormatError("文件以 UTF-16 标记开头，但内容无法按 UTF-16 读取，可能已损坏",
                                  path=str(path)) from None
    if b"\x00" in data[:4096] or data.startswith(b"PK\x03\x04") or data.startswith(b"%PDF"):
        raise FileFormatError("这不是纯文本文件。请导入 .txt（从 Word 或 PDF 复制出的文字）或 .docx 文件",
                              path=str(path))
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FileFormatError("无法识别文件的文字编码（应为 UTF-8 或 GB18030）", path=str(path))
