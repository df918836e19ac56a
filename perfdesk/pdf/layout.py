"""Page templates, headings that know their page, and 目录 lines whose numbers come later.

Pages are drawn in pieces (:mod:`perfdesk.pdf.pages`, perhaps in several processes) and put
together afterwards (:mod:`perfdesk.pdf.assemble`). So what depends on a page's place in the
whole document is not drawn with the page: its printed number, and for a heading its bookmark,
its outline entry and its number in the 目录. A :class:`Heading` only notes where it was drawn
(a :class:`Mark`); a page template only notes which template each page used.

The 目录 stands before the pages it lists: each 目录 line notes where its page number goes (a
:class:`NumberSlot`), and the assembly writes the number there once every heading's page is
known. Page numbers start at 1 on the first page of Part 1; the cover and the 目录 carry none,
as in the official texts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.paragraph import ParagraphStyle

from perfdesk.layout.blocks import TOC_TITLE_LIMIT  # noqa: F401 - where it used to be defined
from perfdesk.layout.profile import DEFAULT_PROFILE, PrintProfile, load_profile
from perfdesk.pdf.linebreak import ChineseParagraph

NUMBER_COLUMN = 36.0  # room at the right of a 目录 line for its page number
MIN_LEADER = 24.0  # at least this much of a 目录 line's dots (about eight) before its number


@dataclass
class HeadingPage:
    """Where a heading landed: ``page`` is the printed number, ``sheet`` the 1-based PDF page."""

    key: str
    title: str
    level: int
    page: int
    sheet: int


@dataclass(frozen=True)
class Mark:
    """A heading as drawn on a page: ``sheet`` counts the pages of the piece being drawn from 1;
    (``x``, ``y``) is the top of the heading on the page, where its bookmark points."""

    key: str
    title: str
    level: int
    in_toc: bool
    sheet: int
    x: float
    y: float


@dataclass(frozen=True)
class NumberSlot:
    """Where a 目录 line's page number goes: right-aligned at (``x``, ``y``) on page ``sheet``
    of the piece, the number of the heading with ``key``."""

    key: str
    sheet: int
    x: float
    y: float


@dataclass
class PageRecord:
    """Filled in while a piece of the document is drawn: each page's template, the headings
    and the 目录's number slots."""

    profile: PrintProfile = field(default_factory=lambda: load_profile(DEFAULT_PROFILE))
    templates: list[str] = field(default_factory=list)  # per page drawn, its template's id
    marks: list[Mark] = field(default_factory=list)
    slots: list[NumberSlot] = field(default_factory=list)


class Heading(ChineseParagraph):
    """A heading paragraph that, when drawn, notes its page and place (a bookmark and a 目录
    number once the pages are put together)."""

    def __init__(self, markup: str | None, style: ParagraphStyle, *, key: str | None = None, title: str = "",
                 level: int = 0, record: PageRecord | None = None, in_toc: bool = False, **paragraph) -> None:
        # Paragraph.split makes its parts with self.__class__(None, style, frags=...): those
        # parts start without a key and draw as plain text.
        super().__init__(markup, style, **paragraph)
        self.key, self.title, self.level, self.record, self.in_toc = key, title, level, record, in_toc

    def draw(self) -> None:
        if self.key is not None and self.record is not None:
            canvas = self.canv
            x, y = canvas.absolutePosition(0, self.height)
            self.record.marks.append(Mark(self.key, self.title, self.level, self.in_toc,
                                          canvas.getPageNumber(), x, y))
        super().draw()

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        # A heading is not cut: it moves to the next page whole, unless it is taller than a
        # whole page; then its first part keeps the bookmark and the 目录 number.
        frame_height = self.record.profile.frame_height if self.record is not None else available_height
        if available_height < frame_height - 1:
            return []
        parts = super().split(available_width, available_height)
        if len(parts) == 2:
            first = parts[0]
            first.key, first.title, first.level = self.key, self.title, self.level
            first.record, first.in_toc = self.record, self.in_toc
        return parts


