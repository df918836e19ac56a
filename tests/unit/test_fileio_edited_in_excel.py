"""perfdesk's own workbook after a clerk worked on it in Excel or WPS: saved as .xlsm, sheets
renamed or moved, a column inserted before the labels, a blank row inserted in a table. Nothing
the clerk typed may be lost; the document must read back equal to what was saved."""

from __future__ import annotations

import shutil

import pytest
from openpyxl import load_workbook

from benchmarks.generate import generate_document
from perfdesk.errors import SaveError
from perfdesk.fileio import load_document, save_document


@pytest.fixture
def saved(tmp_path):
    document = generate_document(projects=3, units=1, seed=5)
    path = tmp_path / "绩效文本.xlsx"
    save_document(document, path)
    return document, path


def edited(path, change, target=None):
    """Open in openpyxl (as Excel would), apply ``change`` to the workbook, save."""
    workbook = load_workbook(path)
    change(workbook)
    workbook.save(target or path)
    return target or path


def insert_cells(ws, axis: str, before: int, count: int) -> None:
    """Insert rows or columns as Excel does: the merged ranges below or right of them move too."""
    merges = list(ws.merged_cells.ranges)
    for merge in merges:
        ws.unmerge_cells(str(merge))
    (ws.insert_rows if axis == "row" else ws.insert_cols)(before, count)
    for merge in merges:
        first = merge.min_row if axis == "row" else merge.min_col
        shift = count if first >= before else 0
        merge.shift(**{"row_shift" if axis == "row" else "col_shift": shift})
        ws.merge_cells(str(merge))


def insert_columns(ws, before: int = 1, count: int = 1) -> None:
    insert_cells(ws, "column", before, count)


def insert_rows(ws, before: int, count: int = 1) -> None:
    insert_cells(ws, "row", before, count)


def test_a_workbook_saved_as_xlsm_opens_but_is_saved_only_as_xlsx(saved, tmp_path):
    document, path = saved
    macro = tmp_path / "启用宏.xlsm"
    shutil.copy(path, macro)
    assert load_document(macro) == document
    before = macro.read_bytes()
    with pytest.raises(SaveError, match=r"另存为 \.xlsx"):
        save_document(document, macro)
    assert macro.read_bytes() == before


def test_a_renamed_project_sheet_keeps_its_place_by_its_code(saved):
    document, path = saved
    edited(path, lambda wb: setattr(wb.worksheets[2], "title", "Sheet1"))  # project 1's sheet
    assert load_document(path) == document


def test_project_sheets_moved_keep_the_order_of_the_contents(saved):
    document, path = saved
    edited(path, lambda wb: wb.move_sheet(wb.worksheets[4], offset=-2))
    assert load_document(path) == document


def test_a_column_inserted_before_a_project_table(saved):
    document, path = saved
    edited(path, lambda wb: insert_columns(wb.worksheets[3]))  # project 2
    assert load_document(path) == document


def test_a_column_inserted_before_part1(saved):
    document, path = saved
    edited(path, lambda wb: insert_columns(wb["第一部分"], count=2))
    loaded = load_document(path)
    assert loaded.department == document.department and loaded.year == document.year
    assert loaded.part1 == document.part1


def test_a_blank_row_inserted_above_the_purpose(saved):
    document, path = saved
    edited(path, lambda wb: insert_rows(wb.worksheets[2], 5))  # row 5 holds 资金用途
    assert load_document(path) == document


def test_a_blank_row_inserted_above_the_spending_percentages(saved):
    document, path = saved
    edited(path, lambda wb: insert_rows(wb.worksheets[4], 7))  # row 7 holds the percentages
    assert load_document(path) == document
