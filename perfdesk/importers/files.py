"""Importing from a file: .txt (UTF-8 with or without BOM, or GB18030), .docx or .pdf
(read by :mod:`perfdesk.importers.pdf`).

A .docx is read with python-docx in body order: every paragraph becomes a paragraph block
and every table row a row block whose cells follow the grid: a cell merged across columns
is followed by empty cells for the columns it covers, and a cell continuing a vertical
merge is empty, just as the text copied out of Word shows them. Paragraphs and table rows
are counted one "line" each, so an import note's line number finds its place in the file.
Text from a .docx is kept exactly (no PDF space clean-up); the numbers Word's auto-numbering
shows in front of a paragraph are put back in front of its text (see numbering.py).

Tables nested in tables are read to :data:`MAX_TABLE_DEPTH` levels (a template's layout table,
the project table, a list pasted into a cell: three); a table deeper than that is not read and
an import note says where. A document nested deeper than the XML parser's own limit (256
elements) is read too, with those deep tables cut off first, rather than called corrupt.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from perfdesk.errors import FileFormatError, PerfdeskError, describe_error
from perfdesk.importers.context import Context
from perfdesk.importers.numbering import Numbering
from perfdesk.importers.result import ImportNote, ImportResult
from perfdesk.importers.source import Block, read_text_file
from perfdesk.importers.text import import_blocks, import_text

MAX_DOCX_UNPACKED = 200 * 1024 * 1024  # far above any real text; guards against zip bombs
OLE_MAGIC = b"\xd0\xcf\x11\xe0"
MAX_TABLE_DEPTH = 16  # tables inside tables read; a real text has three levels at most
MAX_GRID = 64  # Word allows 63 columns: a larger gridSpan/gridBefore is a damaged value
DEEP_TABLE = "表格嵌套超过 16 层，更深的表格未读取，请对照原文件核对"


IMPORT_FALLBACK = "文件中有无法导入的内容，请对照原文件检查，或把文字复制到一个新的文本文件后再导入。"


def import_file(path: str | Path) -> ImportResult:
    """Import a .txt, .docx or .pdf file; raises FileFormatError with a Chinese message."""
    path = Path(path)
    try:
        return _import_file(path)
    except PerfdeskError:
        raise
    except Exception as error:  # noqa: BLE001 - the last barrier: a clerk gets a sentence, not a traceback
        raise FileFormatError(_unexpected(error), path=str(path)) from error


def _unexpected(error: Exception) -> str:
    """What to say about an error no importer step explained: a value the model refused is
    quoted in the model's own (Chinese) words, anything else in describe_error's."""
    from pydantic import ValidationError

    if isinstance(error, ValidationError):
        message = str(error.errors()[0].get("msg", "")).removeprefix("Value error, ")
        message = re.sub(r"\d{31,}", lambda long: f"{long.group()[:20]}…（共 {len(long.group())} 位）", message)
        if re.search("[\u4e00-\u9fff]", message):
            return f"导入时遇到无法使用的值：{message}。请改正原文件中的这个值后再导入。"
        return IMPORT_FALLBACK
    return describe_error(error, IMPORT_FALLBACK)


def _import_file(path: Path) -> ImportResult:
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return import_docx(path)
    if suffix in (".txt", ".text", ""):
        text = read_text_file(path)
        try:
            return import_text(text)
        except FileFormatError as error:
            raise FileFormatError(error.detail, path=str(path), line=error.line) from None
    if suffix == ".doc":
        raise FileFormatError("不能直接导入旧版 .doc 文件。请在 Word 或 WPS 中另存为 .docx 后再导入", path=str(path))
    if suffix == ".pdf":
        from perfdesk.importers.pdf import import_pdf  # pdfplumber is loaded only for a PDF

        return import_pdf(path)
    raise FileFormatError("只能导入 .txt 或 .docx 文件，或上年公开的 .pdf", path=str(path))


def import_docx(path: Path) -> ImportResult:
    blocks, notes = read_docx(path)
    try:
        result = import_blocks(blocks, Context(pdf=False))
    except FileFormatError as error:
        raise FileFormatError(error.detail, path=str(path)) from None
    result.notes.extend(notes)
    return result


def read_docx_blocks(path: Path) -> list[Block]:
    return read_docx(path)[0]


def read_docx(path: Path) -> tuple[list[Block], list[ImportNote]]:
    """The blocks of a .docx and the notes on what of it was not read (tables nested too deep)."""
    try:
        with open(path, "rb") as handle:
            magic = handle.read(4)
    except OSError as error:
        raise FileFormatError(f"无法读取文件：{describe_error(error)}", path=str(path)) from None
    if magic == OLE_MAGIC:
        raise FileFormatError("文件已加密，或是改了扩展名的旧版 .doc。请在 Word 中取消密码或另存为 .docx",
                              path=str(path))
    try:
        with zipfile.ZipFile(path) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_DOCX_UNPACKED:
                raise FileFormatError("文件解压后过大，不像是一份绩效文本", path=str(path))
        import docx
        from lxml import etree

        try:
            document = docx.Document(str(path))
        except etree.XMLSyntaxError as error:
            if "depth" not in str(error).lower():
                raise
            document = docx.Document(_without_deep_tables(path))
        walk = _Walk(Numbering(document))
        blocks = list(_blocks_of(document.element.body, walk, 0))
        return blocks, [ImportNote(line, "", DEEP_TABLE) for line in dict.fromkeys(walk.deep_tables)]
    except FileFormatError:
        raise
    except Exception:  # noqa: BLE001 - python-docx raises many kinds for a damaged file
        raise FileFormatError("文件已损坏或不是 Word 文档（.docx），无法读取", path=str(path)) from None


def _without_deep_tables(path: Path) -> io.BytesIO:
    """The .docx with every table deeper than MAX_TABLE_DEPTH emptied, so that python-docx's
    parser (which stops at 256 levels of XML) can read the rest. The walk notes where they were."""
    from lxml import etree

    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    # Within MAX_DOCX_UNPACKED (checked before): the limits huge_tree lifts guard nothing more here.
    parser = etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True)
    try:
        root = etree.fromstring(parts["word/document.xml"], parser)
    except etree.XMLSyntaxError as error:
        if "depth" not in str(error).lower():
            raise
        raise FileFormatError("文档中的表格或其他内容层层嵌套超过 2000 层，无法读取（可能是其他程序生成的）。"
                              "请在 Word 或 WPS 中把内容复制到一个新文档，另存为 .docx 后再导入", path=str(path)) from None
    cut = [table for table in root.iter(W + "tbl")
           if sum(1 for _ in table.iterancestors(W + "tbl")) == MAX_TABLE_DEPTH]
    for table in cut:
        for child in list(table):
            table.remove(child)
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    buffer.seek(0)
    return buffer


@dataclass
class _Walk:
    """What reading a .docx body carries along: numbering, the line count, deep tables seen."""

    numbering: Numbering
    line: int = 0
    deep_tables: list[int] = field(default_factory=list)


def _grid_count(element, name: str) -> int:  # noqa: ANN001
    """A gridSpan/gridBefore count: 1 for anything unreadable, never beyond Word's 63 columns."""
    try:
        return max(0, min(int(element), MAX_GRID))
    except (TypeError, ValueError):
        return 1 if name == "gridSpan" else 0


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# What a paragraph's text is made of; everything else (field codes, deleted text, bookmarks,
# "last rendered page break" marks) shows nothing.
_TEXT_TAGS = (W + "t", W + "tab", W + "ptab", W + "br", W + "cr", W + "sym", W + "noBreakHyphen", MC_FALLBACK)
# Insert ▸ Symbol with the Symbol font stores a code of that font, not the character: the ones
# a performance text uses (≥ ≤ in 指标值 above all), read as what the clerk saw.
SYMBOL_FONT = {0xB3: "≥", 0xA3: "≤", 0xB9: "≠", 0xB1: "±", 0xB4: "×", 0xB8: "÷", 0xB0: "°", 0xBB: "≈",
               0xAE: "→", 0xB7: "•", 0xBC: "…", 0xD6: "√", 0xA5: "∞", 0x2D: "−", 0x25: "%", 0x2B: "+",
               0x3C: "<", 0x3D: "=", 0x3E: ">", 0x28: "(", 0x29: ")", 0x2E: "."}


