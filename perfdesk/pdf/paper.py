"""A paper: a plain A4 document with perfdesk's fonts and page numbers.

What the papers perfdesk prints besides the text itself (the 审核意见, the 文本比较) have in
common: A4 (portrait, or landscape for wide tables), the PDF export's embedded TrueType fonts
and Chinese line breaking, a title and a few lines, section and project headings each followed
by a ruled table whose header repeats on every page, a heading never left alone at the foot of
a page, ``第 N 页 共 M 页`` under every page, and a file replaced atomically (a half-written
paper never takes the old one's place).
"""

from __future__ import annotations

import datetime
import io
import os
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import landscape as turned
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, CondPageBreak, Frame, PageTemplate, Table, TableStyle
from reportlab.platypus.doctemplate import LayoutError

from perfdesk.errors import FontMissingError, PerfdeskError, SaveError
from perfdesk.fileio.safe_save import replace_file
from perfdesk.pdf.fonts import FontPaths, FontSet, find_fonts
from perfdesk.pdf.linebreak import ChineseParagraph
from perfdesk.pdf.styles import MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, PAGE_SIZE, make_styles

HEADER_FILL = colors.Color(0.88, 0.88, 0.88)
FOOTER_SIZE = 10.5
CELL_PADDING = 3  # pt, left and right of a table cell's text


def paper_date(date: datetime.date) -> str:
    """``2026年12月6日``, as a date is written on a Chinese official paper (no leading zeros)."""
    return f"{date.year}年{date.month}月{date.day}日"


def page_size(landscape: bool = False) -> tuple[float, float]:
    return turned(PAGE_SIZE) if landscape else PAGE_SIZE


def frame_width(landscape: bool = False) -> float:
    """The width tables are laid out in: the page less the export's margins."""
    return page_size(landscape)[0] - MARGIN_LEFT - MARGIN_RIGHT


def paper_fonts(fonts: FontPaths | None = None) -> FontSet:
    """The fonts given, else the files ``perfdesk export`` takes from PERFDESK_BODY_FONT /
    PERFDESK_HEADING_FONT: the commands that write papers have no font options, and a paper
    must print where the export prints."""
    if fonts is None:
        body, heading = os.environ.get("PERFDESK_BODY_FONT"), os.environ.get("PERFDESK_HEADING_FONT")
        fonts = FontPaths(body or None, heading or None) if body or heading else None
    return find_fonts(fonts)


def pdf_target(target: Path | str, what: str) -> Path:
    """``target`` as a Path; SaveError (nothing written) unless it names a .pdf: a paper
    written over the clerk's workbook would lose it."""
    target = Path(target)
    if target.suffix.lower() != ".pdf":
        raise SaveError(f"{what}只能写成 PDF 文件：“{target}”不是以 .pdf 结尾的文件名，未写出。")
    return target


class PaperStyles:
    """The export's styles (same fonts and line breaking), sized for a paper of a few pages."""

    def __init__(self, fonts: FontSet) -> None:
        base = make_styles(fonts)
        hei = fonts.heading

        def like(parent: ParagraphStyle, name: str, **changes) -> ParagraphStyle:
            return ParagraphStyle(name, parent=parent, **changes)

        self.title = like(base.part_title, "paper_title", fontName=hei, fontSize=16, leading=24, spaceAfter=8,
                          keepWithNext=0)
        self.line = like(base.body, "paper_line", fontSize=10.5, leading=17, firstLineIndent=0, spaceAfter=2)
        # No keepWithNext: ReportLab would move a long table whole to the next page with its
        # heading; RoomFor keeps a heading with the first rows instead.
        self.section = like(base.heading, "paper_section", fontName=hei, fontSize=13, leading=20, spaceBefore=12,
                            keepWithNext=0)
        self.project = like(base.subheading, "paper_project", fontSize=11.5, leading=17, firstLineIndent=0,
                            spaceBefore=10, spaceAfter=2, keepWithNext=0)
        self.marks = like(self.line, "paper_marks", spaceAfter=4)
        self.cell = like(base.cell_left, "paper_cell", fontSize=9.5, leading=13, alignment=TA_LEFT)
        self.cell_centre = like(self.cell, "paper_cell_centre", alignment=TA_CENTER)
        self.header = like(self.cell_centre, "paper_header", fontName=hei)


