"""Hostile workbooks, built on the spot (issue 16): each function writes one file and returns its path.

Every file is a minimal .xlsx written as XML straight into a zip (see :func:`workbook`), so that
the hostile part is exactly what the test says, and each stays small on disk however much it
would unpack to. ``python -m hostile.make FOLDER`` (from ``tests/``) writes them all, for
trying each ``perfdesk`` command on them by hand.
"""

from __future__ import annotations

import struct
import sys
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'

# A project table as a clerk types it (the labels perfdesk's tolerant reader knows), rows 1-9.
TABLE = [
    ["1.科技特派员奖补绩效目标表"],
    ["预算单位：339003唐山市丰润区科学技术局", None, None, None, None, "金额单位：万元"],
    ["项目编码", "13020822P00871410001L", None, "项目名称", "科技特派员奖补"],
    ["年度预算", 12.5, "财政拨款", 10, "其他资金", 2.5],
    ["年度目标", "奖励优秀科技特派员"],
    ["一级指标", "二级指标", "三级指标", "指标解释", "指标值", "取值依据"],
    ["产出指标", "数量指标", "奖励人数", "优秀特派员奖励人数", "≥5人", "资金发放表"],
    ["效果指标", "社会效益指标", "带动增收", "带动农民增收", "效果明显", "历史标准"],
    ["满意度指标", "服务对象满意度指标", "满意度", "特派员满意度", "≥95%", "问卷调查"],
]


def column(col: int) -> str:
    letters = ""
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell(row: int, col: int, value, ref: str | None = None) -> str:
    """One ``<c>``: text inline, numbers as they are; a str starting with ``raw:`` gives the
    cell's attributes and, after ``|``, its inner XML (``'raw:t="e"|<v>#REF!</v>'``)."""
    ref = ref or f"{column(col)}{row}"
    if isinstance(value, str) and value.startswith("raw:"):
        attrs, _, inner = value[4:].partition("|")
        return f'<c r="{ref}" {attrs}>{inner}</c>'
    if isinstance(value, str):
        return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>'
    return f'<c r="{ref}"><v>{value}</v></c>'


def table_rows(table: list[list] = TABLE, first: int = 1) -> str:
    return "".join(f'<row r="{r}">' + "".join(cell(r, c, v) for c, v in enumerate(cells, 1) if v is not None)
                   + "</row>" for r, cells in enumerate(table, first))