def _symbol(element) -> str:  # noqa: ANN001 - a w:sym
    """The character a w:sym shows: Symbol-font codes through SYMBOL_FONT, Unicode as it is."""
    try:
        code = int(element.get(W + "char", ""), 16)
    except ValueError:
        return ""
    font = (element.get(W + "font") or "").lower()
    if font == "symbol":
        return SYMBOL_FONT.get(code - 0xF000 if code >= 0xF000 else code, "")
    if 0xE000 <= code <= 0xF8FF or code < 0x20 or "dings" in font:
        return ""  # a picture font's code (Wingdings ✓ boxes and arrows): no text to keep
    return chr(code)


def _paragraph_text(paragraph) -> str:  # noqa: ANN001 - an lxml w:p element
    # Read the XML directly: python-docx's per-run objects cost ~10x more on a big file.
    # Text boxes (often used on covers) count; a drawing's fallback copy would double them.
    # A line break (Shift+Enter), or a page or column break, is "\n": _blocks_of starts a new
    # line there, as the text copied out of Word does.
    parts = []
    for element in paragraph.iter(*_TEXT_TAGS):
        if element.tag == MC_FALLBACK:
            continue
        if any(ancestor.tag == MC_FALLBACK for ancestor in element.iterancestors(MC_FALLBACK)):
            continue
        tag = element.tag
        if tag == W + "t":
            parts.append(element.text or "")
        elif tag in (W + "tab", W + "ptab"):
            parts.append("\t")
        elif tag == W + "sym":
            parts.append(_symbol(element))
        elif tag == W + "noBreakHyphen":
            parts.append("-")
        else:
            parts.append("\n")
    return "".join(parts)