def paragraph(fonts: FontSet, text: str, style: ParagraphStyle) -> ChineseParagraph:
    """``text`` as typed (escaped, glyphs the style's font lacks borrowed from the other font)."""
    return ChineseParagraph(fonts.markup(text, style.fontName), style)


def ruled(rows: list[list], widths: list[float], font: str, commands: list[tuple] = (),
          split_rows: bool = False) -> Table:
    """A table ruled all over with a grey header row; ``commands`` add to or override the style.
    ``split_rows`` lets one row run on over a page break: for cells that may hold a text
    taller than a page, which a row kept whole could never print."""
    # repeatRows: a table continued on the next page keeps its header, as the reader reads it.
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT", splitInRow=int(split_rows))
    table.setStyle(TableStyle([
        # A table sets its cells' font even for paragraphs: left alone it would be Helvetica,
        # listed in the PDF and not embedded.
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        *commands,
    ]))
    return table


class RoomFor(CondPageBreak):
    """Starts a new page unless the flowables given (headings and a table's first rows) fit
    on this one: ReportLab's keepWithNext would instead move a whole long table to the next
    page, leaving the rest of this one empty."""

    def __init__(self, flowables: list) -> None:
        super().__init__(0)
        self.flowables = flowables

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.height = sum(f.wrap(available_width, available_height)[1] + f.getSpaceBefore() + f.getSpaceAfter()
                          for f in self.flowables)
        return super().wrap(available_width, available_height)


def kept_together(heads: list, body, preview=None) -> list:
    """``heads`` then ``body``, moved to a new page together unless the headings and
    ``preview`` fit on this one. ``preview`` is the table's header and first rows built of
    paragraphs of their own (it is only measured; a flowable is laid out in one place only);
    without it the whole ``body`` (a line, a short table) is kept with the headings."""
    return [RoomFor([*heads, body if preview is None else preview]), *heads, body]


def _numbered_canvas(font: str) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """A canvas that writes ``第 N 页 共 M 页`` on every page once M is known: pages are
        kept until the document is complete, so the paper is laid out only once."""

        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.saveState()
                self.setFont(font, FOOTER_SIZE)
                # The page's own width: a landscape paper has its number in its own middle.
                self.drawCentredString(self._pagesize[0] / 2, MARGIN_BOTTOM / 2,
                                       f"第 {self._pageNumber} 页 共 {total} 页")
                self.restoreState()
                super().showPage()
            super().save()

    return NumberedCanvas


def write_paper(target: Path, story: list, fonts: FontSet, *, title: str, subject: str, author: str = "",
                landscape: bool = False, item: str = "内容") -> None:
    """Lay ``story`` out on A4 (turned if ``landscape``) and replace ``target`` with it.

    Raises PerfdeskError when a flowable cannot fit on a page (``item`` names it in the
    message), SaveError when the file cannot be written (the old file is left as it was).
    """
    if fonts.missing:  # met while the story was marked up: never a paper with holes
        chars = "、".join(f"“{c}”（U+{ord(c):04X}）" for c in sorted(fonts.missing))
        raise FontMissingError(f"本机没有任何字体能打印{chars}，{item}所在的文件未写出（否则这些字会印成空白）。"
                               "请改用常见的字，或安装含有这些字的 TrueType 字体后再试。")
    size = page_size(landscape)
    buffer = io.BytesIO()
    template = BaseDocTemplate(
        buffer, pagesize=size, title=title, author=author, subject=subject, creator="perfdesk",
        leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT, topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
        # Else the canvas starts in Helvetica, a font the PDF would list without embedding it.
        initialFontName=fonts.body,
    )
    frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, frame_width(landscape), size[1] - MARGIN_TOP - MARGIN_BOTTOM,
                  id="paper", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    template.addPageTemplates([PageTemplate("paper", [frame])])
    try:
        template.build(story, canvasmaker=_numbered_canvas(fonts.font_with("第页共 0123456789")))
    except LayoutError as error:
        raise PerfdeskError(f"排版失败：有一条{item}无法放进 A4 页面（{error}）。") from None
    replace_file(target, buffer.getvalue())
