"""Read the cells of an .xlsx safely and quickly, without openpyxl.

Before anything is unpacked the file is sniffed: an OLE compound file is an encrypted
workbook (it has an ``EncryptionInfo`` stream) or an old .xls; anything that is not a zip is
not a workbook; a zip whose members would unpack to more than :data:`MAX_UNPACKED` bytes is
refused (a zip bomb). Only then are the XML parts parsed, through defusedxml, into plain
:class:`Sheet` records: cell values by (row, column), merged ranges and which rows exist.
Numbers stay exact (the text of ``<v>``, never a float). Sheets and shared strings are read
as a stream, one row at a time, and what a sheet keeps is bounded (see :class:`Sheet`).
"""

from __future__ import annotations

import posixpath
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from xml.etree.ElementTree import ParseError, TreeBuilder

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser, fromstring

from perfdesk.errors import FileFormatError, describe_error

MAX_UNPACKED = 256 * 1024 * 1024  # a 3,000-project workbook unpacks to about 60 MB
MAX_MEMBERS = 20_000
# A part read whole into a tree (workbook, relationships, styles, comments, properties): a
# large one is a few MB; capped so that its tree stays within a few hundred MB.
MAX_PART = 32 * 1024 * 1024
MAX_SHARED_STRINGS = 1_000_000  # a 3,000-project workbook has about 200,000
# Excel's own bounds: a reference past them is no cell Excel could have written.
EXCEL_ROWS = 1_048_576
EXCEL_COLUMNS = 16_384  # XFD
# What one sheet keeps (see Sheet): a 3,000-project workbook has about 30 rows a sheet, 300
# projects stacked on one sheet by hand about 9,000 rows of 7 columns.
MAX_ROWS = 20_000  # rows holding content
MAX_ROW_ENTRIES = 100_000  # rows of any kind, blank (formatted) ones included
MAX_CELLS = 200_000  # cells kept
# cells kept in the whole workbook: 3,000 projects have about 230,000. A cell costs about 1 KB
# once read, indexed and (on a sheet carried over as it is) kept, so this bounds the whole to a
# few hundred MB; the sheets after the one that reaches it are not read at all (see Sheet.skipped).
MAX_BOOK_CELLS = 300_000
MAX_MERGES = 50_000  # merged ranges kept, per sheet
MAX_ROW_CELLS = 200  # cells kept in one row
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STRICT_REL_NS = "http://purl.oclc.org/ooxml/officeDocument/relationships"
BUILTIN_PERCENT = {9, 10}
BUILTIN_DATE = set(range(14, 23)) | {45, 46, 47}


