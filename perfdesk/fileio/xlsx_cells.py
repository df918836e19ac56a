"""Read the cells of an .xlsx safely and quickly, without openpyxl.

Before anything is unpacked the file is sniffed: an OLE compound file is an encrypted
workbook (it has an ``EncryptionInfo`` stream) or an old .xls; anything that is not a zip is
not a workbook; a zip whose members would unpack to more than :data:`MAX_UNPACKED` bytes is
refused (a zip bomb). Only then are the XML parts parsed, through defusedxml, into plain
:class:`Sheet` records: cell values by (row, column), merged ranges and which rows exist.
Numbers stay exact (the text of ``<v>``, never a float).
"""

from __future__ import annotations

import posixpath
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from perfdesk.errors import FileFormatError

MAX_UNPACKED = 256 * 1024 * 1024  # a 3,000-project workbook unpacks to about 60 MB
MAX_MEMBERS = 20_000
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STRICT_REL_NS = "http://purl.oclc.org/ooxml/officeDocument/relationships"
BUILTIN_PERCENT = {9, 10}
BUILTIN_DATE = set(range(14, 23)) | {45, 46, 47}


@dataclass(frozen=True)
class Number:
    """A numeric cell: its exact value and whether Excel shows it as a percentage or a date."""

    value: Decimal
    percent: bool = False
    date: bool = False
    shown: str = ""  # a custom format that adds text (``0"人"``, ``"≤"0"元"``, ``0.00%``): its first section


@dataclass(frozen=True)
class Formula:
    """A formula cell saved without its result (written by a program, never recalculated in
    Excel/WPS): its value is unknown, so reading it as blank would silently lose the clerk's data."""

    text: str


@dataclass
class Sheet:
    name: str
    cells: dict[tuple[int, int], object] = field(default_factory=dict)  # (row, col) 1-based -> str|Number|bool
    rows: set[int] = field(default_factory=set)  # rows that have any <c> element, even empty
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # min_row, min_col, max_row, max_col
    max_row: int = 0
    print_last_row: int | None = None  # the last row of the sheet's print area, if it has one


@dataclass
class WorkbookCells:
    sheets: list[Sheet]
    properties: dict[str, str]


def _fail(message: str, path: str) -> FileFormatError:
    return FileFormatError(message, path=path)


def _ole_stream_names(data: bytes) -> set[str]:
    """Names in an OLE compound file's directory (enough to tell an encrypted workbook)."""
    sector = 1 << struct.unpack_from("<H", data, 0x1E)[0]
    first_dir = struct.unpack_from("<I", data, 0x30)[0]
    difat = struct.unpack_from("<109I", data, 0x4C)
    fat: list[int] = []
    for fat_sector in difat:
        if fat_sector >= 0xFFFFFFFA:
            break
        start = (fat_sector + 1) * sector
        fat.extend(struct.unpack_from(f"<{sector // 4}I", data, start))
    names, current, seen = set(), first_dir, set()
    while current < 0xFFFFFFFA and current not in seen and current < len(fat) + 1:
        seen.add(current)
        start = (current + 1) * sector
        for offset in range(start, min(start + sector, len(data)), 128):
            length = struct.unpack_from("<H", data, offset + 0x40)[0]
            if 2 <= length <= 64:
                names.add(data[offset:offset + length - 2].decode("utf-16-le", "replace"))
        current = fat[current] if current < len(fat) else 0xFFFFFFFE
    return names


def sniff(path: str) -> None:
    """Raise a clear FileFormatError unless ``path`` looks like a safe .xlsx zip."""
    with open(path, "rb") as handle:
        head = handle.read(8)
        if not head:
            raise _fail("文件是空的（0 字节），不是工作簿。", path)
        if head == OLE_MAGIC:
            handle.seek(0)
            data = handle.read(64 * 1024 * 1024)
            try:
                names = _ole_stream_names(data)
            except struct.error:
                names = set()
            if "EncryptionInfo" in names or "EncryptedPackage" in names:
                raise _fail("工作簿设置了打开密码（已加密），perfdesk 无法读取。请在 Excel 或 WPS 中"
                            "打开它，取消密码（文件→信息→保护工作簿）后另存为 .xlsx 再打开。", path)
            raise _fail("这是旧版 Excel 97-2003 格式（.xls）的文件。请在 Excel 或 WPS 中打开，"
                        "“另存为” Excel 工作簿（.xlsx）后再打开。", path)
        if head[:4] != ZIP_MAGIC:
            raise _fail("这不是 Excel 工作簿（.xlsx）：文件内容既不是 .xlsx 也不是 .xls，"
                        "可能是改了扩展名的其他文件或已损坏。", path)


