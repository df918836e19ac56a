"""The Word-printed fixtures import field by field, and the .docx reader copes with what Word
files hold besides plain paragraphs and grid tables.

tests/data/import/word holds .docx files typed as clerks type them in Word (made by
make_fixtures.py there, with a 目录 of page numbers, auto-numbering, Symbol-font ≥, a table
over three pages) and the PDFs LibreOffice printed from them. Each is written from a hand-made
expected document, which the import must give back. The reader tests below build their .docx
from the official layout of test_import_docx.py and change one thing each; expected values are
the hand transcriptions of tests/expected_samples.
"""

from __future__ import annotations

import copy
import importlib.util
import re
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from expected_samples import fengrun_2022, funing_2024, long_table
from perfdesk.importers import import_file
from perfdesk.importers.files import read_docx_blocks
from perfdesk.model import Document

HERE = Path(__file__).resolve().parent
WORD = HERE.parent / "data" / "import" / "word"
# Each fixture (.docx and the .pdf printed from it) and the document it was written from.
FIXTURES = {"fengrun_2022": fengrun_2022.build, "funing_2024": funing_2024.build,
            "funing_2024_long": long_table.build}
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

_spec = importlib.util.spec_from_file_location("official_docx", HERE / "test_import_docx.py")
official_docx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(official_docx)


def assert_same_document(got: Document, want: Document) -> None:
    """Field by field first, so that a failure names the field; then the whole document."""
    for name in ("department", "year", "status", "prepared_by", "reviewed_by"):
        assert getattr(got, name) == getattr(want, name), f"封面 {name}"
    assert got.part1.overall_goal == want.part1.overall_goal
    assert got.part1.sub_goals == want.part1.sub_goals
    assert got.part1.measures == want.part1.measures
    assert [(u.code, u.name) for u in got.units] == [(u.code, u.name) for u in want.units]
    assert got.project_count() == want.project_count()
    for number in range(1, want.project_count() + 1):
        mine, theirs = got.project(*got.locate(number)), want.project(*want.locate(number))
        for name in ("code", "name", "budget_total", "budget_fiscal", "budget_other", "purpose",
                     "spending_plan", "goals"):
            assert getattr(mine, name) == getattr(theirs, name), f"项目 {number} {name}"
        assert len(mine.indicators) == len(theirs.indicators), f"项目 {number} 指标行数"
        for row, (a, b) in enumerate(zip(mine.indicators, theirs.indicators), start=1):
            assert a.cells() == b.cells(), f"项目 {number} 第 {row} 行指标"
        assert mine == theirs
    assert got == want


# ----------------------------------------------------------------------- the fixtures
@pytest.mark.parametrize("name", FIXTURES)
def test_word_fixture_imports_field_by_field(name: str) -> None:
    result = import_file(WORD / f"{name}.docx")
    assert_same_document(result.document, FIXTURES[name]())
    # Nothing of the text is left over: the notes only remark on what the text itself holds.
    assert not any("未导入" in n.reason or "无法识别" in n.reason or "目录列出" in n.reason for n in result.notes)
    assert not result.warnings


def test_the_expected_long_table_is_made_by_hand() -> None:
    document = long_table.build()
    project = document.project(0, long_table.LONG_PROJECT)
    assert len(project.indicators) == 60
    assert [i.level1 for i in project.indicators].count("效果指标") == 14  # the older spelling, kept
    others = funing_2024.build()
    others.units[0].projects[long_table.LONG_PROJECT] = project
    assert others == document  # only that project differs from the Funing example


@pytest.mark.parametrize("name", FIXTURES)
def test_fixture_files_are_what_the_readme_says(name: str) -> None:
    word, pdf = WORD / f"{name}.docx", WORD / f"{name}.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size < 400_000
    assert word.stat().st_size < 200_000
    document = docx.Document(str(word))
    section = document.sections[-1]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)  # A4
    tables = [t for t in document.tables if "项目名称" in t._tbl.xml]
    assert len(tables) == FIXTURES[name]().project_count()
    xml = tables[0]._tbl.xml
    # The merges of DOMAIN.md §2 are real merges, and every cell has a border.
    assert 'w:gridSpan w:val="2"' in xml and 'w:gridSpan w:val="3"' in xml and 'w:gridSpan w:val="6"' in xml
    assert 'w:vMerge w:val="restart"' in xml
    borders = tables[0]._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.tag.split("}")[1]: b.get(qn("w:val")) for b in borders} == dict.fromkeys(
        ("top", "left", "bottom", "right", "insideH", "insideV"), "single")