@dataclass(frozen=True, slots=True)  # slots: a sheet may hold 200,000 of them
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
    """One worksheet's cells, as far as they were kept.

    A sheet is read to its end, but what is kept is bounded, so that a workbook with a number
    in every row down to 1,048,576 or 100,000 rows of pasted text opens in seconds and
    bounded memory. Rows are taken in file order and kept until the next one would make the
    sheet hold more than :data:`MAX_ROWS` rows with content, :data:`MAX_ROW_ENTRIES` rows in
    all or :data:`MAX_CELLS` cells (or what the workbook has left of :data:`MAX_BOOK_CELLS`:
    the sheets before it may have used it up): from that row on (the *cut*) nothing is kept, and the rows
    holding content are only counted, in ``unread``. A row kept keeps its first
    :data:`MAX_ROW_CELLS` cells (in file order: left to right); the cells after those that
    hold content are counted in ``unread_cells``. A lone word in column XFD is kept: the bound
    is on how many cells a row has, not on where they are. A cell *holds content* when it
    reads as something non-blank: a number, a boolean, a formula, text that is not only
    spaces. Merged ranges starting below the cut are dropped. Nothing is counted twice:
    ``unread_cells`` is about kept rows only, and a row past the cut counts once in
    ``unread`` however many cells it has.

    ``unread`` and ``unread_cells`` are None when nothing with content was left out, which is
    the case for every ordinary workbook; ``cells``, ``rows`` and ``max_row`` then hold the
    whole sheet.
    """

    name: str
    cells: dict[tuple[int, int], object] = field(default_factory=dict)  # (row, col) 1-based -> str|Number|bool
    rows: set[int] = field(default_factory=set)  # rows kept that have any <c> element, even empty
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # min_row, min_col, max_row, max_col
    max_row: int = 0  # the last row kept (the last row of the sheet when there is no cut)
    print_last_row: int | None = None  # the last row of the sheet's print area, if it has one
    # (first, last, count): the first and the last row past the cut that hold content and how
    # many rows past the cut hold content
    unread: tuple[int, int, int] | None = None
    # (first, last, count): the leftmost and the rightmost column of a cell with content left
    # out of a kept row (past its first MAX_ROW_CELLS cells), and how many such cells there are
    unread_cells: tuple[int, int, int] | None = None
    # cell comments (批注), Excel reference → text: perfdesk does not keep them, so the reader
    # lists them for the clerk (a bureau's annotated copy holds its findings there)
    comments: dict[str, str] = field(default_factory=dict)
    # cells the reader changed or left out, each (Excel reference, what was there, why): an
    # Excel error value (#REF!…) is not kept as a value, a broken character is replaced by �
    flags: list[tuple[str, str, str]] = field(default_factory=list)
    # not read at all: the sheets before it kept MAX_BOOK_CELLS cells between them
    skipped: bool = False


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
    except (zipfile.BadZipFile, ValueError, EOFError, struct.error):
        raise _fail("工作簿已损坏（压缩包结构不完整，可能是下载或拷贝时中断）。请用备份或重新保存的文件。", path)
    except NotImplementedError:  # "zip file version 9.9": written by a newer or exotic zip program
        raise _fail("工作簿的压缩格式版本不受支持（可能是其他压缩软件生成的）。请在 Excel 或 WPS 中打开它，"
                    "另存为 .xlsx 后再打开。", path)
    except OSError as error:
        raise _fail(describe_error(error), path) from error
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        archive.close()
        raise _fail(f"工作簿压缩包中的成员太多（{len(members):,} 个，一份工作簿不会超过 {MAX_MEMBERS:,} 个），"
                    "可能是恶意构造的文件，已拒绝打开。", path)
    if sum(m.file_size for m in members) > MAX_UNPACKED:
        archive.close()
        raise _fail(f"工作簿解压后过大（超过 {MAX_UNPACKED // 2**20} MB），可能是恶意构造的文件，已拒绝打开。", path)
    return archive


class _Unpacked:
    """What has been unzipped of one workbook so far, whatever its members' headers claim:
    each part is read in chunks and counted, and reading stops at the caps."""

    def __init__(self, path: str) -> None:
        self.path, self.total = path, 0

    def add(self, name: str, size: int, part_cap: int | None = None) -> None:
        """Count ``size`` more bytes of ``name``; with ``part_cap``, ``size`` is the part's
        whole size so far and is only checked against the cap."""
        if part_cap is None:
            self.total += size
        if self.total > MAX_UNPACKED:
            raise _fail(f"工作簿解压后过大（超过 {MAX_UNPACKED // 2**20} MB，压缩包目录少报了“{name}”的大小），"
                        "可能是恶意构造的文件，已拒绝打开。", self.path)
        if part_cap is not None and size > part_cap:
            raise _fail(f"工作簿中的“{name}”解压后过大（超过 {part_cap // 2**20} MB，一份工作簿的这一部分不会这么大），"
                        "可能是恶意构造的文件，已拒绝打开。", self.path)


def _unzip_failure(name: str, path: str, error: BaseException) -> FileFormatError:
    """A part that does not unzip: damaged, or packed in a way zipfile cannot unpack."""
    if isinstance(error, NotImplementedError):
        return _fail(f"工作簿中的“{name}”使用了不受支持的压缩方式。请在 Excel 或 WPS 中打开它，"
                     "另存为 .xlsx 后再打开。", path)
    if isinstance(error, RuntimeError):  # "File … is encrypted, password required"
        return _fail(f"工作簿中的“{name}”设置了密码（已加密），perfdesk 无法读取。请取消密码后另存为 .xlsx 再打开。", path)
    if isinstance(error, MemoryError):
        return _fail(f"工作簿中的“{name}”太大，内存不足以解压它。", path)
    return _fail(f"工作簿已损坏：无法解压其中的“{name}”。", path)


