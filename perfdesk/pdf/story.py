"""The layout's blocks (:mod:`perfdesk.layout.blocks`) as ReportLab flowables in a print
profile's styles: paragraphs, headings that note their page, 目录 lines, unit lines and the
project tables (:mod:`perfdesk.pdf.project_table`)."""

from __future__ import annotations

from functools import cached_property

from reportlab.lib.units import mm
from reportlab.platypus import NextPageTemplate, PageBreak, Spacer, Table, TableStyle

from perfdesk.layout import blocks
from perfdesk.layout.profile import PrintProfile
from perfdesk.pdf.fonts import FontSet
from perfdesk.pdf.layout import Heading, PageRecord, TocLine
from perfdesk.pdf.linebreak import ChineseParagraph
from perfdesk.pdf.project_table import grid_table
from perfdesk.pdf.styles import Styles, make_styles


class Builder:
    """Turns the layout's blocks into ReportLab flowables in the profile's styles."""

    def __init__(self, fonts: FontSet, record: PageRecord, profile: PrintProfile, styles: Styles | None = None) -> None:
        self.fonts, self.record, self.profile = fonts, record, profile
        self.styles: Styles = styles or make_styles(fonts, profile)

    def style(self, role: str):
        return getattr(self.styles, role)

    def text(self, text: str, style) -> ChineseParagraph:
        return ChineseParagraph(self.fonts.markup(text, style.fontName), style)

    @cached_property
    def dot_font(self) -> str:
        """The font of a 目录 line's dots: one that has "." (the entry's font may not); looked
        for once, not per 目录 line."""
        return self.fonts.font_with(".", self.styles.toc_entry.fontName)

    def unit_line(self, block: blocks.UnitLine) -> Table:
        s, width = self.styles, self.profile.frame_width
        unit_line = Table([[self.text(block.left, s.unit_left), self.text(block.right, s.unit_right)]],
                          colWidths=[width * 0.75, width * 0.25], hAlign="LEFT",
                          style=TableStyle([("FONTNAME", (0, 0), (-1, -1), s.unit_left.fontName),
                                            ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                                            ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
        unit_line.keepWithNext = True
        return unit_line

    def flowables(self, block) -> list:
        if isinstance(block, blocks.Paragraph):
            return [self.text(block.text, self.style(block.role))]
        if isinstance(block, blocks.Space):
            return [Spacer(1, block.mm * mm)]
        if isinstance(block, blocks.Heading):
            style = self.style(block.role)
            return [Heading(self.fonts.markup(block.text, style.fontName), style, key=block.key, title=block.title,
                            level=block.level, record=self.record, in_toc=block.in_toc)]
        if isinstance(block, blocks.ContentsEntry):
            if block.level == 0:  # a part's line: no number of its own
                return [self.text(block.title, self.styles.toc_part)]
            return [TocLine(self.fonts.markup(block.title), self.styles.toc_entry, block.key, dot_font=self.dot_font,
                            record=self.record)]
        if isinstance(block, blocks.NewPage):
            return [NextPageTemplate(block.section), PageBreak()] if block.section else [PageBreak()]
        if isinstance(block, blocks.UnitLine):
            return [self.unit_line(block)]
        if isinstance(block, blocks.ProjectTable):
            return [grid_table(block, self.fonts, self.styles, self.profile)]
        raise TypeError(f"unknown block {block!r}")

    def story(self, layout_blocks: list) -> list:
        return [flowable for block in layout_blocks for flowable in self.flowables(block)]
