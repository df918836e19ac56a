"""Sheets perfdesk does not understand are carried through a save: model, JSON, .xlsx, names."""

from __future__ import annotations

import copy
import json
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from pydantic import ValidationError

from benchmarks.generate import generate_document
from perfdesk.fileio import load_document, save_document
from perfdesk.fileio.kept_sheets import keep_sheet, kept_sheet_names, number_format, safe_sheet_name
from perfdesk.fileio.xlsx_cells import Formula, Number, Sheet, read_cells
from perfdesk.fileio.xlsx_write import build_workbook, workbook_bytes
from perfdesk.model import Document, KeptCell, KeptSheet


def clerk_sheet(name: str = "说明") -> KeptSheet:
    """A clerk's 说明 sheet with every kind of value perfdesk keeps."""
    return KeptSheet(
        name=name,
        cells=[
            KeptCell(ref="A1", text="编制说明：本文本依据《预算法》编制。\n第二行 "),
            KeptCell(ref="A2", text="项目合计（万元）"),
            KeptCell(ref="B2", number=Decimal("1234.56")),
            KeptCell(ref="A3", text="零头"),
            KeptCell(ref="B3", number=Decimal("0.1")),
            KeptCell(ref="A4", text="完成率"),
            KeptCell(ref="B4", number=Decimal("0.125"), format="0.0%"),
            KeptCell(ref="C4", number=Decimal("0.95"), format="0%"),
            KeptCell(ref="A5", text="报送日期"),
            KeptCell(ref="B5", number=Decimal("45292"), format="yyyy/m/d"),
            KeptCell(ref="A6", text="已审核"),
            KeptCell(ref="B6", boolean=True),
            KeptCell(ref="C6", boolean=False),
            KeptCell(ref="A7", text="=B2+B3"),
            KeptCell(ref="B7", text="-5%"),
            KeptCell(ref="A8", number=Decimal("5"), format='0"人"'),
            KeptCell(ref="A9", formula="=SUM(B2:B3)"),
        ],
        merges=["A1:D1"],
        column_widths={"A": 18.5, "B": 12},
    )


def document_with(*sheets: KeptSheet) -> Document:
    document = generate_document(projects=2, seed=3, units=1)
    document.kept_sheets = list(sheets)
    return document


def kept_from_file(path, name: str) -> KeptSheet | None:
    """The kept record the cell reader and keep_sheet make of sheet ``name`` in a saved file."""
    return keep_sheet(next(sheet for sheet in read_cells(str(path)).sheets if sheet.name == name))


# ------------------------------------------------------------------------------- model
def test_numbers_are_exact_decimals_never_floats():
    cell = KeptCell(ref="B3", number=0.1)  # a float from a hand-written JSON: its digits, not its binary value
    assert cell.number == Decimal("0.1") and str(cell.number) == "0.1"
    assert KeptCell(ref="B2", number="1234.56").number == Decimal("1234.56")
    with pytest.raises(ValidationError):
        KeptCell(ref="B2", number=True)
    for bad in ("NaN", "Infinity", "1E+400"):
        with pytest.raises(ValidationError):
            KeptCell(ref="B2", number=bad)


@pytest.mark.parametrize("fields", [
    {},  # no value
    {"text": ""},
    {"text": "a", "number": 1},
    {"formula": "SUM(A1)"},  # a formula begins with =
    {"ref": "b2", "text": "a"},
    {"ref": "XFE1", "text": "a"},  # beyond Excel's last column
    {"ref": "A0", "text": "a"},
])
def test_a_cell_has_one_value_at_a_real_place(fields):
    with pytest.raises(ValidationError):
        KeptCell(**{"ref": "A1", **fields})


def test_sheet_orders_cells_and_merges_and_refuses_what_excel_would_not_show():
    sheet = KeptSheet(name="汇总", cells=[KeptCell(ref="B2", text="b"), KeptCell(ref="AA1", text="c"),
                                         KeptCell(ref="A2", text="a")],
                      merges=["C5:D6", "A10:B10"], column_widths={"AA": 3, "B": 9})
    assert [c.ref for c in sheet.cells] == ["AA1", "A2", "B2"]
    assert sheet.merges == ["C5:D6", "A10:B10"]
    assert list(sheet.column_widths) == ["B", "AA"]
    bad = [
        {"cells": [KeptCell(ref="A1", text="x"), KeptCell(ref="A1", text="y")]},  # twice
        {"merges": ["A1:C1", "B1:B3"]},  # overlapping
        {"merges": ["C1:A1"]}, {"merges": ["A1:A1"]}, {"merges": ["A1"]},
        {"cells": [KeptCell(ref="B1", text="hidden")], "merges": ["A1:C1"]},  # under a merge
        {"column_widths": {"a": 3}}, {"column_widths": {"A": -1}},
    ]
    for fields in bad:
        with pytest.raises(ValidationError):
            KeptSheet(name="汇总", **fields)
    KeptSheet(name="汇总", cells=[KeptCell(ref="A1", text="top-left")], merges=["A1:C1"])


