"""Huge sheets open in seconds and bounded memory, and say what they did not keep.

A clerk's workbook may hold a number in column A of every row down to 1,048,576 (a fill
dragged to the bottom) or 100,000 rows of text pasted under a project table. The cell reader
reads such a sheet to its end but keeps at most ``MAX_ROWS`` rows holding content (and
``MAX_ROW_CELLS`` cells a row); ``Sheet.unread`` gives the first and last row left out that
hold content and how many there are, ``Sheet.unread_cells`` the same for the cells left out
of a row kept.

The workbooks are written as XML straight into a zip by ``benchmarks.read_huge_sheets`` (a
minimal valid .xlsx: content types, package and workbook relationships, workbook, sheet,
shared strings), which measures the same files: openpyxl would take minutes for a million
rows. A project table (rows 1-13, 55 cells) is on top and what the clerk added starts on
row 15. Every expected number below is worked out by hand from how the file is built; the
comments show the arithmetic.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
import textwrap
import time
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from perfdesk.fileio.grid import column_letter
from benchmarks.read_huge_sheets import (CODE, FIRST_ADDED, LAST_ROW, NAME, TABLE, numbers_down_to,
                                         pasted_strings, pasted_text, write_xlsx)
from perfdesk.errors import FileFormatError
from perfdesk.fileio import load_document, save_document
from perfdesk.fileio.xlsx_cells import MAX_ROW_CELLS, MAX_ROWS, Number, read_cells
from perfdesk.model import BudgetUnit, Document, Indicator, Project, SpendingPlan

TABLE_ROWS = len(TABLE)  # 13 rows on top, each holding content; row 14 is empty


def timed_read(path: Path):
    start = time.perf_counter()
    workbook = read_cells(str(path))
    return workbook, time.perf_counter() - start


def read_in_a_fresh_process(path: Path, keep: Path):
    """Read ``path`` in a new interpreter: its sheets (pickled to ``keep`` and loaded back),
    the seconds the read took and the process's peak memory in MB (-1 where not measured)."""
    script = textwrap.dedent("""
        import pickle, sys, time
        from perfdesk.fileio.xlsx_cells import read_cells
        start = time.perf_counter()
        workbook = read_cells(sys.argv[1])
        seconds = time.perf_counter() - start
        # VmHWM is this process's own peak: ru_maxrss would carry the parent's (pytest's)
        # peak across fork and exec
        try:
            with open("/proc/self/status") as status:
                peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))  # KiB
        except (OSError, StopIteration):  # Windows: not measured
            peak = -1024
        with open(sys.argv[2], "wb") as handle:
            pickle.dump(workbook.sheets, handle)
        print(seconds, peak)
    """)
    out = subprocess.run([sys.executable, "-c", script, str(path), str(keep)], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parents[2]).stdout.split()
    return pickle.loads(keep.read_bytes()), float(out[0]), int(out[1]) / 1024


def assert_numbers_read(sheet, last: int) -> None:
    """The sheet of :func:`numbers_down_to` ``last``, read within the bounds."""
    # Kept: the 13 table rows, then numbers until 20,000 rows hold content, i.e. the numbers
    # of rows 15 .. 15 + (20,000 - 13) - 1 = 20,001 (row 14 is empty and not in the file).
    assert (MAX_ROWS, TABLE_ROWS, FIRST_ADDED) == (20_000, 13, 15)
    assert FIRST_ADDED + (MAX_ROWS - TABLE_ROWS) - 1 == 20_001
    assert sheet.max_row == 20_001
    assert sheet.rows == set(range(1, 14)) | set(range(15, 20_002))
    assert sheet.cells[(20_001, 1)] == Number(Decimal(20_001))
    assert max(r for r, _ in sheet.cells) == 20_001
    assert sheet.cells[(3, 2)] == CODE and sheet.cells[(3, 5)] == NAME  # the table is all there
    assert sum(1 for r, _ in sheet.cells if r <= 13) == 55 == sum(v is not None for row in TABLE for v in row)
    # Not kept: rows 20,002 .. last, every one holding a number: last - 20,002 + 1 of them.
    assert sheet.unread == (20_002, last, last - 20_001)
    assert sheet.unread_cells is None


