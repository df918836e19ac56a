"""Page geometry and paragraph styles of the printed document (A4 portrait, CJK wrapping)."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from perfdesk.pdf.fonts import FontSet

PAGE_SIZE = A4
MARGIN_LEFT = MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 22 * mm
FRAME_WIDTH = PAGE_SIZE[0] - MARGIN_LEFT - MARGIN_RIGHT
FRAME_HEIGHT = PAGE_SIZE[1] - MARGIN_TOP - MARGIN_BOTTOM

# Columns A..G of the official table; D:E hold 绩效指标描述, F 指标值, G its basis. Sum = 170 mm.
# B and D are 25 mm so that 可持续影响指标 and 其中：财政资金 (7 characters of 9 pt and the
# cell padding) print on one line; A keeps 资金支出计划 (6) on one line.
COLUMN_WIDTHS = [w * mm for w in (22, 25, 25, 25, 19, 24, 30)]


@dataclass
class Styles:
    cover_title: ParagraphStyle
    cover_subtitle: ParagraphStyle
    cover_line: ParagraphStyle
    toc_title: ParagraphStyle
    toc_part: ParagraphStyle
    toc_entry: ParagraphStyle
    part_title: ParagraphStyle
    part2_title: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    item: ParagraphStyle
    table_title: ParagraphStyle
    unit_left: ParagraphStyle
    unit_right: ParagraphStyle
    cell: ParagraphStyle
    cell_left: ParagraphStyle


def make_styles(fonts: FontSet) -> Styles:
    def style(name: str, font: str, size: float, leading: float, **extra) -> ParagraphStyle:
        # wordWrap CJK lets a line break between any two Chinese characters; linebreak.py
        # decides which of those breaks are allowed (lastLineMin, keepGroups).
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, wordWrap="CJK", **extra)

    # A title keeps 绩效目标表 and bracket groups such as （2022年） or （第一批） together.
    title_lines = dict(lastLineMin=5, keepGroups=10)

    body, hei = fonts.body, fonts.heading
    return Styles(
        cover_title=style("cover_title", hei, 26, 40, alignment=TA_CENTER),
        cover_subtitle=style("cover_subtitle", hei, 20, 30, alignment=TA_CENTER),
        cover_line=style("cover_line", body, 16, 28, alignment=TA_CENTER),
        toc_title=style("toc_title", hei, 20, 30, alignment=TA_CENTER, spaceAfter=18),
        toc_part=style("toc_part", hei, 13, 20, spaceBefore=10, spaceAfter=4),
        toc_entry=style("toc_entry", body, 11, 17, leftIndent=14, spaceAfter=3, **title_lines),
        part_title=style("part_title", hei, 18, 28, alignment=TA_CENTER, keepWithNext=1, spaceAfter=6),
        # The space above the first table is the title's own: a Spacer between them would end
        # ReportLab's keep-with-next chain and leave the title alone on its page.
        part2_title=style("part2_title", hei, 18, 28, alignment=TA_CENTER, keepWithNext=1, spaceAfter=6 + 6 * mm),
        heading=style("heading", hei, 14, 22, keepWithNext=1, spaceBefore=12, spaceAfter=6),
        subheading=style("subheading", hei, 12, 20, keepWithNext=1, spaceBefore=6, spaceAfter=3,
                         firstLineIndent=24),
        body=style("body", body, 12, 21, firstLineIndent=24, spaceAfter=3, alignment=TA_LEFT),
        item=style("item", body, 12, 21, firstLineIndent=24, spaceAfter=3),
        table_title=style("table_title", hei, 14, 22, alignment=TA_CENTER, keepWithNext=1, spaceAfter=8,
                          **title_lines),
        unit_left=style("unit_left", body, 10.5, 15),
        unit_right=style("unit_right", body, 10.5, 15, alignment=TA_RIGHT),
        # No punctuation hangs past a line's end (linebreak.py), so the cell padding alone
        # keeps every glyph inside the ruling.
        cell=style("cell", body, 9, 12, alignment=TA_CENTER),
        cell_left=style("cell_left", body, 9, 12, alignment=TA_LEFT),
    )