def workbook(path: Path, sheets: dict[str, str | Iterable[str]], shared: Iterable[str] = (),
             comments: dict[int, dict[str, str]] | None = None, extra: dict[str, bytes] | None = None,
             styles: str | None = None) -> Path:
    """A minimal valid .xlsx. ``sheets``: name → the ``<row>`` elements of its ``sheetData``
    (a string, or an iterable written as it is produced); ``shared``: the shared strings'
    raw ``<t>`` texts (already escaped); ``comments``: sheet position → {ref: raw text};
    ``extra``: more members, written as they are."""
    comments = comments or {}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for i in range(1, len(sheets) + 1))
        archive.writestr("[Content_Types].xml", (
            f'{HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            f'{overrides}</Types>'))
        archive.writestr("_rels/.rels", (
            f'{HEAD}<Relationships xmlns="{PACKAGE_REL}">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'))
        entries = "".join(f'<sheet name={quoteattr(name)} sheetId="{i}" r:id="rId{i}"/>'
                          for i, name in enumerate(sheets, 1))
        archive.writestr("xl/workbook.xml", (
            f'{HEAD}<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>{entries}</sheets></workbook>'))
        rels = "".join(f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                       for i in range(1, len(sheets) + 1))
        shared = list(shared)
        if shared:
            rels += f'<Relationship Id="rIdS" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
            archive.writestr("xl/sharedStrings.xml", (
                f'{HEAD}<sst xmlns="{MAIN}" count="{len(shared)}">'
                + "".join(f'<si><t xml:space="preserve">{text}</t></si>' for text in shared) + "</sst>"))
        archive.writestr("xl/_rels/workbook.xml.rels", f'{HEAD}<Relationships xmlns="{PACKAGE_REL}">{rels}</Relationships>')
        if styles is not None:
            archive.writestr("xl/styles.xml", styles)
        for i, rows in enumerate(sheets.values(), 1):
            with archive.open(f"xl/worksheets/sheet{i}.xml", "w", force_zip64=True) as sheet:
                sheet.write(f'{HEAD}<worksheet xmlns="{MAIN}"><sheetData>'.encode())
                batch: list[str] = []
                for row in [rows] if isinstance(rows, str) else rows:
                    batch.append(row)
                    if len(batch) >= 20_000:
                        sheet.write("".join(batch).encode())
                        batch.clear()
                sheet.write("".join(batch).encode() + b"</sheetData></worksheet>")
            if i - 1 in comments:
                archive.writestr(f"xl/worksheets/_rels/sheet{i}.xml.rels", (
                    f'{HEAD}<Relationships xmlns="{PACKAGE_REL}"><Relationship Id="rId1" '
                    f'Type="{REL}/comments" Target="../comments{i}.xml"/></Relationships>'))
                listed = "".join(f'<comment ref="{ref}" authorId="0"><text><t>{text}</t></text></comment>'
                                 for ref, text in comments[i - 1].items())
                archive.writestr(f"xl/comments{i}.xml", (
                    f'{HEAD}<comments xmlns="{MAIN}"><authors><author>审核人</author></authors>'
                    f'<commentList>{listed}</commentList></comments>'))
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path


def project(path: Path, below: list[list] | None = None, name: str = "项目1") -> Path:
    """The project table, and ``below`` it (from row 11) whatever rows a test adds."""
    return workbook(path, {name: table_rows() + table_rows(below or [], len(TABLE) + 2)})


# ------------------------------------------------------------------------- size without limit
def numbers_down_to(path: Path, last: int = 1_048_576) -> Path:
    """The table, then a number in column A of every row from 11 down to ``last`` (a fill
    dragged to the bottom of the sheet): about 5 MB on disk for the whole sheet."""
    first = len(TABLE) + 2
    rows = (f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(first, last + 1))
    return workbook(path, {"项目1": _chain(table_rows(), rows)})


def pasted_text(path: Path, count: int = 100_000) -> Path:
    """The table, then ``count`` rows of text pasted under it (shared strings, as Excel saves)."""
    first = len(TABLE) + 2
    rows = (f'<row r="{r}"><c r="A{r}" t="s"><v>{r - first}</v></c><c r="B{r}" t="s"><v>{r - first}</v></c></row>'
            for r in range(first, first + count))
    shared = (f"第{r}行：从网页复制来的说明文字，{r % 7}号附件" for r in range(count))
    return workbook(path, {"项目1": _chain(table_rows(), rows)}, shared)


def many_cells_in_a_row(path: Path, count: int = 16_384) -> Path:
    """The table, then one row with a number in every column to XFD."""
    row = '<row r="20">' + "".join(f'<c r="{column(c)}20"><v>{c}</v></c>' for c in range(1, count + 1)) + "</row>"
    return workbook(path, {"项目1": table_rows() + row})


def many_shared_strings(path: Path, count: int = 3_000_000) -> Path:
    """A shared strings part of ``count`` one-letter strings that no cell uses (a few MB on disk,
    a few hundred MB as Python strings)."""
    return workbook(path, {"项目1": table_rows()}, ("x" for _ in range(count)))


def many_full_sheets(path: Path, sheets: int = 30, rows: int = 20_000, columns: int = 10) -> Path:
    """The table, then ``sheets`` sheets of ``rows`` × ``columns`` numbers each (200,000 cells, the
    most one sheet keeps): 6 million cells in all, about 10 MB on disk."""
    row_xml = "".join(f'<c r="{column(c)}ROW"><v>{c}</v></c>' for c in range(1, columns + 1))
    filler = {f"数据{i}": (f'<row r="{r}">' + row_xml.replace("ROW", str(r)) + "</row>" for r in range(1, rows + 1))
              for i in range(1, sheets + 1)}
    return workbook(path, {"项目1": table_rows(), **filler})


def many_merges(path: Path, count: int = 200_000) -> Path:
    """The table, then ``count`` overlapping merged ranges of 100 × 100 cells each."""
    merges = "".join(f'<mergeCell ref="A{20 + i % 1000}:CV{119 + i % 1000}"/>' for i in range(count))
    rows = table_rows() + f'</sheetData><mergeCells count="{count}">{merges}</mergeCells><sheetData>'
    return workbook(path, {"项目1": rows})


def _chain(first: str, rest: Iterable[str]) -> Iterable[str]:
    yield first
    yield from rest


# ------------------------------------------------------------------------------- zip tricks
def _deflate_of_zeros(size: int) -> tuple[bytes, int]:
    """A raw deflate stream inflating to ``size`` zero bytes (``size`` a multiple of 1 MiB),
    made without compressing them: one 1 MiB block, flushed so that it stands alone, repeated.
    Returns the stream and the CRC-32 of what it inflates to."""
    block = 1 << 20
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = compressor.compress(b"\0" * block) + compressor.flush(zlib.Z_FULL_FLUSH)
    end = zlib.compressobj(9, zlib.DEFLATED, -15).flush(zlib.Z_FINISH)  # an empty final block
    crc = 0
    zeros = b"\0" * block
    for _ in range(size // block):
        crc = zlib.crc32(zeros, crc)
    return piece * (size // block) + end, crc


def _raw_members(path: Path) -> list[tuple[str, int, int, bytes, int]]:
    """(name, method, CRC, compressed data, size) of each member of a zip, as stored."""
    found = []
    with zipfile.ZipFile(path) as archive, open(path, "rb") as handle:
        for info in archive.infolist():
            handle.seek(info.header_offset)
            local = handle.read(30)
            name_length, extra_length = struct.unpack_from("<HH", local, 26)
            handle.seek(info.header_offset + 30 + name_length + extra_length)
            found.append((info.filename, info.compress_type, info.CRC, handle.read(info.compress_size),
                          info.file_size))
    return found


def _write_raw_zip(path: Path, members: list[tuple[str, int, int, bytes, int]]) -> None:
    """A zip of members given as stored: each (name, method, CRC, data, size claimed)."""
    out, directory = bytearray(), bytearray()
    for name, method, crc, data, size in members:
        encoded = name.encode()
        fields = (20, 0x800, method, 0, 0x5C21, crc, len(data), size, len(encoded), 0)
        directory += struct.pack("<4s2H2H2H3I5H2I", b"PK\x01\x02", 20, *fields, 0, 0, 0, 0, len(out)) + encoded
        out += struct.pack("<4sH2H2H3I2H", b"PK\x03\x04", *fields) + encoded + data
    end = struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), len(out), 0)
    path.write_bytes(bytes(out + directory + end))


def understated_member(path: Path, member: str = "xl/styles.xml", claimed: int = 1024,
                       inflated: int = 1 << 30) -> Path:
    """A valid workbook plus ``member``, whose local and central headers claim ``claimed`` bytes
    but whose data inflates to ``inflated`` (1 GiB of zeros in about 1 MB on disk)."""
    project(path)
    data, crc = _deflate_of_zeros(inflated)
    members = [m for m in _raw_members(path) if m[0] != member]
    _write_raw_zip(path, members + [(member, zipfile.ZIP_DEFLATED, crc, data, claimed)])
    return path


def honest_bomb(path: Path, member: str = "xl/styles.xml", inflated: int = 300 << 20) -> Path:
    """A member that says what it unpacks to: 300 MiB (refused before anything is unpacked)."""
    return understated_member(path, member, inflated, inflated)


def many_members(path: Path, count: int = 20_001) -> Path:
    """A valid workbook with ``count`` members in all (the rest empty files nobody reads)."""
    project(path)
    members = _raw_members(path)
    empty = zlib.crc32(b"")
    members += [(f"customXml/item{i}.xml", zipfile.ZIP_STORED, empty, b"", 0) for i in range(count - len(members))]
    _write_raw_zip(path, members)
    return path


def unsupported_compression(path: Path, member: str = "xl/worksheets/sheet1.xml", method: int = 99) -> Path:
    """A valid workbook whose sheet says it is compressed by method 99 (AES, which zipfile lacks)."""
    project(path)
    blob = bytearray(path.read_bytes())
    name = member.encode()
    for signature, method_at in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        at = 0
        while (at := blob.find(signature, at)) >= 0:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if blob[name_at:name_at + len(name)] == name:
                struct.pack_into("<H", blob, at + method_at, method)
            at += 4
    path.write_bytes(bytes(blob))
    return path


def newer_zip_version(path: Path, version: int = 99) -> Path:
    """A valid workbook whose sheet's central entry needs zip version 9.9 to extract."""
    project(path)
    blob = bytearray(path.read_bytes())
    at = blob.find(b"PK\x01\x02")
    struct.pack_into("<H", blob, at + 6, version)
    path.write_bytes(bytes(blob))
    return path


# ----------------------------------------------------------------------------- cell contents
ERROR_VALUES = ["#REF!", "#DIV/0!", "#N/A", "#VALUE!", "#NAME?", "#NUM!", "#NULL!"]


def error_values(path: Path) -> Path:
    """The table with Excel's error values where a clerk's formulas broke: the 指标值 of rows
    7-9 and a 取值依据 (E7, E8, E9, F9), and the rest of the errors in a row below."""
    table = [list(row) for row in TABLE]
    table[6][4] = 'raw:t="e"|<f>E20/0</f><v>#DIV/0!</v>'
    table[7][4] = 'raw:t="e"|<f>#REF!</f><v>#REF!</v>'
    table[8][4] = 'raw:t="e"|<v>#N/A</v>'
    table[8][5] = 'raw:t="e"|<f>SUM(A1 B1)</f><v>#NULL!</v>'
    rows = table_rows(table)
    rows += '<row r="12">' + "".join(cell(12, c, f'raw:t="e"|<v>{escape(v)}</v>')
                                     for c, v in enumerate(["#VALUE!", "#NAME?", "#NUM!"], 1)) + "</row>"
    return workbook(path, {"项目1": rows})


def lower_case_refs(path: Path) -> Path:
    """The table with every cell and row reference written in lower case (``a1``), as some
    programs do and Excel accepts."""
    rows = table_rows().replace(' r="', ' r="\x00')
    rows = "".join(part if i == 0 else part.split('"', 1)[0].lower() + '"' + part.split('"', 1)[1]
                   for i, part in enumerate(rows.split("\x00")))
    return workbook(path, {"项目1": rows})


def lone_surrogates(path: Path) -> Path:
    """``_xD800_`` (half of a UTF-16 pair, alone) in an inline cell (E7), ``_xDC00_`` in a shared
    string (F8) and in a comment on B3; a whole pair ``_xD83D__xDE00_`` (😀) in D9. (A sheet's
    name cannot hold one: XML has no way to write half a pair, and Excel does not escape names.)"""
    table = [list(row) for row in TABLE]
    table[6][4] = "≥5人_xD800_"
    table[7][5] = 'raw:t="s"|<v>0</v>'
    table[8][3] = "特派员满意度_xD83D__xDE00_"
    return workbook(path, {"项目1": table_rows(table)}, ["历史_xDC00_标准"],
                    comments={0: {"B3": "请核对编码_xDC00_"}})


def huge_numbers(path: Path, text: str, ref: str = "B4") -> Path:
    """The table with ``text`` as the number in ``ref`` (年度预算 is B4)."""
    table = [list(row) for row in TABLE]
    r, c = int(ref[1:]), ord(ref[0]) - 64
    table[r - 1][c - 1] = f"raw:|<v>{text}</v>"
    return workbook(path, {"项目1": table_rows(table)})


def refs_out_of_range(path: Path, ref: str = "XFE1", row: str = "20") -> Path:
    """The table plus one cell at ``ref`` (past Excel's last column or row) in a ``<row r=row>``."""
    return workbook(path, {"项目1": table_rows() + f'<row r="{row}"><c r="{ref}"><v>1</v></c></row>'})


def deep_nesting(path: Path, depth: int = 50_000) -> Path:
    """A comments part whose text nests ``depth`` elements deep (a few KB on disk)."""
    project(path)
    body = "<r>" * depth + "深" + "</r>" * depth
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/_rels/sheet1.xml.rels", (
            f'{HEAD}<Relationships xmlns="{PACKAGE_REL}"><Relationship Id="rId1" '
            f'Type="{REL}/comments" Target="../comments1.xml"/></Relationships>'))
        archive.writestr("xl/comments1.xml", (
            f'{HEAD}<comments xmlns="{MAIN}"><commentList><comment ref="A1"><text>{body}</text>'
            '</comment></commentList></comments>'))
    return path