def test_long_table_runs_over_pages_in_the_print() -> None:
    # The 目录 typed from the print: table 5 starts on page 9, table 6 three pages later.
    toc = [b.text for b in read_docx_blocks(WORD / "funing_2024_long.docx") if not b.is_row][:30]
    pages = {m.group(1): int(m.group(2)) for m in (re.match(r"^(\d+)\..*\t(\d+)$", t) for t in toc) if m}
    assert pages["6"] - pages["5"] == 3


# ----------------------------------------------------------------------- reader details
def _official(tmp_path: Path, name: str = "text.docx") -> tuple[Path, Document]:
    want = funing_2024.build()
    path = tmp_path / name
    official_docx.write_official_docx(want, path)
    return path, want


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def test_symbol_font_characters_read_as_shown(tmp_path: Path) -> None:
    # ≥ and ≤ from Insert ▸ Symbol (font "Symbol") are w:sym codes, not text; a Wingdings tick is
    # a picture and gives nothing; a w:sym of a Unicode font is its character.
    path, want = _official(tmp_path)
    word = docx.Document(str(path))
    for table in word.tables:
        for tc in table._tbl.iter(_w("tc")):
            for t in tc.iter(_w("t")):
                if t.text and t.text[0] in "≥≤":
                    run = t.getparent()
                    sym = etree.SubElement(run, _w("sym"))
                    sym.set(_w("font"), "Symbol")
                    sym.set(_w("char"), "F0B3" if t.text[0] == "≥" else "F0A3")
                    run.remove(t)
                    rest = copy.deepcopy(run)
                    rest.remove(rest.find(_w("sym")))
                    etree.SubElement(rest, _w("t")).text = t.text[1:]
                    run.addnext(rest)
    first = word.paragraphs[0]._p
    for font, char in (("Wingdings", "F0FC"), ("宋体", "2605")):
        run = etree.SubElement(first, _w("r"))
        sym = etree.SubElement(run, _w("sym"))
        sym.set(_w("font"), font)
        sym.set(_w("char"), char)
    word.save(str(path))
    assert "w:sym" in docx.Document(str(path)).tables[0]._tbl.xml
    assert read_docx_blocks(path)[0].text == want.department + "★"
    result = import_file(path)
    assert result.document.units == want.units


def test_a_manual_line_break_on_the_cover_keeps_the_name_whole(tmp_path: Path) -> None:
    path, want = _official(tmp_path)
    word = docx.Document(str(path))
    name = word.paragraphs[0]
    name.text = "秦皇岛市抚宁区科技和工业"
    name.runs[0].add_break()  # Shift+Enter
    name.add_run("信息化局")
    word.save(str(path))
    blocks = read_docx_blocks(path)
    assert [(b.text, b.line) for b in blocks[:2]] == [("秦皇岛市抚宁区科技和工业", 1), ("信息化局", 1)]
    assert_same_document(import_file(path).document, want)


def test_rows_and_cells_in_content_controls_are_read(tmp_path: Path) -> None:
    # A bureau template's repeating section (w:sdt around rows) and a fill-in field (w:sdt
    # around one cell) hide nothing.
    path, want = _official(tmp_path)
    word = docx.Document(str(path))
    for table in word.tables:
        tbl = table._tbl
        rows = tbl.findall(_w("tr"))
        sdt = etree.Element(_w("sdt"))
        content = etree.SubElement(sdt, _w("sdtContent"))
        rows[7].addprevious(sdt)
        for tr in rows[7:]:
            content.append(tr)
        code_cell = rows[0].findall(_w("tc"))[1]
        cell_sdt = etree.Element(_w("sdt"))
        code_cell.addprevious(cell_sdt)
        etree.SubElement(cell_sdt, _w("sdtContent")).append(code_cell)
    word.save(str(path))
    assert_same_document(import_file(path).document, want)