def _counter(archive: zipfile.ZipFile, path: str) -> _Unpacked:
    """The count of what has been unzipped of ``archive`` (one per open archive)."""
    counter = getattr(archive, "perfdesk_unpacked", None)
    if counter is None:
        counter = archive.perfdesk_unpacked = _Unpacked(path)
    return counter


def _open_part(archive: zipfile.ZipFile, name: str, path: str):
    """The part's stream, or None if there is no such part."""
    try:
        return archive.open(name)
    except KeyError:
        return None
    except _UNZIP_ERRORS as error:
        raise _unzip_failure(name, path, error) from None


def _chunks(archive: zipfile.ZipFile, stream, name: str, path: str):
    """A part's content in chunks as it is unzipped, each counted towards the workbook's cap
    (the size the zip's directory claims is never trusted: a hostile file under-states it)."""
    counter = _counter(archive, path)
    while True:
        try:
            chunk = stream.read(CHUNK)
        except _UNZIP_ERRORS as error:
            raise _unzip_failure(name, path, error) from None
        counter.add(name, len(chunk))
        if not chunk:
            return
        yield chunk


def _member_bytes(archive: zipfile.ZipFile, name: str, path: str) -> bytes | None:
    """A part's content, read in chunks up to :data:`MAX_PART`; None if there is no such part."""
    stream = _open_part(archive, name, path)
    if stream is None:
        return None
    chunks, size = [], 0
    with stream:
        for chunk in _chunks(archive, stream, name, path):
            size += len(chunk)
            if size > MAX_PART:
                _counter(archive, path).add(name, size, MAX_PART)  # refuses the part by its size
            chunks.append(chunk)
    return b"".join(chunks)


def _xml(archive: zipfile.ZipFile, name: str, path: str):
    data = _member_bytes(archive, name, path)
    if data is None:
        return None
    try:
        return fromstring(data)
    except DefusedXmlException:
        raise _fail(f"工作簿中的“{name}”含有不安全的 XML 内容（实体或 DTD），已拒绝打开。", path)
    except ParseError as error:
        raise _fail(f"工作簿已损坏：“{name}”不是有效的 XML{_line(error)}。", path)
    except RecursionError:
        raise _fail(f"工作簿中的“{name}”嵌套太深，可能是恶意构造的文件，已拒绝打开。", path)


def _line(error: ParseError) -> str:
    """Where in a part its XML breaks (``（第 1 行第 2,048 列）``), for whoever opens the part to look."""
    position = getattr(error, "position", None)
    return f"（第 {position[0]:,} 行第 {position[1] + 1:,} 列）" if position else ""


def _ns(root) -> str:
    return root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""


_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescape(text: str) -> str:
    """Excel's ``_xHHHH_`` escapes (a UTF-16 unit each) as characters: a pair of surrogates
    (``_xD83D__xDE00_``) becomes the one character it encodes, half a pair alone becomes �
    (U+FFFD), which every later step (JSON, PDF, the window, the terminal) can handle."""
    if "_x" not in text:
        return text
    text = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    return _whole(text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _whole(text: str) -> str:
    """``text`` with surrogate pairs joined and lone surrogates replaced by U+FFFD."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _child(element, tag: str):
    """The first child with this tag, like ``find`` but for any tag: streamed parts have tags
    as expat gives them (``uri}name``), which ``find`` would take for a path."""
    for child in element:
        if child.tag == tag:
            return child
    return None


def _text_of(element, ns: str) -> str:
    """Text of a shared or inline string: plain ``<t>`` or the runs of rich text."""
    t = _child(element, f"{ns}t")
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
    try:
        return _formats(archive, path)
    except (ValueError, OverflowError):  # a numFmtId that is no number
        raise _fail("工作簿已损坏：“xl/styles.xml”中的数字格式编号无法理解。请在 Excel 或 WPS 中打开它，"
                    "另存为 .xlsx 后再打开。", path) from None


def _formats(archive, path: str) -> Formats:
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


_NUMERIC = re.compile(r"[-+]?[0-9]*\.?[0-9]*(?:[eE][-+]?[0-9]+)?")


def _decimal(text: str) -> Decimal:
    """The number in a <v>. Excel writes binary doubles with 17 digits (30% → 0.30000000000000004,
    =0.1+0.2 → 0.30000000000000004); such long texts are brought back to the 15 significant
    digits Excel itself shows, so the clerk's 60% is 60, not 60.00000000000001."""
    text = text.strip()
    if len(text) > 400:  # a double needs 24 characters; this is no number Excel wrote
        raise (OverflowError if _NUMERIC.fullmatch(text) else InvalidOperation)(text[:20])
    if sum(ch.isdigit() for ch in text) >= 16:
        number = Decimal(format(float(text), ".15g"))
    else:
        number = Decimal(text)
    # Beyond what a double holds (NaN, Infinity, 1E+999999999): printed out in full, such a
    # number would be a billion digits.
    if not number.is_finite() or (number and not -330 <= number.adjusted() <= 308):
        raise OverflowError(text[:20])
    return number


