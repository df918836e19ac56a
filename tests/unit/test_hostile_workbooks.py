"""Hostile and huge workbooks (issue 16): limits that are checks, every refusal a Chinese reason.

Each test builds its hostile file itself (``tests/hostile/make.py``: a minimal .xlsx written as
XML into a zip, small on disk). A refusal names the file and, where there is one, the sheet and
cell, in Chinese, and never a Python exception; what is read from a broken cell (an Excel error
value, half a UTF-16 pair) is left out or replaced and listed as a note naming the cell. Memory
is measured in a fresh process (its own peak, ``VmHWM``) against a named baseline measured in the same run:
the same process opening an ordinary workbook.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from hostile import make
from hostile.leaks import leaks
from perfdesk.cli.main import main
from perfdesk.errors import FileFormatError
from perfdesk.fileio import load_document, open_document
from perfdesk.fileio import xlsx_cells

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent


def refused(path: Path, *words: str) -> str:
    """Opening ``path`` is refused, quickly, with a message holding ``words`` and no class name."""
    start = time.perf_counter()
    with pytest.raises(FileFormatError) as caught:
        open_document(path)
    message = str(caught.value)
    assert time.perf_counter() - start < 20
    for word in words:
        assert word in message, message
    assert path.name in message and not leaks(message), message
    return message


_PEAK = textwrap.dedent("""
    import json, resource, sys, time
    from perfdesk.errors import PerfdeskError
    from perfdesk.fileio import open_document
    start = time.perf_counter()
    try:
        result = open_document(sys.argv[1])
        outcome = [str(note) for note in result.notes[:5]]
    except PerfdeskError as error:
        outcome = str(error)
    try:  # the process's own peak: ru_maxrss would carry the (large) test process's across fork and exec
        with open("/proc/self/status") as status:
            peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
    except OSError:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": time.perf_counter() - start, "outcome": outcome, "peak_mb": peak},
                     ensure_ascii=False))
