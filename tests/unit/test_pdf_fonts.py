"""Font choice for the PDF: settings first, then system fonts; glyphs that must print do."""

from __future__ import annotations

import pdfplumber
import pytest
from reportlab.pdfbase.ttfonts import TTFont

from perfdesk.errors import FontMissingError
from perfdesk.model import BudgetUnit, Document, Indicator, Project
from perfdesk.pdf import FontPaths, export_pdf, find_fonts
from perfdesk.pdf import fonts as pdf_fonts

UMING = "/usr/share/fonts/truetype/arphic/uming.ttc"
MICROHEI = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"


def test_linux_setup_fonts_are_found_song_for_body_hei_for_headings():
    fonts = find_fonts()
    assert (fonts.body_path, fonts.heading_path) == (UMING, MICROHEI)
    assert fonts.notes == []
    for symbol in "≥≤＞＜㎡":
        assert fonts.has_glyph(fonts.body, symbol), symbol


def test_the_font_named_in_the_settings_comes_first():
    fonts = find_fonts(FontPaths(body=MICROHEI, heading=UMING))
    assert (fonts.body_path, fonts.heading_path) == (MICROHEI, UMING)


def test_an_unusable_font_in_the_settings_is_replaced_and_reported(tmp_path):
    not_a_font = tmp_path / "宋体.ttf"
    not_a_font.write_text("这不是字体")
    fonts = find_fonts(FontPaths(body=str(not_a_font), heading=str(tmp_path / "gone.ttf")))
    assert (fonts.body_path, fonts.heading_path) == (UMING, MICROHEI)
    assert any("宋体.ttf" in note and "不是可嵌入的 TrueType 中文字体" in note for note in fonts.notes)
    assert any("gone.ttf" in note and "找不到该文件" in note for note in fonts.notes)


def test_without_any_cjk_truetype_font_the_message_says_how_to_get_one(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf_fonts, "BODY_CANDIDATES", ((tmp_path / "simsun.ttc", 0),))
    monkeypatch.setattr(pdf_fonts, "HEADING_CANDIDATES", ((tmp_path / "simhei.ttf", 0),))
    document = Document(department="测试局", year=2025)
    target = tmp_path / "out.pdf"
    with pytest.raises(FontMissingError) as caught:
        export_pdf(document, target)
    message = str(caught.value)
    assert "宋体" in message and "黑体" in message
    assert "fonts-arphic-uming" in message and "simsun.ttc" in message
    assert not target.exists()


def test_comparison_signs_and_square_metres_print_and_a_missing_glyph_borrows_a_font(tmp_path):
    # ₂ is not in AR PL UMing (checked here, not assumed): it must come from the Hei font.
    assert ord("₂") not in TTFont("check-uming", UMING, subfontIndex=0).face.charToGlyph
    values = ["≥5人", "≤0.2万元", "＞3次", "＜1%", "550元/㎡", "减少CO₂排放"]
    project = Project(code="13082125P00112345678X", name="符号", indicators=[
        Indicator(level1="产出指标", level2="数量指标", level3=f"指标{i}", description="描述", value=value, basis="工作计划")
        for i, value in enumerate(values, 1)
    ])
    document = Document(department="测试局", year=2025, units=[BudgetUnit(code="112001", name="本级", projects=[project])])
    export_pdf(document, tmp_path / "symbols.pdf", project_codes=[project.code])
    with pdfplumber.open(tmp_path / "symbols.pdf") as pdf:
        page = pdf.pages[0]
        text = page.extract_text()
        for value in values:
            assert value in text
        fonts_by_char = {}
        for char in page.chars:
            fonts_by_char.setdefault(char["text"], set()).add(char["fontname"].split("+")[-1])
    assert fonts_by_char["₂"] == {"WenQuanYiMicroHei-0"}
    assert fonts_by_char["≥"] == {"UMingCN-0"} and fonts_by_char["㎡"] == {"UMingCN-0"}
