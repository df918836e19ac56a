"""Putting drawn pages (:mod:`perfdesk.pdf.pages`) together into the one PDF: in order, with
what depends on a page's place in the whole document — its printed number, the bookmarks and
outline entries of its headings, and the 目录's page numbers (forms defined once every heading's
page is known)."""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from perfdesk.pdf.layout import NUMBER_COLUMN, HeadingPage, draw_page_number, toc_form_name
from perfdesk.pdf.pages import DrawnPage, PageStyle, prime


@dataclass
class Numbers:
    """The fonts the assembly draws numbers in (both have the digits and the format's characters)."""

    page_number_font: str
    toc_font: str


def placed_headings(pages: list[DrawnPage]) -> list[HeadingPage]:
    """Where every heading landed: printed page numbers start at 1 on the first numbered page."""
    first = next((sheet for sheet, page in enumerate(pages, 1) if page.template == "body"), 1)
    return [HeadingPage(mark.key, mark.title, mark.level, sheet - first + 1, sheet)
            for sheet, page in enumerate(pages, 1) for mark in page.marks]


def assemble(pages: list[DrawnPage], style: PageStyle, numbers: Numbers, *, title: str, author: str,
             contents: list[str]) -> tuple[bytes, list[HeadingPage]]:
    """The PDF of ``pages`` and where their headings landed. ``contents``: the keys the 目录 shows
    a number for; one whose heading is not among the pages (a first-pages preview) shows none."""
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
    first = next((sheet for sheet, page in enumerate(pages, 1) if page.template == "body"), 1)
    landed = iter(headings)
    for sheet, page in enumerate(pages, 1):
        if page.template == "body":
            # Drawn first, as a page template draws it before the page's content.
            draw_page_number(canvas, profile, numbers.page_number_font, sheet - first + 1)
        canvas._code.append(page.code)
        canvas._formsinuse.extend(page.forms)
        for mark in page.marks:
            heading = next(landed)
            canvas.bookmarkHorizontalAbsolute(mark.key, mark.y, left=mark.x)
            canvas.addOutlineEntry(heading.title, heading.key, level=heading.level, closed=False)
        canvas.showPage()
    size = profile.styles["toc_entry"].size
    numbered = {heading.key: heading.page for heading in headings
                if any(mark.in_toc and mark.key == heading.key for mark in pages[heading.sheet - 1].marks)}
    for key in dict.fromkeys([*numbered, *contents]):
        canvas.beginForm(toc_form_name(key), lowerx=-NUMBER_COLUMN, lowery=-6, upperx=2, uppery=20)
        if key in numbered:
            canvas.setFont(numbers.toc_font, size)
            canvas.drawRightString(0, 0, str(numbered[key]))
        canvas.endForm()
    canvas.save()
    return buffer.getvalue(), headings
