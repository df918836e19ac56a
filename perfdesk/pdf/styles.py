"""Paragraph styles of the printed document from its print profile (CJK wrapping), and the
``compact`` profile's page geometry as constants for the other papers (paper.py)."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from perfdesk.layout.profile import DEFAULT_PROFILE, STYLE_ROLES, PrintProfile, load_profile
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


def make_styles(fonts: FontSet, profile: PrintProfile | None = None) -> Styles:
    """The paragraph styles of a print profile (``compact`` when none is given)."""
    profile = profile or load_profile(DEFAULT_PROFILE)

    def style(role: str) -> ParagraphStyle:
        spec = profile.styles[role]
        extra = dict(lastLineMin=5, keepGroups=10) if spec.title else {}
        # wordWrap CJK lets a line break between any two Chinese characters; linebreak.py
        # decides which of those breaks are allowed (lastLineMin, keepGroups). A title keeps
        # 绩效目标表 and bracket groups such as （2022年） or （第一批） together.
        return ParagraphStyle(role, fontName=fonts.role(spec.font), fontSize=spec.size, leading=spec.leading,
                              wordWrap="CJK", alignment=_ALIGN[spec.align], firstLineIndent=spec.indent,
                              leftIndent=spec.left_indent, spaceBefore=spec.space_before,
                              spaceAfter=spec.space_after, keepWithNext=int(spec.keep_with_next), **extra)

    # The space above the first table is part2_title's own: a Spacer between them would end
    # ReportLab's keep-with-next chain and leave the title alone on its page. No punctuation
    # hangs past a line's end (linebreak.py), so the cell padding alone keeps every glyph
    # inside the ruling.
    return Styles(**{role: style(role) for role in STYLE_ROLES})


_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}
