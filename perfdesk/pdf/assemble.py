"""Putting drawn pages (:mod:`perfdesk.pdf.pages`) together into the one PDF: in order, with
what depends on a page's place in the whole document — its printed number, the bookmarks and
outline entries of its headings, and the 目录's page numbers, written where the 目录 lines left
room for them once every heading's page is known."""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from perfdesk.pdf.layout import HeadingPage, draw_page_number
from perfdesk.pdf.pages import DrawnPage, PageStyle, prime


@dataclass
class Numbers:
    """The fonts the assembly draws numbers in (both have the digits and the format's characters)."""

    page_number_font: str
    toc_font: str


def first_numbered(pages: list[DrawnPage]) -> int:
    """The PDF page (from 1) printed as page 1: the first page of the body."""
    return next((sheet for sheet, page in enumerate(pages, 1) if page.template == "body"), 1)


def placed_headings(pages: list[DrawnPage]) -> list[HeadingPage]:
    """Where every heading landed: printed page numbers start at 1 on the first numbered page."""
    first = first_numbered(pages)
    return [HeadingPage(mark.key, mark.title, mark.level, sheet - first + 1, sheet)
            for sheet, page in enumerate(pages, 1) for mark in page.marks]


def assemble(pages: list[DrawnPage], style: PageStyle, numbers: Numbers, *, title: str,
             author: str) -> tuple[bytes, list[HeadingPage]]:
    """The PDF of ``pages`` and where their headings landed. A 目录 line whose heading is not
    among the pages (a preview of the first pages) is left without a number."""
    profile = style.profile
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=profile.page_size, initialFontName=style.fonts.body)
    canvas.setAuthor(author)
    canvas.setTitle(title)
    canvas.setSubject("部门预算绩效文本")
    canvas.setCreator("perfdesk")
    # A reader opens the PDF with the bookmark panel (Part 1, Part 2, every table) shown.
    canvas.showOutline()
    prime(canvas, style.primed)  # before anything is drawn here: the pages' codes are these
    headings = placed_headings(pages)
    page_of = {heading.key: heading.page for heading in headings}
    first = first_numbered(pages)
    toc_size = profile.styles["toc_entry"].size
    landed = iter(headings)
    for sheet, page in enumerate(pages, 1):
        if page.template == "body":
            # Drawn first, as a page template draws it before the page's content.
            draw_page_number(canvas, profile, numbers.page_number_font, sheet - first + 1)
        canvas._code.append(page.code)
        if page.slots:
            canvas.setFont(numbers.toc_font, toc_size)
            for slot in page.slots:
                if slot.key in page_of:
                    canvas.drawRightString(slot.x, slot.y, str(page_of[slot.key]))
        for mark in page.marks:
            heading = next(landed)
            canvas.bookmarkHorizontalAbsolute(mark.key, mark.y, left=mark.x)
            canvas.addOutlineEntry(heading.title, heading.key, level=heading.level, closed=False)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue(), headings