def _children(parent, *tags: str):  # noqa: ANN001, ANN202
    """The children of ``parent`` with these tags, looking through the wrappers Word puts around
    paragraphs, tables, rows and cells: content controls (a bureau template's fill-in fields,
    repeating sections) and custom XML."""
    for child in parent:
        if child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from _children(content, *tags)
        elif child.tag == W + "customXml":
            yield from _children(child, *tags)
        elif child.tag in tags:
            yield child


def _content(parent):  # noqa: ANN001, ANN202 - yields w:p and w:tbl of a body or cell
    return _children(parent, W + "p", W + "tbl")


def _cell_text(tc, walk: _Walk, depth: int) -> str:  # noqa: ANN001
    parts = []
    for child in _content(tc):
        if child.tag == W + "p":
            parts.append(walk.numbering.label(child) + _paragraph_text(child))
        else:
            parts.extend(_nested_lines(child, walk, depth + 1))
    return "\n".join(parts)


def _nested_lines(table, walk: _Walk, depth: int) -> list[str]:  # noqa: ANN001
    """A table inside a data cell (a goal list pasted from Excel, say) as lines of its cell:
    one line per row, its cells' texts joined by a space, merged continuations left out."""
    if depth >= MAX_TABLE_DEPTH:
        walk.deep_tables.append(walk.line)
        return []
    lines = []
    for tr in _children(table, W + "tr"):
        texts = [_cell_text(tc, walk, depth).strip() for tc in _children(tr, W + "tc") if not _continues(tc)]
        line = " ".join(text for text in texts if text)
        if line:
            lines.append(line)
    return lines


def _property(element, name: str, default: str | None = None) -> str | None:  # noqa: ANN001
    found = element.find(f"{W}tcPr/{W}{name}")
    if found is None:
        return default
    return found.get(W + "val", "continue" if name in ("vMerge", "hMerge") else default)


def _continues(tc) -> bool:  # noqa: ANN001
    # A cell continuing a merge shows nothing of its own: vMerge (down) or the legacy hMerge
    # (across, still written by old Word and some WPS versions).
    return _property(tc, "vMerge") == "continue" or _property(tc, "hMerge") == "continue"


def _blocks_of(parent, walk: _Walk, depth: int):  # noqa: ANN001, ANN202 - of a body or cell
    for child in _content(parent):
        if child.tag == W + "p":
            walk.line += 1
            text = _paragraph_text(child)
            if not text.strip():
                continue
            # The number Word shows in front (auto-numbering) is part of what the clerk sees.
            pieces = [piece for piece in text.split("\n") if piece.strip()]
            pieces[0] = walk.numbering.label(child) + pieces[0]
            for index, piece in enumerate(pieces):
                # Lines after a manual break continue the paragraph (a cover title broken in two).
                yield Block(walk.line, text=piece, blank_before=index == 0)
        elif depth >= MAX_TABLE_DEPTH:
            walk.deep_tables.append(walk.line)
        else:
            yield from _table_blocks(child, walk, depth)


def _holds_table(tc) -> bool:  # noqa: ANN001
    return any(child.tag == W + "tbl" for child in _content(tc))


def _shows_something(tc) -> bool:  # noqa: ANN001
    return any(child.tag == W + "tbl" or _paragraph_text(child).strip() for child in _content(tc))


def _table_blocks(table, walk: _Walk, depth: int):  # noqa: ANN001, ANN202
    for tr in _children(table, W + "tr"):
        tcs = list(_children(tr, W + "tc"))
        if any(_holds_table(tc) for tc in tcs) and sum(1 for tc in tcs if _shows_something(tc)) <= 1:
            # A layout table holding the real one (a Word template boxing each project): its
            # cells are read as the body is, their paragraphs as lines and the inner table's rows.
            # A table beside other cells' text is data: _cell_text reads it into its cell.
            for tc in tcs:
                yield from _blocks_of(tc, walk, depth + 1)
            continue
        walk.line += 1
        before = tr.find(f"{W}trPr/{W}gridBefore")
        cells: list[str] = [""] * _grid_count(before.get(W + "val", "0") if before is not None else 0, "gridBefore")
        for tc in tcs:
            cells.append("" if _continues(tc) else _cell_text(tc, walk, depth))
            cells.extend([""] * (_grid_count(_property(tc, "gridSpan", "1") or 1, "gridSpan") - 1))
        yield Block(walk.line, cells=cells, lines=[walk.line] * len(cells))
