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
COLUMN_WIDTHS = [w * mm for w in (22, 24, 26, 21, 21, 26, 30)]


@dataclass
class Styles:
    cover_title: ParagraphStyle
    cover_subtitle: ParagraphStyle
    cover_line: ParagraphStyle
    toc_title: ParagraphStyle
    toc_part: ParagraphStyle
    toc_entry: ParagraphStyle
    part_title: ParagraphStyle
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
        # wordWrap CJK lets a line break between any two Chinese characters.
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, wordWrap="CJK", **extra)

    body, hei = fonts.body, fonts.heading
    return Styles(
        cover_title=style("cover_title", hei, 26, 40, alignment=TA_CENTER),
        cover_subtitle=style("cover_subtitle", hei, 20, 30, alignment=TA_CENTER),
        cover_line=style("cover_line", body, 16, 28, alignment=TA_CENTER),
        toc_title=style("toc_title", hei, 20, 30, alignment=TA_CENTER, spaceAfter=18),
        toc_part=style("toc_part", hei, 13, 20, spaceBefore=10, spaceAfter=4),
        toc_entry=style("toc_entry", body, 11, 17, leftIndent=14, spaceAfter=3),
        part_title=style("part_title", hei, 18, 28, alignment=TA_CENTER, keepWithNext=1, spaceAfter=6),
        heading=style("heading", hei, 14, 22, keepWithNext=1, spaceBefore=12, spaceAfter=6),
        subheading=style("subheading", hei, 12, 20, keepWithNext=1, spaceBefore=6, spaceAfter=3,
                         firstLineIndent=24),
        body=style("body", body, 12, 21, firstLineIndent=24, spaceAfter=3, alignment=TA_LEFT),
        item=style("item", body, 12, 21, firstLineIndent=24, spaceAfter=3),
        table_title=style("table_title", hei, 14, 22, alignment=TA_CENTER, keepWithNext=1, spaceAfter=8),
        unit_left=style("unit_left", body, 10.5, 15),
        unit_right=style("unit_right", body, 10.5, 15, alignment=TA_RIGHT),
        # Half a character kept free at the right so that punctuation hanging at a line end
        # stays inside its cell's ruling.
        cell=style("cell", body, 9, 12, alignment=TA_CENTER, rightIndent=4.5),
        cell_left=style("cell_left", body, 9, 12, alignment=TA_LEFT, rightIndent=4.5),
    )


def _chinese_line_breaking() -> None:
    """Chinese punctuation must not start a line (it hangs at the end of the previous one).

    ReportLab's CJK wrapping knows the Japanese list of such characters, which lacks the
    full-width comma, semicolon, colon and friends; its wrappers read module-level strings.
    """
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    extra = "，；：？！、。）》〉」』】”’％"
    for module in (textsplit, paragraph):  # one-fragment and many-fragment paragraphs
        module.ALL_CANNOT_START += "".join(ch for ch in extra if ch not in module.ALL_CANNOT_START)


_chinese_line_breaking()