@pytest.mark.slow
def test_a_number_in_every_row_down_to_the_last_row(tmp_path):
    path = write_xlsx(tmp_path / "到底.xlsx", numbers_down_to(LAST_ROW))
    (sheet,), seconds, peak_mb = read_in_a_fresh_process(path, tmp_path / "sheets.pickle")
    assert_numbers_read(sheet, LAST_ROW)
    assert sheet.unread == (20_002, 1_048_576, 1_028_575)
    # 4.7-8.7 s and 57 MB (the whole child process, perfdesk.fileio imported) on 2 cores; the
    # reader before took 17-18 s and 1,400 MB (docs/performance.md, "Reading huge sheets").
    assert seconds < 20, f"{seconds:.1f} s"
    assert peak_mb < 250, f"{peak_mb:.0f} MB"  # well under 500 MB


def test_a_number_in_every_row_down_to_row_200000(tmp_path):
    path = write_xlsx(tmp_path / "二十万行.xlsx", numbers_down_to(200_000))
    workbook, seconds = timed_read(path)
    (sheet,) = workbook.sheets
    assert_numbers_read(sheet, 200_000)
    assert sheet.unread == (20_002, 200_000, 179_999)
    assert seconds < 5, f"{seconds:.1f} s"  # 1.0-1.5 s on 2 cores


def test_100000_rows_of_text_pasted_under_a_table(tmp_path):
    first, count = 20, 100_000  # rows 20 .. 100,019
    path = write_xlsx(tmp_path / "粘贴.xlsx", pasted_text(first, count), pasted_strings(first, count))
    workbook, seconds = timed_read(path)
    (sheet,) = workbook.sheets
    # Content: the 13 table rows, then 9 of every 10 pasted rows (21-29, 31-39, ...).
    # 20,000 - 13 = 19,987 = 9 x 2,220 + 7 pasted rows are kept: the 2,220 tens 20-29 ..
    # 22,210-22,219, then 22,221 .. 22,227 (22,220 is empty). Row 22,228 is the first left out.
    assert 9 * 2_220 + 7 == MAX_ROWS - TABLE_ROWS
    assert sheet.max_row == 22_227
    assert sheet.cells[(22_227, 1)] == "第22227行：从网页复制来的说明文字，2号附件"
    assert (22_220, 1) not in sheet.cells and 22_220 in sheet.rows
    assert sheet.rows == set(range(1, 14)) | set(range(20, 22_228))
    assert sum(1 for r, _ in sheet.cells if r >= 20) == 19_987
    # Left out: rows 22,228 .. 100,019. Rows 20 .. 100,019 hold 100,000 - 10,000 = 90,000 rows
    # of text (10,000 empty ones: 20, 30, .., 100,010); 90,000 - 19,987 = 70,013 are left out.
    assert sheet.unread == (22_228, 100_019, 70_013)
    assert sheet.unread_cells is None
    assert seconds < 5, f"{seconds:.1f} s"  # 1.0-1.5 s on 2 cores


def test_the_table_above_a_huge_paste_still_opens_as_a_project(tmp_path):
    path = write_xlsx(tmp_path / "表下粘贴.xlsx", numbers_down_to(200_000))
    start = time.perf_counter()
    (unit,) = load_document(path).units
    assert time.perf_counter() - start < 10
    project = unit.projects[0]
    assert (project.code, project.name) == (CODE, NAME)
    assert [i.description for i in project.indicators[:4]] == ["优秀特派员奖励人数", "奖励金发放时间", "带动农民增收",
                                                              "特派员满意度"]


def test_blank_formatted_rows_are_bounded_too(tmp_path):
    # 150,000 rows a clerk bordered (a styled cell, no value) below the table, then one word.
    blank = (f'<row r="{r}"><c r="A{r}" s="1"/></row>' for r in range(15, 150_015))
    word = ['<row r="150020"><c r="C150020" t="inlineStr"><is><t>备注：见附件</t></is></c></row>']
    (sheet,) = read_cells(str(write_xlsx(tmp_path / "边框.xlsx", [*blank, *word]))).sheets
    # 100,000 rows are kept in all: the 13 of the table and blank rows 15 .. 100,001.
    assert sheet.rows == set(range(1, 14)) | set(range(15, 100_002))
    assert sheet.max_row == 100_001
    assert sheet.unread == (150_020, 150_020, 1)  # the word; the blank rows left out hold nothing