def _open_zip(path: str) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise _fail("工作簿已损坏（压缩包结构不完整，可能是下载或拷贝时中断）。请用备份或重新保存的文件。", path)
    members = archive.infolist()
    if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_UNPACKED:
        archive.close()
        raise _fail(f"工作簿解压后过大（超过 {MAX_UNPACKED // 2**20} MB），可能是恶意构造的文件，已拒绝打开。", path)
    return archive


def _xml(archive: zipfile.ZipFile, name: str, path: str):
    try:
        data = archive.read(name)
    except KeyError:
        return None
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError):
        raise _fail(f"工作簿已损坏：无法解压其中的“{name}”。", path)
    try:
        return fromstring(data)
    except DefusedXmlException:
        raise _fail(f"工作簿中的“{name}”含有不安全的 XML 内容（实体或 DTD），已拒绝打开。", path)
    except ParseError:
        raise _fail(f"工作簿已损坏：“{name}”不是有效的 XML。", path)


def _ns(root) -> str:
    return root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""


_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


def _text_of(element, ns: str) -> str:
    """Text of a shared or inline string: plain ``<t>`` or the runs of rich text."""
    t = element.find(f"{ns}t")
    if t is not None:
        return _unescape(t.text or "")
    return _unescape("".join(node.text or "" for node in element.iter(f"{ns}t")))


def _rels(archive, part: str, path: str) -> dict[str, str]:
    folder, name = posixpath.split(part)
    root = _xml(archive, posixpath.join(folder, "_rels", name + ".rels"), path)
    rels = {}
    if root is not None:
        for rel in root:
            target = rel.get("Target", "")
            target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            rels[rel.get("Id")] = target
    return rels


@dataclass
class Formats:
    """What the cell formats (``cellXfs`` by index) say about showing a number."""

    percent: set[int] = field(default_factory=set)
    date: set[int] = field(default_factory=set)
    shown: dict[int, str] = field(default_factory=dict)  # formats that add text or decimals to a number


_QUOTED = re.compile(r'"[^"]*"|\\.')


def _styles(archive, path: str) -> Formats:
    """Which cell formats show numbers as percentages, as dates, or with text of their own."""
    root = _xml(archive, "xl/styles.xml", path)
    formats = Formats()
    if root is None:
        return formats
    ns = _ns(root)
    custom, codes = {}, {}
    found = root.find(f"{ns}numFmts")
    for fmt in found if found is not None else []:
        code = fmt.get("formatCode", "")
        fmt_id = int(fmt.get("numFmtId", "0"))
        codes[fmt_id] = code
        custom[fmt_id] = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", code)
    xfs = root.find(f"{ns}cellXfs")
    for index, xf in enumerate(xfs if xfs is not None else []):
        fmt_id = int(xf.get("numFmtId", "0"))
        code = custom.get(fmt_id, "")
        if fmt_id in BUILTIN_PERCENT or "%" in code:
            formats.percent.add(index)
        elif fmt_id in BUILTIN_DATE or (fmt_id in custom and re.search(r"[yd]|m+(?![^;]*[hs])", code.lower())
                                        and not re.search(r"[0#?]", code)):
            formats.date.add(index)
            continue
        first = codes.get(fmt_id, "0.00%" if fmt_id == 10 else "").split(";")[0]
        if _QUOTED.search(first) or ("%" in first and "." in first):
            formats.shown[index] = first
    return formats


def _decimal(text: str) -> Decimal:
    """The number in a <v>. Excel writes binary doubles with 17 digits (30% → 0.30000000000000004,
    =0.1+0.2 → 0.30000000000000004); such long texts are brought back to the 15 significant
    digits Excel itself shows, so the clerk's 60% is 60, not 60.00000000000001."""
    text = text.strip()
    if sum(ch.isdigit() for ch in text) >= 16:
        return Decimal(format(float(text), ".15g"))
    return Decimal(text)


_REF = re.compile(r"([A-Z]+)(\d+)")


def _ref(ref: str) -> tuple[int, int]:
    match = _REF.match(ref)
    if not match:
        raise ValueError(ref)
    col = 0
    for ch in match.group(1):
        col = col * 26 + ord(ch) - 64
    return int(match.group(2)), col