def test_a_table_nested_in_a_data_cell_is_read_into_that_cell(tmp_path: Path) -> None:
    # Goals pasted from Excel as a small table inside the 绩效目标 cell: number and goal in two
    # columns. The row is data (a label beside it), not a layout box: its text stays in the cell.
    path, want = _official(tmp_path)
    word = docx.Document(str(path))
    projects = [p for _, _, _, p in want.projects()]
    for table, project in zip(word.tables, projects):
        goals = table.cell(5, 1)
        for paragraph in goals.paragraphs[1:]:
            paragraph._p.getparent().remove(paragraph._p)
        goals.paragraphs[0].text = ""
        inner = goals.add_table(rows=len(project.goals), cols=2)
        for row, goal in zip(inner.rows, project.goals):
            row.cells[0].text, row.cells[1].text = f"{project.goals.index(goal) + 1}.", goal
    word.save(str(path))
    assert_same_document(import_file(path).document, want)


def test_legacy_horizontal_merges_show_their_text_once(tmp_path: Path) -> None:
    # Old Word and some WPS versions merge across with w:hMerge instead of w:gridSpan; the
    # continuing cell may still hold a copy of the text.
    path, want = _official(tmp_path)
    word = docx.Document(str(path))
    for table in word.tables:
        tc = table._tbl.findall(_w("tr"))[0].findall(_w("tc"))[1]  # the code, over B:C
        properties = tc.find(_w("tcPr"))
        properties.remove(properties.find(_w("gridSpan")))
        etree.SubElement(properties, _w("hMerge")).set(_w("val"), "restart")
        twin = copy.deepcopy(tc)
        twin.find(_w("tcPr")).find(_w("hMerge")).set(_w("val"), "continue")
        tc.addnext(twin)
    word.save(str(path))
    row = next(b for b in read_docx_blocks(path) if b.is_row)
    assert row.cells[:4] == ["项目编码", want.units[0].projects[0].code, "", "项目名称"]
    assert_same_document(import_file(path).document, want)


# ----------------------------------------------------------------------- auto-numbering
LISTS = f"""<w:numbering xmlns:w="{W_NS}">
  <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
    <w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
  <w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/>
    <w:numFmt w:val="decimalEnclosedCircleChinese"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum>
  <w:abstractNum w:abstractNumId="3"><w:numStyleLink w:val="ListStyle"/></w:abstractNum>
  <w:abstractNum w:abstractNumId="4"><w:styleLink w:val="ListStyle"/>
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="11"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="12"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="13"><w:abstractNumId w:val="1"/>
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
  <w:num w:numId="14"><w:abstractNumId w:val="2"/></w:num>
  <w:num w:numId="15"><w:abstractNumId w:val="3"/></w:num>
  <w:num w:numId="16"><w:abstractNumId w:val="4"/></w:num>
</w:numbering>"""


def test_word_numbering_counts_per_list_and_restarts_where_told(tmp_path: Path) -> None:
    word = docx.Document()
    numbering = word.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for child in etree.fromstring(LISTS):
        numbering.append(child)
    style = word.styles.add_style("ListStyle", 4)  # a numbering (list) style, as Word's 多级列表
    style.element.set(qn("w:styleId"), "ListStyle")
    properties = etree.SubElement(style.element, qn("w:pPr"))
    num_pr = etree.SubElement(properties, qn("w:numPr"))
    etree.SubElement(num_pr, qn("w:numId")).set(qn("w:val"), "16")
    paragraphs = [("甲", "11", 0), ("乙", "11", 0), ("丙", "12", 0),  # two instances of one list: 1 2 3
                  ("丁", "13", 0), ("戊", "13", 0),  # restarted at 1 where it is first used
                  ("己", "14", 0), ("庚", "14", 0),  # circled digits
                  ("辛", "15", 0), ("壬", "15", 1), ("癸", "15", 1), ("子", "15", 0), ("丑", "15", 1)]
    for text, num_id, level in paragraphs:
        paragraph = word.add_paragraph(text)
        numbered = etree.SubElement(paragraph._p.get_or_add_pPr(), qn("w:numPr"))
        etree.SubElement(numbered, qn("w:ilvl")).set(qn("w:val"), str(level))
        etree.SubElement(numbered, qn("w:numId")).set(qn("w:val"), num_id)
    path = tmp_path / "lists.docx"
    word.save(str(path))
    assert [b.text for b in read_docx_blocks(path)] == [
        "1.甲", "2.乙", "3.丙", "1.丁", "2.戊", "①己", "②庚", "一、辛", "（一）壬", "（二）癸", "二、子", "（一）丑"]