def test_a_sheet_with_many_cells_is_cut_at_a_whole_row(tmp_path):
    # Rows 15 .. 1,400 of 150 cells each (one shared string). The table has 55 cells; with
    # 200,000 cells at most, (200,000 - 55) // 150 = 1,332 rows fit: rows 15 .. 1,346.
    wide = (f'<row r="{r}">' + "".join(f'<c r="{column_letter(c)}{r}" t="s"><v>0</v></c>' for c in range(1, 151))
            + "</row>" for r in range(15, 1_401))
    (sheet,) = read_cells(str(write_xlsx(tmp_path / "宽.xlsx", wide, ["数"]))).sheets
    assert (200_000 - 55) // 150 == 1_332 and 55 + 1_332 * 150 == len(sheet.cells)
    assert sheet.max_row == 1_346
    assert sheet.unread == (1_347, 1_400, 54)


def test_a_row_keeps_its_first_200_cells_and_a_lone_word_far_right_is_kept(tmp_path):
    full = '<row r="15">' + "".join(f'<c r="{column_letter(c)}15"><v>{c}</v></c>' for c in range(1, 16_385)) + "</row>"
    lone = '<row r="16"><c r="XFD16" t="inlineStr"><is><t>最后一列</t></is></c></row>'
    (sheet,) = read_cells(str(write_xlsx(tmp_path / "整行.xlsx", [full, lone]))).sheets
    assert MAX_ROW_CELLS == 200
    assert sorted(c for r, c in sheet.cells if r == 15) == list(range(1, 201))
    assert sheet.cells[(16, 16_384)] == "最后一列"
    # Left out: columns 201 .. 16,384 of row 15, all numbers: 16,184 cells.
    assert sheet.unread_cells == (201, 16_384, 16_184)
    assert sheet.unread is None and sheet.max_row == 16


def test_merges_below_the_cut_are_dropped(tmp_path):
    merges = ["A1:G1", "B20000:C20001", "B20001:C20005", "A20002:G20002", "A900000:B900001"]
    path = write_xlsx(tmp_path / "合并.xlsx", numbers_down_to(30_000), merges=merges)
    (sheet,) = read_cells(str(path)).sheets
    assert sheet.max_row == 20_001
    # Kept: those starting on a kept row (20,001 is the last), even if they reach below it.
    assert sheet.merges == [(1, 1, 1, 7), (20_000, 2, 20_001, 3), (20_001, 2, 20_005, 3)]


def test_an_ordinary_workbook_leaves_nothing_out(tmp_path):
    project = Project(code=CODE, name=NAME, budget_total="12.50", budget_fiscal="12.50", purpose="奖励",
                      spending_plan=SpendingPlan.of(["30", "60", "90", "100"]), goals=["按时拨付"],
                      indicators=[Indicator(level1="产出指标", level2="数量指标", level3="人数", description="人数",
                                            value="≥5人", basis="计划")])
    path = tmp_path / "普通.xlsx"
    save_document(Document(department="科学技术局", year=2026,
                           units=[BudgetUnit(code="339003", name="科学技术局", projects=[project])]), path)
    for sheet in read_cells(str(path)).sheets:
        assert (sheet.unread, sheet.unread_cells) == (None, None)
        assert sheet.max_row == max(sheet.rows)


# -------------------------------------------------- errors found while streaming a big part
def _damage_middle_of_member(path: Path, member: str) -> None:
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    middle = start + info.compress_size // 2
    data[middle:middle + 64] = bytes(64)
    path.write_bytes(bytes(data))


def test_damaged_compressed_data_deep_in_a_big_sheet(tmp_path):
    path = write_xlsx(tmp_path / "坏.xlsx", numbers_down_to(100_000))
    _damage_middle_of_member(path, "xl/worksheets/sheet1.xml")
    with pytest.raises(FileFormatError, match="无法解压其中的“xl/worksheets/sheet1.xml”"):
        read_cells(str(path))


def test_xml_cut_short_at_the_end_of_a_big_sheet(tmp_path):
    rows = [*numbers_down_to(50_000), '<row r="50001"><c r="A50001"><v>1</v>']  # never closed
    path = write_xlsx(tmp_path / "截断.xlsx", rows)
    with pytest.raises(FileFormatError, match="“xl/worksheets/sheet1.xml”不是有效的 XML"):
        read_cells(str(path))


def test_entities_in_a_streamed_part_are_refused(tmp_path):
    path = write_xlsx(tmp_path / "实体.xlsx", numbers_down_to(1_000))
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    bomb = b'<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    parts["xl/sharedStrings.xml"] = parts["xl/sharedStrings.xml"].replace(b"?><sst", b"?>" + bomb + b"<sst")
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with pytest.raises(FileFormatError, match="“xl/sharedStrings.xml”含有不安全的 XML 内容"):
        read_cells(str(path))