def _sheet(archive, part: str, name: str, shared: list[str], formats: Formats, path: str) -> Sheet:
    root = _xml(archive, part, path)
    if root is None:
        raise _fail(f"工作簿已损坏：找不到工作表“{name}”的内容。", path)
    ns = _ns(root)
    sheet = Sheet(name)
    cells, rows = sheet.cells, sheet.rows
    c_tag, v_tag, is_tag = f"{ns}c", f"{ns}v", f"{ns}is"
    data = root.find(f"{ns}sheetData")
    row_number = 0
    for row in data if data is not None else []:
        row_number = int(row.get("r") or row_number + 1)
        rows.add(row_number)
        col = 0
        for c in row.iter(c_tag):
            ref = c.get("r")
            if ref:
                r, col = _ref(ref)
            else:
                r, col = row_number, col + 1
            kind = c.get("t", "n")
            try:
                if kind == "inlineStr":
                    node = c.find(is_tag)
                    if node is not None:
                        cells[(r, col)] = _text_of(node, ns)
                    continue
                v = c.find(v_tag)
                if v is None or v.text is None:
                    f = c.find(f"{ns}f")
                    if f is not None:  # a shared formula's later cells carry no text of their own
                        cells[(r, col)] = Formula("=" + (f.text or "…"))
                    continue
                if kind == "s":
                    cells[(r, col)] = shared[int(v.text)]
                elif kind in ("str", "e"):
                    cells[(r, col)] = _unescape(v.text)
                elif kind == "b":
                    cells[(r, col)] = v.text.strip() == "1"
                else:
                    style = int(c.get("s", "0"))
                    cells[(r, col)] = Number(_decimal(v.text), style in formats.percent, style in formats.date,
                                             formats.shown.get(style, ""))
            except (ValueError, IndexError, InvalidOperation):
                raise FileFormatError("单元格内容已损坏，无法读取。", path=path, sheet=name, cell=ref)
        sheet.max_row = max(sheet.max_row, row_number)
    merged = root.find(f"{ns}mergeCells")
    for merge in merged if merged is not None else []:
        first, _, last = merge.get("ref", "").partition(":")
        try:
            (r1, c1), (r2, c2) = _ref(first), _ref(last or first)
        except ValueError:
            continue
        sheet.merges.append((r1, c1, r2, c2))
    return sheet


_AREA_END = re.compile(r"\$?[A-Z]{1,3}\$?(\d+)\s*$")


def _print_last_rows(book, ns: str) -> dict[int, int]:
    """Sheet position → last row of its print area (``_xlnm.Print_Area``, local to the sheet).

    perfdesk sets the print area of each project sheet to its table; Excel and WPS move it
    when rows are inserted or deleted inside, so it tells the table's rows from what a clerk
    typed below it."""
    found: dict[int, int] = {}
    names = book.find(f"{ns}definedNames")
    for name in names if names is not None else []:
        local = name.get("localSheetId")
        if name.get("name") != "_xlnm.Print_Area" or local is None or not local.isdigit():
            continue
        ends = [_AREA_END.search(area) for area in (name.text or "").split(",")]
        rows = [int(match.group(1)) for match in ends if match]
        if rows:
            found[int(local)] = max(rows)
    return found


def read_cells(path: str) -> WorkbookCells:
    """Every sheet's cells, in workbook order. Raises FileFormatError for anything unusable."""
    sniff(path)
    with _open_zip(path) as archive:
        book = _xml(archive, "xl/workbook.xml", path)
        if book is None:
            raise _fail("这是一个压缩包，但不是 Excel 工作簿（缺少 xl/workbook.xml）。", path)
        ns = _ns(book)
        rels = _rels(archive, "xl/workbook.xml", path)
        shared_root = None
        for target in rels.values():
            if target.endswith("sharedStrings.xml"):
                shared_root = _xml(archive, target, path)
        if shared_root is None:
            shared_root = _xml(archive, "xl/sharedStrings.xml", path)
        shared = [] if shared_root is None else [_text_of(si, _ns(shared_root)) for si in shared_root]
        formats = _styles(archive, path)
        print_rows = _print_last_rows(book, ns)
        sheets = []
        container = book.find(f"{ns}sheets")
        for position, entry in enumerate(container if container is not None else []):
            rid = entry.get(f"{{{REL_NS}}}id") or entry.get(f"{{{STRICT_REL_NS}}}id")
            part = rels.get(rid)
            if part is None or part.endswith(".bin") or "chartsheet" in part:
                continue
            sheet = _sheet(archive, part, entry.get("name", ""), shared, formats, path)
            sheet.print_last_row = print_rows.get(position)
            sheets.append(sheet)
        properties = {}
        custom = _xml(archive, "docProps/custom.xml", path)
        for prop in custom if custom is not None else []:
            properties[prop.get("name", "")] = "".join(prop.itertext())
    if not sheets:
        raise _fail("工作簿里没有工作表。", path)
    return WorkbookCells(sheets, properties)