""")


def opened_alone(path: Path) -> dict:
    """Open ``path`` in a fresh process: seconds, what it said, peak memory in MB."""
    done = subprocess.run([sys.executable, "-c", _PEAK, str(path)], capture_output=True, text=True, timeout=300,
                          cwd=ROOT, check=True)
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def baseline_mb(tmp_path_factory) -> float:
    """Baseline: the peak memory of a fresh process opening an ordinary one-project workbook."""
    return opened_alone(make.project(tmp_path_factory.mktemp("baseline") / "普通.xlsx"))["peak_mb"]


# ------------------------------------------------------------ hole 3: the zip's directory lies
def test_a_member_whose_headers_understate_its_size_is_refused_in_bounded_memory(tmp_path, baseline_mb):
    # xl/styles.xml claims 1 KB in its local and central headers and inflates to 1 GB
    path = make.understated_member(tmp_path / "少报大小.xlsx")
    assert path.stat().st_size < 2_000_000
    found = opened_alone(path)
    assert "“xl/styles.xml”" in found["outcome"] and not leaks(found["outcome"])
    assert found["seconds"] < 20
    # read in chunks: never more than the claimed size plus a chunk or two (the bomb is 1,024 MB)
    print(f"understated member: {found['peak_mb']:.0f} MB, baseline {baseline_mb:.0f} MB, "
          f"ratio {found['peak_mb'] / baseline_mb:.2f}")
    assert found["peak_mb"] < baseline_mb + 100


def test_an_understated_sheet_is_refused_too(tmp_path):
    path = make.understated_member(tmp_path / "表少报.xlsx", "xl/worksheets/sheet1.xml", inflated=64 << 20)
    refused(path, "xl/worksheets/sheet1.xml")


def test_an_honest_zip_bomb_is_refused_by_its_size(tmp_path):
    refused(make.honest_bomb(tmp_path / "炸弹.xlsx"), "解压后过大")


def test_a_part_too_large_to_hold_as_a_tree_is_refused(tmp_path):
    # 40 MB of spaces inside styles.xml: honest sizes, within the whole workbook's 256 MB
    styles = ('<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="%s">' % make.MAIN
              + " " * (40 << 20) + "</styleSheet>")
    path = make.workbook(tmp_path / "大样式.xlsx", {"项目1": make.table_rows()}, styles=styles)
    refused(path, "“xl/styles.xml”解压后过大", "32 MB")


def test_20001_members_are_too_many_not_too_large(tmp_path):
    message = refused(make.many_members(tmp_path / "成员.xlsx"), "成员太多", "20,001")
    assert "过大" not in message


def test_an_unsupported_compression_method_is_said_so(tmp_path):
    refused(make.unsupported_compression(tmp_path / "压缩.xlsx"), "不受支持的压缩方式", "xl/worksheets/sheet1.xml")


def test_a_zip_needing_a_newer_zip_version_is_said_so(tmp_path):
    refused(make.newer_zip_version(tmp_path / "版本.xlsx"), "压缩格式版本不受支持")


# ---------------------------------------------------------------- hole 2: size without limit
def test_too_many_shared_strings_are_refused_with_their_reason(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx_cells, "MAX_SHARED_STRINGS", 1_000)  # the real cap is 1,000,000
    path = make.workbook(tmp_path / "字符串.xlsx", {"项目1": make.table_rows()}, ("x" for _ in range(1_001)))
    refused(path, "共享字符串", "1,000")
    make.workbook(path, {"项目1": make.table_rows()}, ("x" for _ in range(1_000)))
    assert open_document(path).document.units[0].projects[0].code == "13020822P00871410001L"


@pytest.mark.slow
def test_three_million_shared_strings_are_refused_in_seconds(tmp_path, baseline_mb):
    found = opened_alone(make.many_shared_strings(tmp_path / "三百万.xlsx"))
    assert "共享字符串" in found["outcome"] and found["seconds"] < 30
    print(f"3,000,000 shared strings: {found['seconds']:.1f} s, {found['peak_mb']:.0f} MB "
          f"(baseline {baseline_mb:.0f} MB, ratio {found['peak_mb'] / baseline_mb:.2f})")
    assert found["peak_mb"] < 600


@pytest.mark.slow
def test_a_number_in_every_row_to_the_last_opens_in_bounded_memory_with_a_note(tmp_path, baseline_mb):
    found = opened_alone(make.numbers_down_to(tmp_path / "一百万行.xlsx"))
    print(f"1,048,576 rows: {found['seconds']:.1f} s, {found['peak_mb']:.0f} MB "
          f"(baseline {baseline_mb:.0f} MB, ratio {found['peak_mb'] / baseline_mb:.2f})")
    assert found["seconds"] < 60 and found["peak_mb"] < 600
    assert isinstance(found["outcome"], list)  # opened, the table read


def test_the_workbook_keeps_at_most_its_cells_and_names_the_sheets_left_out(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx_cells, "MAX_BOOK_CELLS", 2_000)  # the real cap is 300,000
    path = make.many_full_sheets(tmp_path / "满表.xlsx", sheets=4, rows=100, columns=10)  # 1,000 cells a sheet
    result = open_document(path)
    assert result.document.units[0].projects[0].code == "13020822P00871410001L"  # the table comes first
    notes = [str(note) for note in result.notes]
    # 项目1 keeps its 33 cells, 数据1 its 1,000, 数据2 the 96 rows (960 cells) that fit in the
    # 967 left; 数据3 and 数据4 are not read at all
    assert "工作表“数据2” A97:A100：第 97 行以下还有 4 行内容，超出一份绩效文本的篇幅，未读入" in notes
    for name in ("数据3", "数据4"):
        assert f"工作表“{name}”：整张工作表未读入：前面的工作表已有 2,000 个单元格，整个工作簿超出一份绩效文本的篇幅" in notes
    assert not any("数据1" in note and "未读入" in note for note in notes)


def test_sheets_carried_over_as_they_are_are_bounded_and_the_rest_named(tmp_path, monkeypatch):
    from perfdesk.fileio import xlsx_read

    monkeypatch.setattr(xlsx_read, "MAX_KEPT_CELLS", 1_500)  # the real cap is 100,000
    path = make.many_full_sheets(tmp_path / "附表.xlsx", sheets=3, rows=100, columns=10)  # 1,000 cells a sheet
    result = open_document(path)
    assert [sheet.name for sheet in result.document.kept_sheets] == ["数据1"]
    lost = {note.sheet: note.reason for note in result.lost}
    for name in ("数据2", "数据3"):
        assert lost[name] == ("不是第一部分、目录或绩效目标表，有 1,000 个单元格，加上其他原样保留的工作表超过 1,500 个，"
                              "不能原样保留，保存时不会写回")


@pytest.mark.slow
def test_thirty_full_sheets_open_in_seconds_and_bounded_memory(tmp_path, baseline_mb):
    # 30 sheets of 200,000 cells: before the workbook's cap, 280 s and 6.5 GB
    found = opened_alone(make.many_full_sheets(tmp_path / "三十张.xlsx"))
    print(f"30 full sheets: {found['seconds']:.1f} s, {found['peak_mb']:.0f} MB "
          f"(baseline {baseline_mb:.0f} MB, ratio {found['peak_mb'] / baseline_mb:.2f})")
    assert found["seconds"] < 60 and found["peak_mb"] < 600


def test_overlapping_merges_are_bounded_and_noted(tmp_path):
    start = time.perf_counter()
    result = open_document(make.many_merges(tmp_path / "合并.xlsx"))  # 200,000 ranges of 100 × 100 cells
    assert time.perf_counter() - start < 20
    assert result.document.units[0].projects[0].indicators[0].value == "≥5人"
    assert any("合并单元格超过 50,000 处" in note.reason for note in result.notes)


# ----------------------------------------------------------- hole 5: half a UTF-16 pair
def test_lone_surrogates_are_replaced_and_noted_with_their_cell(tmp_path):
    result = open_document(make.lone_surrogates(tmp_path / "代理.xlsx"))
    project = result.document.units[0].projects[0]
    assert project.indicators[0].value == "≥5人\ufffd"  # E7, inline
    assert project.indicators[1].basis == "历史\ufffd标准"  # F8, shared string
    assert project.indicators[2].description == "特派员满意度😀"  # D9: a whole pair is one character
    notes = {note.cell: str(note) for note in result.notes}
    assert "无法识别的字符" in notes["E7"] and "无法识别的字符" in notes["F8"] and "D9" not in notes
    assert "请核对编码\ufffd" in notes["B3"]  # the comment
    text = json.dumps(result.document.model_dump(mode="json"), ensure_ascii=False)
    text.encode("utf-8")  # no surrogate left anywhere: this would fail on one


def test_check_json_of_lone_surrogates_is_one_whole_json_document(tmp_path, capsys):
    path = make.lone_surrogates(tmp_path / "代理.xlsx")
    status = main(["check", "--json", str(path)])
    out, err = capsys.readouterr()
    document = json.loads(out)
    assert status in (0, 1, 2) and "内部错误" not in err and "E7" in err
    assert "无法读取" not in out, document  # read and checked, not refused


# ------------------------------------------------- hole 6: every refusal a reason, accept Excel's
def test_lower_case_references_read_like_upper_case(tmp_path):
    lower = load_document(make.lower_case_refs(tmp_path / "小写.xlsx"))
    upper = load_document(make.project(tmp_path / "大写.xlsx"))
    assert lower == upper
    assert [i.value for i in lower.units[0].projects[0].indicators] == ["≥5人", "效果明显", "≥95%"]


@pytest.mark.parametrize("text", ["1E+999999999", "-1E+400", "1E-999999999", "9" * 100_000, "NaN", "Infinity",
                                  "-inf"])
def test_a_number_too_large_is_refused_by_its_size_naming_the_cell(tmp_path, text):
    refused(make.huge_numbers(tmp_path / "数字.xlsx", text), "单元格 B4", "数字太大或太小")


def test_a_number_with_a_date_format_past_9999_is_shown_as_the_number():
    from decimal import Decimal

    from perfdesk.fileio.grid import render
    assert render(xlsx_cells.Number(Decimal("1E+300"), date=True)) == "1" + "0" * 300
    assert render(xlsx_cells.Number(Decimal("45658"), date=True)) == "2025年1月1日"


@pytest.mark.parametrize("ref, words", [("XFE1", "“XFE1”"), ("A1048577", "“A1048577”"), ("A0", "“A0”"),
                                        ("1A", "“1A”")])
def test_a_cell_outside_excel_sheet_is_refused_naming_it(tmp_path, ref, words):
    refused(make.refs_out_of_range(tmp_path / "范围.xlsx", ref), "工作表“项目1”", words, "超出了 Excel 工作表的范围")


def test_a_row_number_outside_the_sheet_is_refused(tmp_path):
    refused(make.refs_out_of_range(tmp_path / "行号.xlsx", "A1", "99999999999999999999"), "行号", "工作表“项目1”")
    refused(make.refs_out_of_range(tmp_path / "行号.xlsx", "A1", "1048577"), "行号“1048577”")
    refused(make.refs_out_of_range(tmp_path / "行号.xlsx", "A1", "二十"), "行号“二十”")


def test_a_number_format_id_that_is_no_number_names_the_styles_part(tmp_path):
    styles = f'<?xml version="1.0"?><styleSheet xmlns="{make.MAIN}"><cellXfs><xf numFmtId="abc"/></cellXfs></styleSheet>'
    path = make.workbook(tmp_path / "样式.xlsx", {"项目1": make.table_rows()}, styles=styles)
    refused(path, "“xl/styles.xml”中的数字格式编号无法理解")


def test_deeply_nested_xml_ends_quickly_without_a_traceback(tmp_path):
    start = time.perf_counter()
    try:
        open_document(make.deep_nesting(tmp_path / "深.xlsx"))
    except FileFormatError as error:
        assert not leaks(str(error))
    assert time.perf_counter() - start < 20


# ----------------------------------------------------------------- hole 7: Excel error values
def test_error_values_are_never_read_as_text_and_each_is_noted(tmp_path):
    result = open_document(make.error_values(tmp_path / "错误值.xlsx"))
    text = json.dumps(result.document.model_dump(mode="json"), ensure_ascii=False)
    for error in make.ERROR_VALUES:
        assert error not in text
    project = result.document.units[0].projects[0]
    assert [i.value for i in project.indicators] == ["", "", ""] and project.indicators[2].basis == ""
    noted = {note.cell: note for note in result.notes if "错误值" in note.reason}
    assert {cell: note.text for cell, note in noted.items()} == {
        "E7": "#DIV/0!", "E8": "#REF!", "E9": "#N/A", "F9": "#NULL!", "A12": "#VALUE!", "B12": "#NAME?",
        "C12": "#NUM!"}
    assert all(note.sheet == "项目1" and not note.kept for note in noted.values())


def test_error_values_are_listed_by_check_and_not_printed_in_the_pdf(tmp_path, capsys):
    from pypdf import PdfReader

    path = make.error_values(tmp_path / "错误值.xlsx")
    main(["check", str(path)])
    err = capsys.readouterr().err
    assert "工作表“项目1” E8：是 Excel 的错误值" in err
    pdf = tmp_path / "错误值.pdf"
    assert main(["export", str(path), str(pdf)]) == 0
    printed = "".join(page.extract_text() or "" for page in PdfReader(pdf).pages)
    assert "奖励人数" in printed and not any(error in printed for error in make.ERROR_VALUES)


# ------------------------------------------------------------- every command on every file
SMALL = ["错误值.xlsx", "小写引用.xlsx", "不成对代理字符.xlsx", "超大数字.xlsx", "超长数字.xlsx", "非数字.xlsx",
         "列超出范围.xlsx", "行超出范围.xlsx", "不支持的压缩方式.xlsx", "新版本压缩包.xlsx", "目录少报大小.xlsx",
         "如实的压缩炸弹.xlsx", "嵌套太深.xlsx"]


@pytest.mark.parametrize("name", SMALL)
def test_every_command_ends_with_a_chinese_message(tmp_path, name):
    from hostile.run import run_all

    path = make.ALL[name](tmp_path / name)
    out = tmp_path / "out"
    out.mkdir()
    for command, found in run_all(path, out).items():
        said = found.get("stderr", "") + found.get("stdout", "")
        assert found["status"] in (0, 1, 2), (command, found)
        assert found["seconds"] < 20, (command, found["seconds"])
        assert "内部错误" not in said and not leaks(said), (command, said)
        if found["status"] == 2:
            assert name in said or "无法读取" in said, (command, said)


BIG = ["一百万行数字.xlsx", "十万行粘贴文字.xlsx", "三百万共享字符串.xlsx", "三十张满表.xlsx", "二十万合并.xlsx",
       "一行一万六千格.xlsx", "两万零一个成员.xlsx", "目录少报大小.xlsx"]


@pytest.mark.slow
@pytest.mark.parametrize("name", BIG)
def test_every_command_on_a_big_file_ends_in_bounded_time_and_memory(tmp_path, name, baseline_mb):
    path = make.ALL[name](tmp_path / name)
    done = subprocess.run([sys.executable, "-m", "hostile.run", str(path)], capture_output=True, text=True,
                          timeout=900, cwd=TESTS, check=True)
    found = json.loads(done.stdout)
    peak = found.pop("peak_mb")
    print(f"{name}: peak {peak} MB (baseline {baseline_mb:.0f} MB, ratio {peak / baseline_mb:.2f}), "
          + ", ".join(f"{command} {result['seconds']} s" for command, result in found.items()))
    assert peak < 600
    for command, result in found.items():
        said = result.get("stderr", "") + result.get("stdout", "")
        assert result["status"] in (0, 1, 2) and result["seconds"] < 120, (command, result)
        assert "内部错误" not in said and not leaks(said), (command, said)