_REF = re.compile(r"([A-Z]{1,3})([0-9]{1,7})$")


def _ref(ref: str) -> tuple[int, int]:
    """``"B7"`` → (7, 2); lower case (``b7``) and ``$B$7`` are accepted, as Excel accepts them.
    ValueError for a reference that is none or lies outside Excel's sheet (past row 1,048,576
    or column XFD)."""
    match = _REF.match(ref)
    if match is None:  # the rare spellings, after the common one (this runs for every cell)
        match = _REF.match(ref.upper().replace("$", ""))
        if match is None:
            raise ValueError(ref)
    letters, digits = match.groups()
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - 64
    row = int(digits)
    if not 0 < row <= EXCEL_ROWS or col > EXCEL_COLUMNS:
        raise ValueError(ref)
    return row, col


def _bad_ref(ref: str, sheet: str, path: str) -> FileFormatError:
    return FileFormatError(f"单元格位置“{ref[:30]}”无法理解或超出了 Excel 工作表的范围（最多 1048576 行、"
                           "16384 列，即 XFD 列），文件可能已损坏或由其他程序生成。", path=path, sheet=sheet)


# ----------------------------------------------------------------- streaming the big parts
#
# Sheets and the shared strings are read as a stream, never as a whole tree: the part is
# unzipped in chunks and fed to defusedxml's parser (its guards against entities, external
# references and, through ElementTree, undefined entities stay installed), whose expat
# element handlers are replaced by ours. Only one row (or one shared string) at a time is
# built as an Element — by ElementTree's C TreeBuilder, whose start and data handlers expat
# calls directly — and handed to the same code that read whole trees before, then dropped.
# Everything else in a sheet (views, columns, conditional formats...) is skipped unbuilt.
# This is both bounded and faster than ``fromstring``: defusedxml's parser is ElementTree's
# pure-Python one, whose per-element Python work is what dominates reading a workbook.

CHUNK = 1 << 18
_UNZIP_ERRORS = (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError,
                 RuntimeError, MemoryError)


class _Sink:
    """The target defusedxml's parser is built with. Its handlers are replaced; it exists so that
    the parser sets up as for a tree (an undefined entity under a DTD still fails the same way)."""

    def start(self, tag, attrib):  # pragma: no cover - replaced before parsing
        pass

    def end(self, tag):  # pragma: no cover - replaced before parsing
        pass

    def data(self, text):
        pass

    def close(self):
        return None


def _ignore(_text: str) -> None:
    pass