def test_document_compares_copies_and_protects_kept_sheets():
    document = document_with(clerk_sheet())
    other = copy.deepcopy(document)
    assert other == document
    other.kept_sheets[0].cells[2].number = Decimal("1234.57")
    assert other != document
    with pytest.raises(KeyError):
        document.update(kept_sheets=[])  # carried, not edited: no mutator


# -------------------------------------------------------------------------------- JSON
def test_json_round_trip_keeps_kept_sheets_exactly(tmp_path):
    document = document_with(clerk_sheet(), clerk_sheet("附件1"))
    path = tmp_path / "文本.json"
    save_document(document, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    cells = {cell["ref"]: cell for cell in data["kept_sheets"][0]["cells"]}
    assert cells["B2"] == {"ref": "B2", "number": "1234.56"}  # a string: no float on the way
    assert cells["B3"] == {"ref": "B3", "number": "0.1"}
    assert cells["A7"] == {"ref": "A7", "text": "=B2+B3"}
    assert data["kept_sheets"][0]["name"] == "说明"  # Chinese as such
    assert load_document(path) == document


def test_json_without_kept_sheets_is_as_before(tmp_path):
    document = generate_document(projects=2, seed=3, units=1)
    path = tmp_path / "文本.json"
    save_document(document, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "kept_sheets" not in data  # an older perfdesk (extra fields forbidden) still opens it
    assert load_document(path) == document and load_document(path).kept_sheets == []


def test_hand_written_json_with_a_bad_kept_cell_names_the_field(tmp_path):
    path = tmp_path / "hand.json"
    path.write_text(json.dumps({"department": "某局", "kept_sheets": [
        {"name": "说明", "cells": [{"ref": "A1", "text": "a", "number": 1}]}]}, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(Exception, match="kept_sheets.0.cells.0"):
        load_document(path)


# -------------------------------------------------------------------------------- .xlsx
def test_saved_workbook_holds_the_kept_sheet_as_excel_sees_it(tmp_path):
    path = tmp_path / "文本.xlsx"
    save_document(document_with(clerk_sheet()), path)
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames[-1] == "说明"
    ws = workbook["说明"]
    assert ws["A1"].value == "编制说明：本文本依据《预算法》编制。\n第二行 "
    assert (ws["B2"].data_type, ws["B2"].value) == ("n", 1234.56)
    assert ws["B3"].value == 0.1
    assert (ws["B4"].value, ws["B4"].number_format) == (0.125, "0.0%")
    assert (ws["C4"].value, ws["C4"].number_format) == (0.95, "0%")
    assert ws["B5"].is_date and ws["B5"].value.date().isoformat() == "2024-01-01"
    assert ws["B6"].value is True and ws["C6"].value is False
    assert (ws["A7"].data_type, ws["A7"].value, ws["A7"].quotePrefix) == ("s", "=B2+B3", True)  # text, not a formula
    assert (ws["B7"].data_type, ws["B7"].value) == ("s", "-5%")
    assert (ws["A8"].value, ws["A8"].number_format) == (5, '0"人"')
    assert (ws["A9"].data_type, ws["A9"].value) == ("f", "=SUM(B2:B3)")
    assert [str(r) for r in ws.merged_cells.ranges] == ["A1:D1"]
    assert ws.column_dimensions["A"].width == 18.5 and ws.column_dimensions["B"].width == 12


def test_amounts_are_written_as_their_exact_digits(tmp_path):
    path = tmp_path / "文本.xlsx"
    save_document(document_with(clerk_sheet()), path)
    with zipfile.ZipFile(path) as archive:
        names = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        xml = archive.read(sorted(names, key=lambda n: int(n[19:-4]))[-1]).decode("utf-8")
    assert '<c r="B2" t="n"><v>1234.56</v>' in xml and '<c r="B3" t="n"><v>0.1</v>' in xml


def test_kept_sheet_reads_back_exactly_through_the_cell_reader(tmp_path):
    path = tmp_path / "文本.xlsx"
    sheet = clerk_sheet()
    save_document(document_with(sheet), path)
    again = kept_from_file(path, "说明")
    assert again.cells == sheet.cells  # 1234.56 and 0.1 exactly, the % and date formats, text "=B2+B3"
    assert again.merges == sheet.merges
    # the cell reader does not read column widths (yet): everything else comes back
    assert again.model_copy(update={"column_widths": sheet.column_widths}) == sheet


def test_full_round_trip_through_load_document(tmp_path):
    document = document_with(clerk_sheet().model_copy(update={"column_widths": {}}),
                             KeptSheet(name="附件", cells=[KeptCell(ref="C3", text="附件内容")]))
    path = tmp_path / "文本.xlsx"
    save_document(document, path)
    loaded = load_document(path)
    assert loaded.kept_sheets == document.kept_sheets
    assert loaded == document
    save_document(loaded, tmp_path / "again.xlsx")
    assert (tmp_path / "again.xlsx").read_bytes() == path.read_bytes()


def test_writer_is_deterministic(tmp_path):
    document = document_with(clerk_sheet(), clerk_sheet("目录"), clerk_sheet("目录"))
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    save_document(document, first)
    save_document(copy.deepcopy(document), second)
    assert first.read_bytes() == second.read_bytes()
    assert workbook_bytes(document) == first.read_bytes()


def test_document_without_kept_sheets_has_only_perfdesks_own_sheets():
    names = build_workbook(generate_document(projects=2, seed=3, units=1)).sheetnames
    assert len(names) == 4 and names[:2] == ["第一部分", "目录"]


# ------------------------------------------------------------------------------- names
def test_a_kept_sheet_never_takes_one_of_perfdesks_own_names(tmp_path):
    document = document_with(clerk_sheet("目录"), clerk_sheet("第一部分"), clerk_sheet("说明"))
    project_sheet = build_workbook(generate_document(projects=2, seed=3, units=1)).sheetnames[2]
    document.kept_sheets.append(clerk_sheet(project_sheet))
    path = tmp_path / "文本.xlsx"
    save_document(document, path)
    names = openpyxl.load_workbook(path).sheetnames
    assert names[:4] == build_workbook(document).sheetnames[:4]
    assert names[:2] == ["第一部分", "目录"]
    assert names[4:] == ["目录 (2)", "第一部分 (2)", "说明", f"{project_sheet} (2)"]
    # perfdesk's own 目录 is still its own, the clerk's is beside it with its content
    assert kept_from_file(path, "目录 (2)").cells == clerk_sheet().cells
    assert openpyxl.load_workbook(path)["目录"]["A1"].value == "目录"


def test_clashing_names_are_renamed_the_same_way_every_time():
    sheets = [KeptSheet(name=name, cells=[KeptCell(ref="A1", text="x")]) for name in
              ("说明", "说明", "说明", "history", "a/b:c*?[d]", "'引用'", "", "目录", "目录 (2)", "长" * 40, "长" * 40)]
    names = kept_sheet_names(sheets, ["第一部分", "目录", "1.项目"])
    assert names == ["说明", "说明 (2)", "说明 (3)", "history (2)", "abcd", "引用", "工作表", "目录 (2)",
                     "目录 (2) (2)", "长" * 31, "长" * 27 + " (2)"]
    assert names == kept_sheet_names(sheets, ["第一部分", "目录", "1.项目"])
    assert len({name.casefold() for name in names}) == len(names)
    assert all(len(name) <= 31 for name in names)
    # saved again under the names given, nothing moves
    renamed = [sheet.model_copy(update={"name": name}) for sheet, name in zip(sheets, names)]
    assert kept_sheet_names(renamed, ["第一部分", "目录", "1.项目"]) == names
    assert kept_sheet_names(sheets[:1], ["說明", "SHUOMING"]) == ["说明"]
    assert kept_sheet_names([KeptSheet(name="Notes")], ["notes"]) == ["Notes (2)"]  # Excel ignores case
    assert safe_sheet_name("''") == "工作表"


# ------------------------------------------------------------------------------ reading
def test_keep_sheet_turns_a_read_sheet_into_the_record():
    sheet = Sheet("汇总")
    sheet.cells = {
        (1, 1): "部门预算汇总",
        (1, 2): "hidden under the merge",  # Excel shows only A1 of A1:C1
        (2, 1): Number(Decimal("1234.56")),
        (2, 2): Number(Decimal("0.125"), percent=True),
        (2, 3): Number(Decimal("0.9512"), percent=True, shown="0.00%"),
        (2, 4): Number(Decimal("45292"), date=True),
        (2, 5): Number(Decimal("45292.5"), date=True),
        (2, 6): Number(Decimal("5"), shown='0"人"'),
        (3, 1): True,
        (3, 2): Formula("=SUM(A2:A2)"),
        (3, 3): Formula("=…"),  # a shared formula's later cell: its own text is unknown
        (3, 4): "",
        (4, 1): "=不是公式",
    }
    sheet.merges = [(1, 1, 1, 3), (1, 2, 2, 2), (5, 5, 5, 5)]  # overlapping and one-cell merges dropped
    kept = keep_sheet(sheet)
    assert kept.name == "汇总" and kept.merges == ["A1:C1"]
    assert {c.ref: (c.text, c.number, c.boolean, c.formula, c.format) for c in kept.cells} == {
        "A1": ("部门预算汇总", None, None, None, ""),
        "A2": (None, Decimal("1234.56"), None, None, ""),
        "B2": (None, Decimal("0.125"), None, None, "0%"),
        "C2": (None, Decimal("0.9512"), None, None, "0.00%"),
        "D2": (None, Decimal("45292"), None, None, "yyyy/m/d"),
        "E2": (None, Decimal("45292.5"), None, None, "yyyy/m/d h:mm"),
        "F2": (None, Decimal("5"), None, None, '0"人"'),
        "A3": (None, None, True, None, ""),
        "B3": (None, None, None, "=SUM(A2:A2)", ""),
        "C3": ("=…", None, None, None, ""),
        "A4": ("=不是公式", None, None, None, ""),
    }


def test_a_sheet_showing_nothing_is_not_kept():
    assert keep_sheet(Sheet("空")) is None
    blank = Sheet("空白", cells={(1, 1): "", (2, 2): "  ", (3, 3): None}, merges=[(1, 1, 2, 2)])
    assert keep_sheet(blank) is None
    assert keep_sheet(Sheet("零", cells={(9, 9): Number(Decimal(0))})).cells[0].ref == "I9"


def test_number_format_shows_the_number_as_the_file_did():
    assert number_format(Number(Decimal("0.5"), percent=True)) == "0%"
    assert number_format(Number(Decimal("0.5"), percent=True, shown="0.0%")) == "0.0%"
    assert number_format(Number(Decimal("45000"), date=True)) == "yyyy/m/d"
    assert number_format(Number(Decimal("45000.25"), date=True)) == "yyyy/m/d h:mm"
    assert number_format(Number(Decimal("3"), shown='"≤"0"元"')) == '"≤"0"元"'
    assert number_format(Number(Decimal("7"))) == ""


def test_formats_and_edge_values_survive_a_save(tmp_path):
    sheet = KeptSheet(name="边界", cells=[
        KeptCell(ref="A1", number=Decimal("-0.000123")), KeptCell(ref="B1", number=Decimal("123456789012.34")),
        KeptCell(ref="C1", number=Decimal("0.9512"), format="0.00%"), KeptCell(ref="D1", number=Decimal("3"),
                                                                                format='"≤"0"元"'),
        KeptCell(ref="E1", number=Decimal("45292.5"), format="yyyy/m/d h:mm"),
        KeptCell(ref="A2", text="_x0041_ 与 \x0b 控制字符"), KeptCell(ref="B2", text="@提及"),
        KeptCell(ref="C2", text="+86 123"), KeptCell(ref="D2", text="Windows 换行\r\n与单独的\r回车"), KeptCell(ref="XFD1048576", text="最后一格"),
    ])
    path = tmp_path / "文本.xlsx"
    save_document(document_with(sheet), path)
    assert kept_from_file(path, "边界") == sheet


@pytest.mark.parametrize("marked", [True, False])
def test_a_list_of_projects_headed_like_a_table_is_kept_not_read_as_a_project(tmp_path, marked):
    """A clerk's 汇总 sheet lists the projects under 项目编码 | 项目名称 | 预算数 column headers:
    a list, not a 绩效目标表 — it is kept as it is, and the document has its two projects only."""
    path = tmp_path / "dept.xlsx"
    save_document(generate_document(projects=2, seed=3, units=1), path, marked=marked)
    book = openpyxl.load_workbook(path)
    sheet = book.create_sheet("汇总")
    sheet.append(["项目编码", "项目名称", "预算数"])
    sheet.append(["13020822P00871410001L", "科技特派员奖补", 12.5])
    book.save(path)
    document = load_document(path)
    assert document.project_count() == 2
    assert [kept.name for kept in document.kept_sheets] == ["汇总"]
    assert {cell.ref: cell.text for cell in document.kept_sheets[0].cells if cell.text}["B2"] == "科技特派员奖补"


def test_a_formula_without_result_in_the_first_row_survives_a_save_and_reopens(tmp_path):
    """Row 1 is where an annotated copy's list of findings has its header; a formula there is
    the clerk's own and is kept, not taken for an unreadable header."""
    sheet = KeptSheet(name="备注", cells=[KeptCell(ref="B1", formula="=SUM(B2:B5)"), KeptCell(ref="B2", number="3")])
    path = tmp_path / "备注在前.xlsx"
    save_document(document_with(sheet), path)
    assert load_document(path).kept_sheets == [sheet]
