"""The 绩效目标表's cells, drawn without ReportLab Paragraphs: where their lines break, which
font prints each character, what becomes of spaces and control characters, how a cell taller
than a page continues, and that no character crosses its column's ruling."""

from __future__ import annotations

import pickle
from decimal import Decimal
from pathlib import Path

import pdfplumber
from reportlab.lib.units import mm

from pdf_readback import cell_lines, compact
from perfdesk.layout.profile import load_profile
from perfdesk.model import BudgetUnit, Document, Indicator, Project
from perfdesk.pdf import FontPaths, export_pdf
from perfdesk.pdf.cells import CellText
from perfdesk.pdf.fonts import find_fonts
from perfdesk.pdf.grid import Cell, GridRow, GridTable, Ruling
from perfdesk.pdf.styles import make_styles

DIGITLESS = str(Path(__file__).parents[1] / "data" / "fonts" / "digitless-hei.ttf")  # hanzi, no 0-9 . %


def _document(indicators: list[Indicator], purpose: str = "用于日常运转") -> Document:
    project = Project(code="13082125P00112345678X", name="信息化建设项目", budget_total=Decimal("123.45"),
                      budget_fiscal=Decimal("123.45"), purpose=purpose, goals=["完成年度任务"],
                      indicators=indicators)
    return Document(department="测试局", year=2025, units=[BudgetUnit(code="112001", name="本级", projects=[project])])


def _indicator(level3: str = "培训人次", description: str = "完成培训", value: str = "≥95%") -> Indicator:
    return Indicator(level1="产出指标", level2="数量指标", level3=level3, description=description, value=value,
                     basis="工作计划")


def _cell(path, first_text: str):
    """The lines of the cell whose text starts with ``first_text`` (on any page)."""
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for cell in cell_lines(page):
                if "".join(cell.texts()).startswith(first_text):
                    return cell
    raise AssertionError(f"no cell starting with {first_text!r}")


def test_a_narrow_cell_breaks_its_lines_where_the_rules_allow(tmp_path):
    # 三级指标 is 25 mm wide: seven characters of 9 pt fit between the paddings. A comma never
    # starts a line (it takes 率 along), an opening bracket never ends one.
    path = tmp_path / "breaks.pdf"
    export_pdf(_document([_indicator("项目资金使用率，达标"), _indicator("年度资金支出（万元）合计"),
                          _indicator("可持续影响指标")]), path)
    assert _cell(path, "项目资金").texts() == ["项目资金使用", "率，达标"]
    assert _cell(path, "年度资金").texts() == ["年度资金支出", "（万元）合计"]
    assert _cell(path, "可持续").texts() == ["可持续影响指标"]  # exactly seven: one line


def test_a_cell_with_characters_from_two_fonts_prints_every_character_in_order(tmp_path):
    # The chosen font has no digits, no "." and no "%": those come from another installed font,
    # the hanzi from the chosen one, all in one cell and in the order typed.
    path = tmp_path / "mixed.pdf"
    description = "完成培训120人次，合格率达到95.5%以上，覆盖3个乡镇"
    export_pdf(_document([_indicator(description=description, value="≥95%")]), path,
               fonts=FontPaths(DIGITLESS, DIGITLESS))
    cell = _cell(path, "完成培训")
    assert "".join(cell.texts()) == description
    assert "".join(compact(line) for line in _cell(path, "≥").texts()) == "≥95%"
    fonts = {char["text"]: char["fontname"].split("+")[-1] for line in cell.lines for char in line}
    assert fonts["完"] == fonts["培"] == "DigitlessHei"
    assert "DigitlessHei" not in (fonts["1"], fonts["5"], fonts["."], fonts["%"])
    # A number is never cut between two lines, even where its font changes around it.
    assert any("95.5%" in line for line in cell.texts())


def test_spaces_are_kept_tabs_become_one_space_and_control_characters_print_as_nothing(tmp_path):
    path = tmp_path / "spaces.pdf"
    export_pdf(_document([_indicator(description="99号  关于\t通知\x01文件")]), path)  # fits on one line
    with pdfplumber.open(path) as pdf:
        page = next(p for p in pdf.pages if "关于" in (p.extract_text() or ""))
        cell = next(c for c in cell_lines(page) if "关于" in "".join(c.texts()))
        x0, top, x1, bottom = cell.box
        printed = "".join(char["text"] for char in page.chars
                          if x0 < char["x0"] < x1 and top < char["top"] < bottom)
    assert printed == "99号  关于 通知文件"