ALL = {
    "一百万行数字.xlsx": numbers_down_to,
    "十万行粘贴文字.xlsx": pasted_text,
    "一行一万六千格.xlsx": many_cells_in_a_row,
    "三百万共享字符串.xlsx": many_shared_strings,
    "三十张满表.xlsx": many_full_sheets,
    "二十万合并.xlsx": many_merges,
    "目录少报大小.xlsx": understated_member,
    "如实的压缩炸弹.xlsx": honest_bomb,
    "两万零一个成员.xlsx": many_members,
    "不支持的压缩方式.xlsx": unsupported_compression,
    "新版本压缩包.xlsx": newer_zip_version,
    "错误值.xlsx": error_values,
    "小写引用.xlsx": lower_case_refs,
    "不成对代理字符.xlsx": lone_surrogates,
    "超大数字.xlsx": lambda path: huge_numbers(path, "1E+999999999"),
    "超长数字.xlsx": lambda path: huge_numbers(path, "9" * 100_000),
    "非数字.xlsx": lambda path: huge_numbers(path, "NaN"),
    "列超出范围.xlsx": refs_out_of_range,
    "行超出范围.xlsx": lambda path: refs_out_of_range(path, "A1", "99999999999999999999"),
    "嵌套太深.xlsx": deep_nesting,
}


def make_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [make(folder / name) for name, make in ALL.items()]


if __name__ == "__main__":
    for made in make_all(Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-workbooks")):
        print(made, made.stat().st_size)
