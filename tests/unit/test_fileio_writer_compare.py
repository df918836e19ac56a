"""The linear workbook writer writes the workbook the openpyxl writer did: each fixture in
tests/data/workbooks/writer-*.xlsx was written by the old writer (make_writer_fixtures.py) and
is compared, through openpyxl as Excel's stand-in, cell by cell with what perfdesk writes now:
values and types, fonts, borders, fills, alignment, number formats, quote prefixes, merges,
widths, heights, hyperlinks, print area and titles, page set-up, frozen panes, filters and the
document properties."""

from __future__ import annotations

import importlib.util
import io
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest

from perfdesk.fileio import load_document
from perfdesk.fileio.xlsx_write import workbook_bytes

WORKBOOKS = Path(__file__).resolve().parents[1] / "data" / "workbooks"
_spec = importlib.util.spec_from_file_location("make_writer_fixtures", WORKBOOKS / "make_writer_fixtures.py")
fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fixtures)


def _color(color) -> str | None:
    return None if color is None else (color.rgb if color.type == "rgb" else f"{color.type}:{color.value}")


def cell_view(cell) -> tuple:
    """What a reader or Excel sees of one cell."""
    font, border, fill, align = cell.font, cell.border, cell.fill, cell.alignment
    return (
        cell.value, cell.data_type,
        (font.name, font.sz, bool(font.b), _color(font.color), font.u),
        tuple(getattr(border, side).style for side in ("left", "right", "top", "bottom")),
        (fill.fill_type, _color(fill.fgColor) if fill.fill_type else None),
        (align.horizontal, align.vertical, bool(align.wrap_text)),
        cell.number_format, bool(cell.quotePrefix),
        None if cell.hyperlink is None else (cell.hyperlink.location, cell.hyperlink.display),
    )


def sheet_view(ws) -> dict:
    setup, margins = ws.page_setup, ws.page_margins
    return {
        "merges": sorted(str(r) for r in ws.merged_cells.ranges),
        "widths": {k: d.width for k, d in ws.column_dimensions.items() if d.customWidth},
        "heights": {k: d.height for k, d in ws.row_dimensions.items() if d.height is not None},
        "print_area": ws.print_area, "print_titles": ws.print_title_rows,
        "setup": (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight,
                  ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None,
                  ws.print_options.horizontalCentered),
        "margins": (margins.left, margins.right, margins.top, margins.bottom, margins.header, margins.footer),
        "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref, "state": ws.sheet_state,
        "data_validations": len(ws.data_validations.dataValidation),
    }


NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def boxed_cells(data: bytes) -> list[list[str]]:
    """Per sheet, the cells with a thin border all round, read from the XML itself: openpyxl
    rebuilds the cells under a merge from the merge's first cell, so only the file tells
    whether each of them is bordered (the printed box of a merged 一级 or 描述 cell)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        styles = ElementTree.fromstring(archive.read("xl/styles.xml"))
        borders = [all(border.find(f"m:{side}", NS) is not None and border.find(f"m:{side}", NS).get("style") == "thin"
                       for side in ("left", "right", "top", "bottom"))
                   for border in styles.find("m:borders", NS)]
        boxed_xf = [borders[int(xf.get("borderId", 0))] for xf in styles.find("m:cellXfs", NS)]
        sheets = sorted((n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")),
                        key=lambda n: int(n[len("xl/worksheets/sheet"):-4]))
        return [sorted(c.get("r") for c in ElementTree.fromstring(archive.read(n)).iter(f"{{{NS['m']}}}c")
                       if boxed_xf[int(c.get("s", 0))]) for n in sheets]


def assert_same_workbook(expected_data: bytes, actual_data: bytes) -> None:
    assert boxed_cells(actual_data) == boxed_cells(expected_data)
    expected = openpyxl.load_workbook(io.BytesIO(expected_data))
    actual = openpyxl.load_workbook(io.BytesIO(actual_data))
    assert actual.sheetnames == expected.sheetnames
    for name in expected.sheetnames:
        old, new = expected[name], actual[name]
        assert sheet_view(new) == sheet_view(old), name
        rows, cols = max(old.max_row, new.max_row), max(old.max_column, new.max_column)
        for row in range(1, rows + 1):
            for col in range(1, cols + 1):
                assert cell_view(new.cell(row, col)) == cell_view(old.cell(row, col)), \
                    f"{name}!{old.cell(row, col).coordinate}"
    for field in ("creator", "title", "created", "modified"):
        assert getattr(actual.properties, field) == getattr(expected.properties, field)
    assert [(p.name, p.value) for p in actual.custom_doc_props] == [(p.name, p.value) for p in expected.custom_doc_props]
    assert sorted(actual.defined_names) == sorted(expected.defined_names)


@pytest.mark.parametrize("key", ["fengrun", "funing", "mixed", "big"])
def test_the_workbook_is_the_one_the_openpyxl_writer_wrote(key):
    document = fixtures.documents()[key]
    expected = (WORKBOOKS / fixtures.FIXTURES[key]).read_bytes()
    assert_same_workbook(expected, workbook_bytes(document))


def test_the_application_named_is_excel_compatible():
    """LibreOffice keeps the row heights of a workbook whose application is Microsoft Excel
    (or says it is compatible) and recomputes them otherwise: the printed table would grow."""
    with zipfile.ZipFile(io.BytesIO(workbook_bytes(fixtures.documents()["fengrun"]))) as archive:
        app = ElementTree.fromstring(archive.read("docProps/app.xml"))
    application = app.find("{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Application")
    assert application.text.startswith("Microsoft Excel")


def test_an_unmarked_template_carries_no_format_property():
    document = fixtures.documents()["fengrun"]
    with zipfile.ZipFile(io.BytesIO(workbook_bytes(document, marked=False))) as archive:
        assert "docProps/custom.xml" not in archive.namelist()
        assert "custom-properties" not in archive.read("[Content_Types].xml").decode()
    assert openpyxl.load_workbook(io.BytesIO(workbook_bytes(document, marked=False))).custom_doc_props.props == []


def test_the_same_document_gives_the_same_bytes_in_another_process(tmp_path):
    """Determinism across processes too (merge order, style order): a saved file that did not
    change is not a changed file."""
    script = ("import sys; sys.path[:0] = [sys.argv[1]]; from perfdesk.fileio.xlsx_write import workbook_bytes;"
              "import importlib.util as u; s = u.spec_from_file_location('m', sys.argv[2]); m = u.module_from_spec(s);"
              "s.loader.exec_module(m); sys.stdout.buffer.write(workbook_bytes(m.mixed_document()))")
    root = Path(__file__).resolve().parents[2]
    other = subprocess.run([sys.executable, "-c", script, str(root), str(WORKBOOKS / "make_writer_fixtures.py")],
                           capture_output=True, check=True).stdout
    assert other == workbook_bytes(fixtures.mixed_document())


def test_what_is_written_reads_back_as_the_old_writers_workbook_did(tmp_path):
    path = tmp_path / "mixed.xlsx"
    path.write_bytes(workbook_bytes(fixtures.mixed_document()))
    assert load_document(path) == load_document(WORKBOOKS / fixtures.FIXTURES["mixed"])