def test_an_empty_cell_prints_nothing_and_its_row_keeps_the_smallest_height(tmp_path):
    path = tmp_path / "empty.pdf"
    export_pdf(_document([_indicator(level3="空值行", value=""), _indicator(level3="有值行", value="100%")]), path)
    with pdfplumber.open(path) as pdf:
        page = next(p for p in pdf.pages if "空值行" in (p.extract_text() or ""))
        rows = {"".join(c.texts()): c.box for c in cell_lines(page) if "".join(c.texts()) in ("空值行", "有值行")}
    for x0, top, x1, bottom in rows.values():
        assert abs((bottom - top) - 18) < 0.5  # compact profile: rows are at least 18 pt high


def test_a_funds_purpose_longer_than_a_page_continues_with_its_label_on_the_next_page(tmp_path):
    # Under gbt9704 this used to stop the export (a Paragraph split twice lost its lines).
    purpose = "".join(f"第{i}句说明文字，" for i in range(1, 400)) + "结束。"
    path = tmp_path / "tall.pdf"
    export_pdf(_document([_indicator()], purpose=purpose), path, profile="gbt9704")
    pieces = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            cells = {"".join(c.texts()): c for c in cell_lines(page)}
            piece = next((text for text in cells if "说明文字" in text), None)
            if piece is None:
                continue
            pieces.append(piece)
            assert "预算规模及资金用途" in cells  # the merged label is printed again beside each piece
    assert len(pieces) >= 2
    assert "".join(pieces) == purpose


def test_every_character_stays_inside_its_columns_ruling(tmp_path):
    # Long, centred and left-aligned cells, two fonts, a table over several pages.
    filler = "按照年度工作计划组织实施≥95%，确保资金使用规范安全有效，面积㎡（第一批）"
    indicators = [_indicator(level3=f"第{i}项指标（第一批）", description=filler * (1 + i % 3), value=f"≥{i}㎡")
                  for i in range(1, 25)]
    path = tmp_path / "ruling.pdf"
    export_pdf(_document(indicators, purpose=filler * 4), path, fonts=FontPaths(DIGITLESS, DIGITLESS))
    checked = 0
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) >= 3
        for page in pdf.pages:
            tables = page.find_tables()
            if not tables:
                continue
            left, top, right, bottom = tables[0].bbox
            rulings = [line for line in page.lines if abs(line["x0"] - line["x1"]) < 0.01]
            for char in page.chars:
                if not char["text"].strip() or not (top < char["top"] < bottom):
                    continue
                middle = (char["top"] + char["bottom"]) / 2
                assert left < char["x0"] and char["x1"] < right, char["text"]
                crossing = [r for r in rulings if char["x0"] + 0.01 < r["x0"] < char["x1"] - 0.01
                            and r["top"] < middle < r["bottom"]]
                assert not crossing, (char["text"], char["x0"], char["x1"])
                checked += 1
    assert checked > 2000


def _cell_style():
    fonts = find_fonts()
    return fonts, make_styles(fonts, load_profile("compact")).cell


def test_a_split_cell_never_leaves_a_single_line_and_loses_nothing():
    fonts, style = _cell_style()
    text = "绩效目标设定依据充分" * 3 + "结束语句完成"  # 36 characters: five lines of seven, one of one
    cell = CellText(fonts.runs(text), style)
    width = 7 * 9 + 1.5
    assert cell.wrap(width, 1e6) == (width, 6 * 12)  # lastLineMin: the last line takes 成 along
    assert [len("".join(piece for _, piece in runs)) for _, runs, _ in cell.lines(width)] == [7, 7, 7, 7, 6, 2]
    assert cell.split(width, 12) == []  # one line would be left alone on the page: all moves on
    assert cell.split(width, 100) == [cell]
    head, tail = cell.split(width, 30)  # room for two lines (30 pt / 12 pt leading)
    assert head.wrap(width, 1e6)[1] == 24 and tail.wrap(width, 1e6)[1] == 4 * 12
    printed = ["".join(piece for _, piece in runs) for part in (head, tail) for _, runs, _ in part.lines(width)]
    assert "".join(printed) == text


def test_a_table_built_in_one_process_can_be_drawn_in_another():
    fonts, style = _cell_style()
    row = GridRow([Cell(0, 1, CellText(fonts.runs("预算规模≥95%"), style))])
    table = GridTable([row], [40 * mm, 60 * mm], 700.0, None, Ruling())
    copy = pickle.loads(pickle.dumps(table))
    assert copy.wrap(500, 700) == table.wrap(500, 700) == (100 * mm, 18.0)
    assert copy.rows[0].cells[0].content.text == "预算规模≥95%"