class _Stream:
    """Walks a part's elements as expat reports them. An element whose children are wanted
    (the root for the shared strings, ``sheetData`` for a sheet) is built by ElementTree's C
    TreeBuilder, which expat then calls directly for starts and text; each of its children is
    handed to :meth:`built` as soon as it has ended, then dropped, so that only one child is
    ever held. Nothing else is built."""

    def __init__(self) -> None:
        self.depth = 0
        self.ns = ""
        self.expat = None
        self._parent = None
        self._builder_end = None

    def attach(self, expat) -> None:
        self.expat = expat
        expat.ordered_attributes = False  # attributes as a dict, as TreeBuilder.start wants them
        self._outside()

    def _outside(self) -> None:
        expat = self.expat
        expat.StartElementHandler = self._start
        expat.EndElementHandler = self._end
        expat.CharacterDataHandler = _ignore  # never None: expat would hand text to the default handler

    def _start(self, name: str, attrs: dict) -> None:
        depth = self.depth = self.depth + 1
        if depth == 1:
            self.ns = name[: name.rindex("}") + 1] if "}" in name else ""
            wanted = self.root()
        elif depth == 2:
            wanted = self.child(name)
        else:
            if depth == 3:
                self.leaf(attrs)
            return
        if wanted:
            builder = TreeBuilder()
            self._parent, self._builder_end = builder.start(name, attrs), builder.end
            expat = self.expat
            expat.StartElementHandler = builder.start
            expat.EndElementHandler = self._built_end
            expat.CharacterDataHandler = builder.data

    def _end(self, _name: str) -> None:
        self.depth -= 1

    def _built_end(self, name: str) -> None:
        element = self._builder_end(name)
        parent = self._parent
        if len(parent) and element is parent[-1]:  # a child of the parent, not a descendant further down
            del parent[-1]
            self.built(element)
        elif element is parent:
            self._parent = None
            self.depth -= 1
            self._outside()

    # what a part does with its elements
    def root(self) -> bool:
        """The root starts (``self.ns`` is set): return True to have each of its children built."""
        return False

    def child(self, name: str) -> bool:
        """A child of the root starts: return True to have each of its children built."""
        return False

    def leaf(self, attrs: dict) -> None:
        """An element two levels below the root, under a child whose children are not built."""

    def built(self, item) -> None:
        """A child of a built element has ended: ``item`` is its Element, whole."""


def _intact(stream) -> bool:
    """Whether the rest of a member unzips and matches its checksum."""
    try:
        while stream.read(CHUNK):
            pass
    except _UNZIP_ERRORS:
        return False
    return True


def _stream(archive: zipfile.ZipFile, name: str, path: str, reader: _Stream) -> bool:
    """Feed the part ``name`` to ``reader`` through defusedxml; False if there is no such part.

    Errors give the messages of :func:`_xml`, which unzips a part whole before parsing it: so
    when parsing fails (damaged data can unzip to garbage before zlib or the checksum notices),
    the rest of the part is unzipped first, and a part that does not unzip is reported as such."""
    stream = _open_part(archive, name, path)
    if stream is None:
        return False
    parser = DefusedXMLParser(target=_Sink())
    reader.attach(parser.parser)
    with stream:
        chunks = _chunks(archive, stream, name, path)
        while True:
            chunk = next(chunks, b"")  # unzip failures and the workbook's cap are raised as they are
            try:
                if not chunk:
                    parser.close()
                    return True
                parser.feed(chunk)
            except Exception as error:  # noqa: BLE001 - re-raised unless the part is damaged
                if getattr(error, "over_a_cap", False):
                    raise  # at once: the rest of the part is not worth unzipping to check it
                if not _intact(stream):
                    raise _fail(f"工作簿已损坏：无法解压其中的“{name}”。", path) from None
                if isinstance(error, DefusedXmlException):
                    raise _fail(f"工作簿中的“{name}”含有不安全的 XML 内容（实体或 DTD），已拒绝打开。", path)
                if isinstance(error, ParseError):
                    raise _fail(f"工作簿已损坏：“{name}”不是有效的 XML{_line(error)}。", path)
                if isinstance(error, RecursionError):
                    raise _fail(f"工作簿中的“{name}”嵌套太深，可能是恶意构造的文件，已拒绝打开。", path)
                raise


class _SharedStrings(_Stream):
    """Every child of the root is a string (``<si>``)."""

    def __init__(self, path: str) -> None:
        super().__init__()
        self.strings: list[str] = []
        self.path = path

    def root(self) -> bool:
        return True

    def built(self, item) -> None:
        strings = self.strings
        if len(strings) >= MAX_SHARED_STRINGS:
            error = FileFormatError(f"工作簿中的文字条目（共享字符串）超过 {MAX_SHARED_STRINGS:,} 个，远超一份绩效文本的篇幅，"
                                    "可能是恶意构造的文件，已拒绝打开。", path=self.path)
            error.over_a_cap = True
            raise error
        strings.append(_text_of(item, self.ns))


