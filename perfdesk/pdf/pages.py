"""Drawing a piece of the document into page content that :mod:`perfdesk.pdf.assemble` puts
into the one PDF; in a worker process or in the exporting one, given and returning plain data.

The document is cut into *segments*, each starting on a new page (the cover, the 目录, Part 1,
each project's table): a segment is laid out the same wherever it is drawn, so pieces of
consecutive segments can be drawn apart and their pages put one after the other.

How pieces drawn apart share one PDF: text in an embedded TrueType font is written as codes of
the font's subsets, which ReportLab hands out in the order characters are first drawn, and a
font's name in the PDF (/F1, /F2 …) in the order fonts are first used. Every piece's canvas, and
the assembly's, first draws ("primes") the same characters per font in the same order, so they
all agree. A piece that meets a character it was not primed with stops and says which
(:class:`Unprimed`); the exporter adds them at the end of the priming (earlier codes stay as
they were) and draws that piece again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import NextPageTemplate, PageBreak
from reportlab.platypus.doctemplate import LayoutError

from perfdesk.errors import PerfdeskError
from perfdesk.layout import blocks
from perfdesk.layout.blocks import Layout
from perfdesk.layout.profile import PrintProfile
from perfdesk.pdf.fonts import CHAR, FontSet, how_printed
from perfdesk.pdf.layout import Mark, NumberSlot, PageRecord, make_template
from perfdesk.pdf.story import Builder
from perfdesk.pdf.styles import Styles, make_styles


@dataclass
class Segment:
    """Blocks that start on a new page using ``template`` ("cover", "front" or "body")."""

    template: str
    blocks: list

    @cached_property
    def weight(self) -> int:
        """About how long the segment takes to lay out (characters and table rows)."""
        total = 0
        for block in self.blocks:
            if isinstance(block, blocks.ProjectTable):
                total += sum(40 + sum(len(c.text) for c in row.cells) for row in block.rows)
            else:
                total += 20 + len(getattr(block, "text", "") or getattr(block, "title", ""))
        return total


def segments(layout: Layout) -> list[Segment]:
    """The layout cut at its page breaks."""
    found: list[Segment] = []
    template = "cover" if layout.whole else "body"
    current: list = []
    for block in layout.blocks:
        if isinstance(block, blocks.NewPage):
            found.append(Segment(template, current))
            template, current = block.section or template, []
        else:
            current.append(block)
    found.append(Segment(template, current))
    return found


@dataclass
class PageStyle:
    """What every piece needs besides its segments: the profile, the fonts, and the characters
    each font is primed with (font name -> characters, fonts in the order of priming)."""

    profile: PrintProfile
    fonts: FontSet
    primed: dict[str, str] = field(default_factory=dict)

    def extended(self, more: dict[str, str]) -> "PageStyle":
        """The same with ``more`` characters primed after the ones already primed."""
        primed = dict(self.primed)
        for name, chars in more.items():
            known = set(primed.get(name, ""))
            primed[name] = primed.get(name, "") + "".join(c for c in sorted(set(chars)) if c not in known)
        return PageStyle(self.profile, self.fonts, primed)


@dataclass
class DrawnPage:
    """One page as drawn: its template, its content stream (without the page number), the
    headings drawn on it and the 目录 numbers to be written on it."""

    template: str
    code: str
    marks: list[Mark] = field(default_factory=list)
    slots: list[NumberSlot] = field(default_factory=list)


class Unprimed(Exception):
    """A piece met characters (font name -> characters) that its canvas was not primed with."""

    def __init__(self, chars: dict[str, str]) -> None:
        super().__init__(chars)
        self.chars = chars


def prime(canvas: Canvas, primed: dict[str, str]) -> dict[str, frozenset[int]]:
    """Give ``canvas``'s document the primed characters' codes; returns, per font, the
    characters that then have codes."""
    doc = canvas._doc
    coded = {}
    for name, chars in primed.items():
        font = pdfmetrics.getFont(name)
        font.splitString(chars, doc)
        font.getSubsetInternalName(0, doc)  # the font's PDF name, in priming order
        coded[name] = frozenset(font.state[doc].assignments)
    return coded


def primed_characters(layout_blocks, fonts: FontSet, styles: Styles) -> dict[str, str]:
    """The characters each font will draw for these blocks: a character the font deciding the
    markup lacks is drawn from another font that has it, as :meth:`FontSet.markup` decides."""
    # The texts' characters are first gathered per (font drawn in, font deciding), so that
    # each distinct character is looked at once, not once per cell.
    texts: dict[tuple[str, str], set[str]] = {}

    def add(text: str, drawn_in: str, decided_by: str | None = None) -> None:
        texts.setdefault((drawn_in, decided_by or drawn_in), set()).update(text)

    cell = styles.cell.fontName
    dots = fonts.font_with(".", styles.toc_entry.fontName)  # the 目录 lines' leaders (story.Builder)
    for block in layout_blocks:
        if isinstance(block, (blocks.Paragraph, blocks.Heading)):
            add(block.text, getattr(styles, block.role).fontName)
        elif isinstance(block, blocks.ContentsEntry):
            if block.level == 0:
                add(block.title, styles.toc_part.fontName)
            else:
                add(block.title, styles.toc_entry.fontName, fonts.body)
                add(".", dots)
        elif isinstance(block, blocks.UnitLine):
            add(block.left, styles.unit_left.fontName)
            add(block.right, styles.unit_right.fontName)
        elif isinstance(block, blocks.ProjectTable):
            for row in block.rows:
                for table_cell in row.cells:
                    add(table_cell.text, cell, fonts.body)
                for group in row.groups.values():
                    add(group.text, cell, fonts.body)
    wanted: dict[str, set[str]] = {}
    for (drawn_in, decided_by), chars in texts.items():
        # The markup's own rule (fonts.how_printed), on each distinct character once.
        for kind, other, char in how_printed(fonts, decided_by, "".join(sorted(chars))):
            if kind == CHAR:
                wanted.setdefault(other or drawn_in, set()).add(char)
    order = list(dict.fromkeys((fonts.body, fonts.heading, *fonts._faces)))
    return {name: "".join(sorted(wanted[name])) for name in sorted(wanted, key=_font_order(order))}


def _font_order(order: list[str]):
    return lambda name: (order.index(name) if name in order else len(order), name)


class _PieceCanvas(Canvas):
    """A canvas that primes its fonts first and hands each page over as it ends."""

    def __init__(self, pages: list[DrawnPage], primed: dict[str, str], *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.drawn = pages
        self.primed_codes = prime(self, primed)

    def showPage(self) -> None:
        if self._formsinuse or self._annotationrefs or self._colorsUsed or self._shadingUsed \
                or self._psCommandsBeforePage or self._psCommandsAfterPage or self._extgstate.getState():
            # Nothing perfdesk draws uses these; they would not be carried over to the PDF.
            raise RuntimeError("page uses resources that are not carried over")
        self.drawn.append(DrawnPage("", "\n".join(self._code)))
        if self._onPage:
            self._onPage(self._pageNumber)
        self._startPage()

    def save(self) -> None:  # the piece is never written
        pass

    def unprimed(self) -> dict[str, str]:
        """Characters drawn that were not primed, by font."""
        doc, extra = self._doc, {}
        for name in doc.fontMapping:
            states = getattr(pdfmetrics.getFont(name), "state", None)
            if states is None:  # a built-in font (Helvetica): it cannot be primed, nor be drawn here
                raise RuntimeError(f"font {name} cannot be shared between pieces")
            state = states.get(doc)
            if state is None:
                continue
            coded = self.primed_codes.get(name, frozenset())
            if len(state.assignments) != len(coded) or name not in self.primed_codes:
                extra[name] = "".join(sorted(chr(code) for code in state.assignments if code not in coded))
        return {name: chars for name, chars in extra.items() if chars}


def draw_piece(style: PageStyle, piece: list[Segment]) -> list[DrawnPage]:
    """Lay out and draw consecutive segments; their pages, each with its template and headings.
    Raises :class:`Unprimed` if a character was drawn that the style does not prime."""
    record = PageRecord(profile=style.profile)
    template = make_template(record, initial_font=style.fonts.body, first=piece[0].template)
    builder = Builder(style.fonts, record, style.profile, make_styles(style.fonts, style.profile))
    story: list = []
    for index, segment in enumerate(piece):
        if index:
            story += [NextPageTemplate(segment.template), PageBreak()]
        story += builder.story(segment.blocks)
    pages: list[DrawnPage] = []
    canvases: list[_PieceCanvas] = []

    def canvasmaker(*args, **kwargs) -> _PieceCanvas:
        canvases.append(_PieceCanvas(pages, style.primed, *args, **kwargs))
        return canvases[-1]

    try:
        template.build(story, canvasmaker=canvasmaker)
    except LayoutError as error:
        raise PerfdeskError(f"排版失败：有一段内容无法放进 A4 页面（{error}）。请缩短过长的单元格文字后再导出。") from None
    missing = canvases[-1].unprimed()
    if missing:
        raise Unprimed(missing)
    for page, name in zip(pages, record.templates):
        page.template = name
    for mark in record.marks:
        pages[mark.sheet - 1].marks.append(mark)
    for slot in record.slots:
        pages[slot.sheet - 1].slots.append(slot)
    return pages

