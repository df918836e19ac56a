"""Importing from a file: .txt (UTF-8 with or without BOM, or GB18030) or .docx.

A .docx is read with python-docx in body order: every paragraph becomes a paragraph block
and every table row a row block whose cells follow the grid: a cell merged across columns
is followed by empty cells for the columns it covers, and a cell continuing a vertical
merge is empty, just as the text copied out of Word shows them. Paragraphs and table rows
are counted one "line" each, so an import note's line number finds its place in the file.
Text from a .docx is kept exactly (no PDF space clean-up); the numbers Word's auto-numbering
shows in front of a paragraph are put back in front of its text (see numbering.py).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from perfdesk.errors import FileFormatError
from perfdesk.importers.context import Context
from perfdesk.importers.numbering import Numbering
from perfdesk.importers.result import ImportResult
from perfdesk.importers.source import Block, read_text_file
from perfdesk.importers.text import import_blocks, import_text

MAX_DOCX_UNPACKED = 200 * 1024 * 1024  # far above any real text; guards against zip bombs
OLE_MAGIC = b"\xd0\xcf\x11\xe0"


def import_file(path: str | Path) -> ImportResult:
    """Import a .txt or .docx file; raises FileFormatError with a Chinese message."""
    path = Path(path)
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
        raise FileFormatError("不能直接导入 PDF。请在 PDF 阅读器中全选复制文字，存为 .txt 后再导入",
                              path=str(path))
    raise FileFormatError("只能导入 .txt 或 .docx 文件", path=str(path))


def import_docx(path: Path) -> ImportResult:
    blocks = read_docx_blocks(path)
    try:
        return import_blocks(blocks, Context(pdf=False))
    except FileFormatError as error:
        raise FileFormatError(error.detail, path=str(path)) from None


def read_docx_blocks(path: Path) -> list[Block]:
    try:
        with open(path, "rb") as handle:
            magic = handle.read(4)
    except OSError as error:
        raise FileFormatError(f"无法读取文件（{error.strerror or error}）", path=str(path)) from None
    if magic == OLE_MAGIC:
        raise FileFormatError("文件已加密，或是改了扩展名的旧版 .doc。请在 Word 中取消密码或另存为 .docx",
                              path=str(path))
    try:
        with zipfile.ZipFile(path) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_DOCX_UNPACKED:
                raise FileFormatError("文件解压后过大，不像是一份绩效文本", path=str(path))
        import docx

        document = docx.Document(str(path))
        return list(_body_blocks(document))
    except FileFormatError:
        raise
    except Exception:  # noqa: BLE001 - python-docx raises many kinds for a damaged file
        raise FileFormatError("文件已损坏或不是 Word 文档（.docx），无法读取", path=str(path)) from None


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _paragraph_text(paragraph) -> str:  # noqa: ANN001 - an lxml w:p element
    # Read the XML directly: python-docx's per-run objects cost ~10x more on a big file.
    # Text boxes (often used on covers) count; a drawing's fallback copy would double them.
    parts = []
    for element in paragraph.iter(W + "t", W + "tab", W + "br", W + "cr", MC_FALLBACK):
        if element.tag == MC_FALLBACK:
            continue
        if any(ancestor.tag == MC_FALLBACK for ancestor in element.iterancestors(MC_FALLBACK)):
            continue
        if element.tag == W + "t":
            parts.append(element.text or "")
        elif element.tag == W + "tab":
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def _content(parent):  # noqa: ANN001, ANN202 - yields w:p and w:tbl, opening content controls
    for child in parent:
        if child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from _content(content)
        elif child.tag in (W + "p", W + "tbl"):
            yield child


def _cell_text(tc, numbering: Numbering) -> str:  # noqa: ANN001
    return "\n".join(numbering.label(p) + _paragraph_text(p) for p in _content(tc) if p.tag == W + "p")


def _property(element, name: str, default: str | None = None) -> str | None:  # noqa: ANN001
    found = element.find(f"{W}tcPr/{W}{name}")
    if found is None:
        return default
    return found.get(W + "val", "continue" if name == "vMerge" else default)


def _body_blocks(document) -> list[Block]:  # noqa: ANN001 - a python-docx Document
    line = [0]
    yield from _blocks_of(document.element.body, line, Numbering(document))


def _blocks_of(parent, line: list[int], numbering: Numbering):  # noqa: ANN001, ANN202 - of a body or cell
    for child in _content(parent):
        if child.tag == W + "p":
            line[0] += 1
            text = _paragraph_text(child)
            if text.strip():
                # The number Word shows in front (auto-numbering) is part of what the clerk sees.
                yield Block(line[0], text=numbering.label(child) + text, blank_before=True)
        else:
            yield from _table_blocks(child, line, numbering)


def _table_blocks(table, line: list[int], numbering: Numbering):  # noqa: ANN001, ANN202
    for tr in table.iter(W + "tr"):
        if tr.getparent() is not table and tr.getparent().getparent() is not table:
            continue  # a row of a nested table: read where its cell is met below
        tcs = [tc for tc in tr.iter(W + "tc") if tc.getparent() is tr or tc.getparent().getparent() is tr]
        if any(inner.tag == W + "tbl" for tc in tcs for inner in _content(tc)):
            # A layout table holding the real one (a Word template boxing each project): its
            # cells are read as the body is, their paragraphs as lines and the inner table's rows.
            for tc in tcs:
                yield from _blocks_of(tc, line, numbering)
            continue
        line[0] += 1
        before = tr.find(f"{W}trPr/{W}gridBefore")
        cells: list[str] = [""] * int(before.get(W + "val", "0") if before is not None else 0)
        for tc in tcs:
            cells.append("" if _property(tc, "vMerge") == "continue" else _cell_text(tc, numbering))
            cells.extend([""] * (int(_property(tc, "gridSpan", "1") or 1) - 1))
        yield Block(line[0], cells=cells, lines=[line[0]] * len(cells))