class TocLine(Flowable):
    """``title ........ N``: the title wraps; N, the heading's page, is written at the right
    when the pages are put together."""

    def __init__(self, markup: str, style: ParagraphStyle, key: str, dot_font: str | None = None,
                 record: PageRecord | None = None) -> None:
        super().__init__()
        self.paragraph = ChineseParagraph(markup, style)
        self.style, self.key, self.record = style, key, record
        self.dot_font = dot_font or style.fontName  # a font that has "." (the style's may not)
        self._text_width = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self._text_width = available_width - NUMBER_COLUMN
        _, height = self.paragraph.wrap(self._text_width, available_height)
        if self._last_line_free() < MIN_LEADER:
            # A title that fills its last line would leave no room for the dots: wrap it
            # shorter, so that the reader's eye can still follow the line to its number.
            self._text_width -= MIN_LEADER
            _, height = self.paragraph.wrap(self._text_width, available_height)
        self.height = height
        return available_width, height

    def _last_line_free(self) -> float:
        """Room left at the end of the title's last line (a left-aligned line ends short by it)."""
        lines = self.paragraph.blPara.lines
        if not lines:
            return self._text_width
        last = lines[-1]
        return (last[0] if isinstance(last, tuple) else getattr(last, "extraSpace", 0)) or 0.0

    def getSpaceAfter(self) -> float:
        return self.style.spaceAfter

    def draw(self) -> None:
        canvas, style = self.canv, self.style
        self.paragraph.drawOn(canvas, 0, 0)
        lines = max(1, len(self.paragraph.blPara.lines))
        text_end = self._text_width - self._last_line_free()
        baseline = self.height - style.fontSize - (lines - 1) * style.leading
        dot = canvas.stringWidth(".", self.dot_font, style.fontSize)
        start, end = text_end + 4, self.width - NUMBER_COLUMN + 4
        if end > start and dot > 0:
            canvas.setFont(self.dot_font, style.fontSize)
            canvas.drawString(start, baseline, "." * int((end - start) / dot))
        if self.record is not None:
            x, y = canvas.absolutePosition(self.width, baseline)
            self.record.slots.append(NumberSlot(self.key, canvas.getPageNumber(), x, y))


class _Document(BaseDocTemplate):
    _doSave = 0  # the pages are taken from the canvas as they end; the piece is never saved


def make_template(record: PageRecord, *, initial_font: str, first: str = "cover") -> BaseDocTemplate:
    """A4 portrait (or the profile's page): ``cover`` and ``front`` pages without a number,
    ``body`` pages with one (drawn when the pages are put together); the first page uses the
    template named ``first``. Every page's template is noted in ``record.templates``."""

    profile = record.profile
    left, bottom, page_size = profile.margin("left"), profile.margin("bottom"), profile.page_size

    def frame(name: str) -> Frame:
        return Frame(left, bottom, profile.frame_width, profile.frame_height, id=name,
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    def noted(name: str):
        def on_page(canvas, doc) -> None:
            record.templates.append(name)
        return on_page

    document = _Document(
        None, pagesize=page_size, leftMargin=left, rightMargin=profile.margin("right"),
        topMargin=page_size[1] - bottom - profile.frame_height, bottomMargin=bottom,
        # The canvas's own starting font would otherwise be Helvetica, a font the PDF lists but
        # does not embed, and which would take a font name the assembled PDF does not have.
        initialFontName=initial_font,
    )
    templates = [PageTemplate(name, [frame(name)], onPage=noted(name)) for name in ("cover", "front", "body")]
    # The first template in the list is the one the first page uses.
    document.addPageTemplates(sorted(templates, key=lambda template: template.id != first))
    return document


def draw_page_number(canvas, profile: PrintProfile, font: str, printed: int) -> None:
    """The printed number of a body page at the profile's place (centred, or GB/T 9704's outer side)."""
    number = profile.page_number
    left, bottom, page_size = profile.margin("left"), profile.margin("bottom"), profile.page_size
    canvas.saveState()
    canvas.setFont(font, number.size)
    text, baseline = number.text(printed), number.baseline(bottom)
    if number.placement == "outer":
        # GB/T 9704: odd pages at the right, even pages at the left, one character in.
        inset = number.indent_chars * number.size
        if printed % 2:
            canvas.drawRightString(left + profile.frame_width - inset, baseline, text)
        else:
            canvas.drawString(left + inset, baseline, text)
    else:
        canvas.drawCentredString(page_size[0] / 2, baseline, text)
    canvas.restoreState()