def _shared_strings(archive, name: str, path: str) -> list[str] | None:
    reader = _SharedStrings(path)
    return reader.strings if _stream(archive, name, path, reader) else None


class _SheetReader(_Stream):
    """A worksheet's rows (children of its first ``sheetData``) and merged ranges (children of
    its first ``mergeCells``) into a :class:`Sheet`, within the bounds the :class:`Sheet`
    docstring describes."""

    def __init__(self, sheet: Sheet, shared: list[str], formats: Formats, path: str,
                 max_cells: int = MAX_CELLS) -> None:
        super().__init__()
        self.sheet, self.shared, self.formats, self.path = sheet, shared, formats, path
        self.max_cells = max_cells  # MAX_CELLS, or what the workbook has left of MAX_BOOK_CELLS
        self.seen: set[str] = set()
        self.in_merges = False
        self.merges_noted = False
        self.row_number = 0
        self.kept = 0  # stored rows holding content
        self.cut = False  # a bound was reached: rows from here on are only counted
        self.unread: list[int] | None = None  # first, last, count
        self.unread_cells: list[int] | None = None

    def root(self) -> bool:
        ns = self.ns
        self.data_tag, self.merges_tag = f"{ns}sheetData", f"{ns}mergeCells"
        self.c_tag, self.v_tag, self.is_tag, self.f_tag = f"{ns}c", f"{ns}v", f"{ns}is", f"{ns}f"
        return False

    def child(self, name: str) -> bool:
        self.in_merges = False
        if name == self.data_tag and name not in self.seen:
            self.seen.add(name)
            return True
        if name == self.merges_tag and name not in self.seen:
            self.seen.add(name)
            self.in_merges = True
        return False

    def leaf(self, attrs: dict) -> None:
        if not self.in_merges:
            return
        first, _, last = attrs.get("ref", "").partition(":")
        try:
            (r1, c1), (r2, c2) = _ref(first), _ref(last or first)
        except ValueError:
            return
        if self.cut and r1 > self.sheet.max_row:
            return  # starts where no cell was kept
        merges = self.sheet.merges
        if len(merges) >= MAX_MERGES:
            if not self.merges_noted:
                self.merges_noted = True
                self.flag(r1, c1, "", f"工作表的合并单元格超过 {MAX_MERGES:,} 处，从这里起的合并未读入（单元格内容照常读入）")
            return
        merges.append((r1, c1, r2, c2))

    def _row_number(self, row) -> int:
        """The row's number (``r``, or the one after the last), within Excel's sheet."""
        r = row.get("r")
        if not r:
            number = self.row_number + 1
        elif r.isdigit() and len(r) <= 7:
            number = int(r)
        else:
            number = 0
        if not 1 <= number <= EXCEL_ROWS:
            raise FileFormatError(f"行号“{(r or str(number))[:30]}”无法理解或超出了 Excel 工作表的范围（最多 1048576 行），"
                                  "文件可能已损坏或由其他程序生成。", path=self.path, sheet=self.sheet.name)
        self.row_number = number
        return number

    def built(self, row) -> None:
        try:  # the common case, inline: this runs for every row
            row_number = int(row.get("r"))
            if not 0 < row_number <= EXCEL_ROWS:
                raise ValueError
            self.row_number = row_number
        except (TypeError, ValueError):  # no r, or one that is no row number
            row_number = self._row_number(row)
        sheet, ns, shared, formats = self.sheet, self.ns, self.shared, self.formats
        v_tag, is_tag = self.v_tag, self.is_tag
        values: dict[tuple[int, int], object] = {}
        content = False
        wide: list[int] = []  # columns of the cells with content past the row's first MAX_ROW_CELLS
        col = 0
        for c in row.iter(self.c_tag):
            ref = c.get("r")
            if ref:
                try:
                    r, col = _ref(ref)
                except ValueError:
                    raise _bad_ref(ref, sheet.name, self.path) from None
            else:
                r, col = row_number, col + 1
                if col > EXCEL_COLUMNS:
                    raise _bad_ref(f"{row_number} 行第 {col} 列", sheet.name, self.path)
            kind = c.get("t", "n")
            try:
                if kind == "inlineStr":
                    node = _child(c, is_tag)
                    if node is None:
                        continue
                    value = _text_of(node, ns)
                else:
                    v = _child(c, v_tag)
                    if v is None or v.text is None:
                        f = _child(c, self.f_tag)
                        if f is None:
                            continue
                        value = Formula("=" + (f.text or "…"))  # a shared formula's later cells carry no text
                    elif kind == "s":
                        value = shared[int(v.text)]
                    elif kind == "e":
                        # An Excel error value (#REF!, #DIV/0!…): the result of a broken formula,
                        # not text the clerk typed; left out and flagged, never read as text.
                        self.flag(r, col, v.text.strip(), "是 Excel 的错误值（公式出错），不是填写的内容，未读入；"
                                  "请在 Excel 中改正公式或填入内容后再打开")
                        continue
                    elif kind == "str":
                        value = _unescape(v.text)
                    elif kind == "b":
                        value = v.text.strip() == "1"
                    else:
                        style = int(c.get("s", "0"))
                        value = Number(_decimal(v.text), style in formats.percent, style in formats.date,
                                       formats.shown.get(style, ""))
            except OverflowError:
                raise FileFormatError("数字太大或太小（超出了 Excel 能保存的范围），无法读取。请改为正常的数字后再打开。",
                                      path=self.path, sheet=sheet.name, cell=_cell_name(r, col)) from None
            except (ValueError, IndexError, InvalidOperation):
                raise FileFormatError("单元格内容已损坏，无法读取。", path=self.path, sheet=sheet.name,
                                      cell=_cell_name(r, col)) from None
            if value.__class__ is str and "\ufffd" in value:
                self.flag(r, col, value, "含有无法识别的字符（已显示为 �，可能是不成对的代理字符或乱码），请核对")
            filled = value.__class__ is not str or value.strip() != ""
            if len(values) >= MAX_ROW_CELLS and (r, col) not in values:
                if filled:
                    wide.append(col)
                continue
            values[(r, col)] = value
            content = content or filled
        content = content or bool(wide)
        cells, rows = sheet.cells, sheet.rows
        if (content and self.kept >= MAX_ROWS) or len(rows) >= MAX_ROW_ENTRIES \
                or len(cells) + len(values) > self.max_cells:
            self.cut = True
            self.built = self._count  # every row from here on
            if content:
                self._not_read(row_number)
            return
        rows.add(row_number)
        cells.update(values)
        self.kept += content
        if row_number > sheet.max_row:
            sheet.max_row = row_number
        if wide:
            if self.unread_cells is None:
                self.unread_cells = [wide[0], wide[0], 0]
            found = self.unread_cells
            found[0], found[1], found[2] = min(found[0], *wide), max(found[1], *wide), found[2] + len(wide)

    def flag(self, row: int, col: int, text: str, reason: str) -> None:
        """Note a cell the reader changed or left out (see ``Sheet.flags``); bounded, like the cells."""
        if len(self.sheet.flags) < MAX_FLAGS:
            self.sheet.flags.append((_cell_name(row, col), text[:200], reason))

    def _count(self, row) -> None:
        """A row past the cut: counted in ``unread`` if it holds content, not kept."""
        try:  # as in built
            row_number = int(row.get("r"))
            if not 0 < row_number <= EXCEL_ROWS:
                raise ValueError
            self.row_number = row_number
        except (TypeError, ValueError):
            row_number = self._row_number(row)
        if self._holds_content(row):
            self._not_read(row_number)

    def _holds_content(self, row) -> bool:
        """Whether a row past the cut holds anything that reads as non-blank (without
        converting it: nothing of it is kept, and a damaged value there is not reported)."""
        v_tag, shared = self.v_tag, self.shared
        for c in row.iter(self.c_tag):
            kind = c.get("t", "n")
            if kind == "inlineStr":
                node = _child(c, self.is_tag)
                if node is not None and _text_of(node, self.ns).strip():
                    return True
                continue
            v = None
            for child in c:  # _child(c, v_tag), inline: this runs for every row of a huge sheet
                if child.tag == v_tag:
                    v = child
                    break
            if v is None or v.text is None:
                if _child(c, self.f_tag) is not None:
                    return True
            elif kind == "s":
                try:
                    if shared[int(v.text)].strip():
                        return True
                except (ValueError, IndexError):
                    return True
            elif kind not in ("str", "e") or _unescape(v.text).strip():
                return True
        return False

    def _not_read(self, row_number: int) -> None:
        found = self.unread
        if found is None:
            self.unread = [row_number, row_number, 1]
            return
        if row_number < found[0]:
            found[0] = row_number
        elif row_number > found[1]:
            found[1] = row_number
        found[2] += 1

    def finish(self) -> Sheet:
        sheet = self.sheet
        if self.cut:  # merges before the rows (not Excel's order) are dropped here
            sheet.merges = [m for m in sheet.merges if m[0] <= sheet.max_row]
        sheet.unread = None if self.unread is None else tuple(self.unread)
        sheet.unread_cells = None if self.unread_cells is None else tuple(self.unread_cells)
        return sheet


