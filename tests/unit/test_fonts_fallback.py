"""No character is ever lost in a PDF: a glyph the chosen font lacks comes from an installed
font that has it; a character no installed font has stops the export, named with its place."""

from __future__ import annotations

import copy
import datetime
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest
from reportlab.pdfbase.ttfonts import TTFont

from perfdesk.compare.diff import compare_documents
from perfdesk.compare.pdf import write_comparison
from perfdesk.errors import FontMissingError
from perfdesk.model import BudgetUnit, Document, Indicator, Project
from perfdesk.pdf import FontPaths, export_pdf

from unit.pdf_readback import indicator_rows, printed_number, read_paper, read_project_tables

DIGITLESS = str(Path(__file__).parents[1] / "data" / "fonts" / "digitless-hei.ttf")
UMING = "/usr/share/fonts/truetype/arphic/uming.ttc"
MICROHEI = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
NOWHERE = "\U00030EDE"  # 𰻞 (CJK Ext. G): no font on the test machines has it (fc-list :charset=30ede)


def _document(name: str = "信息化建设项目", value: str = "≥95%") -> Document:
    project = Project(
        code="13082125P00112345678X", name=name, purpose="用于2025年机房运维",
        budget_total=Decimal("123.45"), budget_fiscal=Decimal("100.00"), budget_other=Decimal("23.45"),
        goals=["完成3次培训"],
        indicators=[
            Indicator(level1="产出指标", level2="数量指标", level3="培训人次", description="完成培训",
                      value=value, basis="工作计划"),
            Indicator(level1="产出指标", level2="质量指标", level3="合格率", description="质量合格",
                      value="100%", basis="工作计划"),
            Indicator(level1="产出指标", level2="时效指标", level3="完成时间", description="按时完成",
                      value="2025年12月31日前", basis="工作计划"),
            Indicator(level1="效益指标", level2="经济效益指标", level3="降低成本", description="节约经费",
                      value="≤0.2万元", basis="工作计划"),
        ])
    project.spending_plan.checkpoints[0].value = Decimal("25")
    project.spending_plan.checkpoints[3].value = Decimal("100")
    return Document(department="测试局", year=2025, units=[BudgetUnit(code="112001", name="本级", projects=[project])])


def test_digitless_chosen_font_still_prints_every_code_amount_and_percentage(tmp_path):
    # The fixture has hanzi but no 0-9 (checked here, not assumed), like Droid Sans Fallback.
    digitless = TTFont("check-digitless", DIGITLESS).face.charToGlyph
    assert not any(ord(c) in digitless for c in "0123456789.%") and ord("中") in digitless
    target = tmp_path / "digitless.pdf"
    export_pdf(_document(), target, fonts=FontPaths(DIGITLESS, DIGITLESS))
    table = read_project_tables(target)["1.信息化建设项目绩效目标表"]
    cells = [(c or "").replace("\n", "") for row in table.rows for c in row]
    for printed in ("13082125P00112345678X", "123.45", "100.00", "23.45", "25%", "100%", "用于2025年机房运维",
                    "1.完成3次培训"):
        assert printed in cells, printed
    assert [row[4] for row in indicator_rows(table)] == ["≥95%", "100%", "2025年12月31日前", "≤0.2万元"]
    assert table.unit_line.replace(" ", "") == "112001本级单位：万元"
    with pdfplumber.open(target) as pdf:
        assert [printed_number(page) for page in pdf.pages[-2:]] == [1, 2]  # page numbers have digits too
        contents = next(page for page in pdf.pages if "目" in (page.extract_text() or "") and "录" in page.extract_text())
        assert "......" in contents.extract_text()  # the 目录's leader dots, though the font has no "."
        fonts = {}
        for page in pdf.pages:
            for char in page.chars:
                fonts.setdefault(char["text"], set()).add(char["fontname"].split("+")[-1])
    # Hanzi stay in the chosen font; the digits come from an installed Chinese font that has them.
    assert fonts["项"] == {"DigitlessHei"} and fonts["本"] == {"DigitlessHei"}
    assert fonts["1"] and "DigitlessHei" not in fonts["1"] and "DigitlessHei" not in fonts["%"]


def test_a_rare_hanzi_missing_from_both_chosen_fonts_comes_from_another_installed_font(tmp_path):
    # 䶮 (CJK Ext. A, in a name) is in neither chosen font (checked), but in AR PL UMing.
    rare = "\u4dae"
    for path in (DIGITLESS, MICROHEI):
        assert ord(rare) not in TTFont(f"check-{Path(path).stem}", path).face.charToGlyph
    target = tmp_path / "rare.pdf"
    export_pdf(_document(name=f"刘{rare}故居修缮项目"), target, fonts=FontPaths(MICROHEI, DIGITLESS))
    with pdfplumber.open(target) as pdf:
        chars = [char for page in pdf.pages for char in page.chars if char["text"] == rare]
    assert len(chars) >= 3, "䶮 was not printed in the 目录, the title and the table"
    assert all(char["fontname"].split("+")[-1].startswith("UMing") for char in chars)


def test_a_character_no_installed_font_has_stops_the_export_naming_it_and_where(tmp_path):
    target = tmp_path / "holes.pdf"
    document = _document(value=f"≥95{NOWHERE}")
    document.department = f"测试局{NOWHERE}"
    with pytest.raises(FontMissingError) as caught:
        export_pdf(document, target)
    message = str(caught.value)
    assert "“𰻞”（U+30EDE）" in message
    assert "封面" in message and "项目“1.信息化建设项目绩效目标表”的指标值" in message
    assert "PDF 未导出" in message
    assert not target.exists()


def test_a_paper_with_a_digitless_font_prints_its_numbers_and_refuses_a_missing_character(tmp_path):
    old = _document()
    new = copy.deepcopy(old)
    new.units[0].projects[0].indicators[0].value = "≥98%"
    target = tmp_path / "比较.pdf"
    write_comparison(old, new, compare_documents(old, new), target, "旧.xlsx", "新.xlsx",
                     fonts=FontPaths(DIGITLESS, DIGITLESS), date=datetime.date(2025, 3, 1))
    pages, _ = read_paper(target)
    text = "".join(pages).replace(" ", "")
    assert "≥98%" in text and "≥95%" in text and "第1页共1页" in text and "2025年3月1日" in text
    new.units[0].projects[0].indicators[0].value = f"≥98{NOWHERE}"
    with pytest.raises(FontMissingError) as caught:
        write_comparison(old, new, compare_documents(old, new), tmp_path / "缺字.pdf", "旧.xlsx", "新.xlsx",
                         fonts=FontPaths(DIGITLESS, DIGITLESS))
    assert "“𰻞”（U+30EDE）" in str(caught.value)
    assert not (tmp_path / "缺字.pdf").exists()


def test_invisible_characters_pasted_from_word_do_not_stop_the_export(tmp_path):
    # A zero-width space and a byte-order mark print as nothing; they are in no font, yet no refusal.
    target = tmp_path / "zero-width.pdf"
    export_pdf(_document(name="信息化\u200b建设\ufeff项目"), target)
    pages, _ = read_paper(target)
    assert "1.信息化建设项目绩效目标表" in "".join(pages).replace("\u200b", "").replace("\ufeff", "")
