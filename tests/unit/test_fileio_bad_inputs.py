"""Bad files give a clear Chinese message naming the place, never a traceback, and stay untouched."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import openpyxl
import pytest

from benchmarks.generate import generate_document
from perfdesk.errors import FileFormatError
from perfdesk.fileio import load_document, write_workbook

WORKBOOKS = Path(__file__).resolve().parents[1] / "data" / "workbooks"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def refused(path: Path, *words: str) -> FileFormatError:
    """Load must fail with a FileFormatError containing ``words``; the file must be unchanged."""
    before = digest(path) if path.exists() else None
    with pytest.raises(FileFormatError) as caught:
        load_document(path)
    message = str(caught.value)
    for word in words:
        assert word in message
    assert "Traceback" not in message
    if before is not None:
        assert digest(path) == before
    return caught.value


def valid_workbook(tmp_path: Path) -> Path:
    path = tmp_path / "valid.xlsx"
    write_workbook(generate_document(projects=2, units=1), path)
    return path


def rewrite_member(source: Path, target: Path, member: str, data: bytes) -> None:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, data if info.filename == member else old.read(info.filename))


def test_random_bytes(tmp_path):
    path = tmp_path / "随机.xlsx"
    path.write_bytes(bytes(range(256)) * 10)
    refused(path, "随机.xlsx", "不是 Excel 工作簿")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")
    refused(path, "文件是空的")


@pytest.mark.parametrize("name", ["old-format.xls", "old-format-renamed.xlsx"])
def test_old_xls_workbook(name):
    refused(WORKBOOKS / name, "97-2003", "另存为")


def test_encrypted_workbook():
    error = refused(WORKBOOKS / "encrypted.xlsx", "加密", "取消密码")
    assert "97-2003" not in str(error)


def test_zip_bomb_is_refused_before_unpacking():
    refused(WORKBOOKS / "zip-bomb.xlsx", "解压后过大")


def test_truncated_workbook(tmp_path):
    path = tmp_path / "cut.xlsx"
    path.write_bytes(valid_workbook(tmp_path).read_bytes()[:3000])
    refused(path, "已损坏")


def test_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "notes.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    refused(path, "不是 Excel 工作簿", "xl/workbook.xml")


def test_xml_with_entities_is_refused(tmp_path):
    bomb = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
            b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&b;</t></si></sst>')
    path = tmp_path / "entities.xlsx"
    source = valid_workbook(tmp_path)
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w") as new:
        for info in old.infolist():
            new.writestr(info.filename, old.read(info.filename))
        new.writestr("xl/sharedStrings.xml", bomb)
    refused(path, "不安全的 XML")


def test_sheet_that_is_not_xml(tmp_path):
    path = tmp_path / "broken.xlsx"
    rewrite_member(valid_workbook(tmp_path), path, "xl/worksheets/sheet3.xml", b"<worksheet><sheetData>")
    refused(path, "已损坏", "sheet3.xml", "不是有效的 XML")


def test_damaged_compressed_data(tmp_path):
    data = bytearray(valid_workbook(tmp_path).read_bytes())
    start = data.find(b"xl/worksheets/sheet3.xml") + 200  # inside that member's compressed bytes
    data[start:start + 40] = bytes(40)
    path = tmp_path / "crc.xlsx"
    path.write_bytes(bytes(data))
    refused(path, "已损坏")


def test_workbook_without_any_performance_text(tmp_path):
    path = tmp_path / "budget.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["科目", "金额"])
    workbook.active.append(["办公费", 12])
    workbook.save(path)
    refused(path, "没有找到绩效文本的内容", "项目编码")


def test_amount_that_is_not_a_number_names_sheet_and_cell(tmp_path):
    path = tmp_path / "amount.xlsx"
    shutil_copy(WORKBOOKS / "percent-fraction.xlsx", path)
    workbook = openpyxl.load_workbook(path)
    workbook["表1"]["C4"] = "十二万"
    workbook.save(path)
    error = refused(path, "工作表“表1”", "单元格 C4", "“十二万”不是金额")
    assert (error.sheet, error.cell) == ("表1", "C4")


def test_spending_value_that_is_not_a_percentage(tmp_path):
    path = tmp_path / "plan.xlsx"
    shutil_copy(WORKBOOKS / "percent-fraction.xlsx", path)
    workbook = openpyxl.load_workbook(path)
    workbook["表1"]["D7"] = "过半"
    workbook.save(path)
    refused(path, "单元格 D7", "“过半”不是百分比")


def test_year_and_status_on_the_part1_sheet(tmp_path):
    path = tmp_path / "cover.xlsx"
    shutil_copy(WORKBOOKS / "messy.xlsx", path)
    workbook = openpyxl.load_workbook(path)
    workbook["封面和第一部分"]["B2"] = "明年"
    workbook.save(path)
    refused(path, "工作表“封面和第一部分”", "单元格 B2", "不是年份")
    workbook["封面和第一部分"]["B2"] = 2025
    workbook["封面和第一部分"]["B3"] = "定稿"
    workbook.save(path)
    refused(path, "单元格 B3", "草案", "正式")


def test_workbook_from_a_newer_perfdesk(tmp_path):
    path = tmp_path / "newer.xlsx"
    source = valid_workbook(tmp_path)
    with zipfile.ZipFile(source) as old:
        custom = old.read("docProps/custom.xml").replace(b">1</vt:lpwstr>", b">9</vt:lpwstr>")
    rewrite_member(source, path, "docProps/custom.xml", custom)
    refused(path, "更新版本")


def test_missing_file_and_unknown_suffix(tmp_path):
    refused(tmp_path / "nowhere.xlsx", "找不到")
    other = tmp_path / "notes.txt"
    other.write_text("hello")
    refused(other, "不支持的文件类型", ".txt")


def test_bad_json(tmp_path):
    path = tmp_path / "doc.json"
    path.write_text('{"department": "某局",\n "year": 2025,\n "units": [}', encoding="utf-8")
    error = refused(path, "JSON 格式错误", "第 3 行")
    assert error.line == 3
    path.write_text('{"units": [{"code": "1", "projects": [{"budget_total": "很多"}]}]}', encoding="utf-8")
    refused(path, "units.0.projects.0.budget_total")
    path.write_text('{"schema_version": 99}', encoding="utf-8")
    refused(path, "更新版本")


def shutil_copy(source: Path, target: Path) -> None:
    target.write_bytes(source.read_bytes())