MAX_FLAGS = 1_000  # per sheet: past that, a sheet full of error values says enough


def _cell_name(row: int, col: int) -> str:
    letters = ""
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"


def _sheet(archive, part: str, name: str, shared: list[str], formats: Formats, path: str,
           max_cells: int = MAX_CELLS) -> Sheet:
    reader = _SheetReader(Sheet(name), shared, formats, path, max_cells)
    if not _stream(archive, part, path, reader):
        raise _fail(f"工作簿已损坏：找不到工作表“{name}”的内容。", path)
    sheet = reader.finish()
    sheet.comments = _comments(archive, part, path)
    return sheet


MAX_COMMENTS = 20_000  # per sheet; an annotated copy has one per finding


def _comments(archive, part: str, path: str) -> dict[str, str]:
    """The sheet's cell comments (the legacy part Excel, WPS and openpyxl all write; a threaded
    comment has one too), Excel reference → text."""
    found: dict[str, str] = {}
    for target in _rels(archive, part, path).values():
        name = posixpath.basename(target).lower()  # comments1.xml (Excel), comment1.xml (openpyxl)
        if not name.startswith("comment"):
            continue
        root = _xml(archive, target, path)
        if root is None:
            continue
        ns = _ns(root)
        listed = root.find(f"{ns}commentList")
        for comment in listed if listed is not None else []:
            body = comment.find(f"{ns}text")
            text = _text_of(body, ns).strip() if body is not None else ""
            if text and comment.get("ref"):
                found[comment.get("ref").upper()] = text
            if len(found) >= MAX_COMMENTS:
                return found
    return found


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
        shared = None
        for target in rels.values():
            if target.endswith("sharedStrings.xml"):
                shared = _shared_strings(archive, target, path)
        if shared is None:
            shared = _shared_strings(archive, "xl/sharedStrings.xml", path) or []
        formats = _styles(archive, path)
        print_rows = _print_last_rows(book, ns)
        sheets = []
        budget = MAX_BOOK_CELLS  # cells the sheets still to read may keep, between them
        container = book.find(f"{ns}sheets")
        for position, entry in enumerate(container if container is not None else []):
            rid = entry.get(f"{{{REL_NS}}}id") or entry.get(f"{{{STRICT_REL_NS}}}id")
            part = rels.get(rid)
            if part is None or part.endswith(".bin") or "chartsheet" in part:
                continue
            name = _whole(entry.get("name", ""))
            if budget <= 0:  # reading it would take seconds to keep nothing
                sheet = Sheet(name, skipped=True)
            else:
                allowed = min(MAX_CELLS, budget)
                sheet = _sheet(archive, part, name, shared, formats, path, allowed)
                # cut short by what the workbook had left: the budget is used up (a sheet keeping
                # nothing of it would otherwise leave it as it was, for the next to read through)
                budget = 0 if sheet.unread is not None and allowed < MAX_CELLS else budget - len(sheet.cells)
            sheet.print_last_row = print_rows.get(position)
            sheets.append(sheet)
        properties = {}
        custom = _xml(archive, "docProps/custom.xml", path)
        for prop in custom if custom is not None else []:
            properties[prop.get("name", "")] = "".join(prop.itertext())
    if not sheets:
        raise _fail("工作簿里没有工作表。", path)
    return WorkbookCells(sheets, properties)
